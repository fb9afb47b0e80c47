import { AppError, type ErrorCode, type ErrorParams } from '../../../shared/errors/index';

/**
 * Meta's Graph errors, mapped to the app's own codes.
 *
 * Meta answers `{ error: { message, type, code, error_subcode, error_user_title, error_user_msg,
 * fbtrace_id, is_transient } }` whatever the HTTP status. The app keeps the numbers (so support
 * can trace the call), Meta's texts written for the person (`error_user_title` / `error_user_msg`,
 * shown beside the app's own sentence), and drops `message`, which is written for developers.
 */
export interface GraphErrorBody {
  error?: {
    message?: unknown;
    type?: unknown;
    code?: unknown;
    error_subcode?: unknown;
    is_transient?: unknown;
    fbtrace_id?: unknown;
    error_user_title?: unknown;
    error_user_msg?: unknown;
  };
}

/** What the rules below look at. */
export interface GraphFailure {
  readonly status: number;
  readonly code: number | null;
  readonly subcode: number | null;
  readonly transient: boolean;
}

interface Rule {
  readonly to: ErrorCode;
  readonly when: (failure: GraphFailure) => boolean;
  /** Extra params, for codes whose next action depends on time. */
  readonly params?: (context: { now: Date; usage: string | null }) => ErrorParams;
}

/** Meta's throttling codes: app (4), user (17), page (32), custom (613), WhatsApp Business use case (80007), Cloud API (130429). */
const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613, 80007, 130429]);

/** Longest of Meta's own texts the app keeps. */
export const USER_TEXT_MAX = 300;

/** Meta asks to wait five minutes after deleting a number before it can be registered again (DOMAIN.md). */
export const RECENTLY_DELETED_WAIT_MS = 5 * 60_000;

const code =
  (...codes: number[]) =>
  (failure: GraphFailure) =>
    failure.code !== null && codes.includes(failure.code);

/**
 * The mapping, most specific first: the first rule that matches decides. DOMAIN.md lists the
 * codes; the onboarding ones come before the generic families they also belong to (133016 is a
 * 400 too, 100/2388001 is an invalid parameter too).
 */
const RULES: readonly Rule[] = [
  // 190: token expired or revoked; 102: API session no longer valid. Both mean log in again.
  { to: 'meta.session.expired', when: code(190, 102) },
  { to: 'meta.number.alreadyOnWhatsApp', when: (failure) => failure.subcode === 2388001 },
  { to: 'meta.number.wrongCode', when: (failure) => failure.code === 136025 || failure.subcode === 2388093 },
  { to: 'meta.number.tooManyCodeRequests', when: (failure) => failure.code === 136024 || failure.subcode === 2388091 },
  { to: 'meta.number.pinMismatch', when: code(133005) },
  { to: 'meta.number.tooManyPinGuesses', when: code(133008) },
  { to: 'meta.number.verifyAgain', when: code(133006) },
  { to: 'meta.number.notRegistered', when: code(133010) },
  { to: 'meta.number.recentlyDeleted', when: code(133015), params: ({ now }) => ({ retryAt: new Date(now.getTime() + RECENTLY_DELETED_WAIT_MS).toISOString() }) },
  // Meta gives no time: the onboarding works out when the limit lifts from its attempt log.
  { to: 'meta.number.registerLimit', when: code(133016) },
  {
    to: 'meta.rateLimited',
    when: (failure) => (failure.code !== null && RATE_LIMIT_CODES.has(failure.code)) || failure.status === 429,
    params: ({ now, usage }): ErrorParams => {
      const minutes = estimatedWait(usage);
      return minutes === null ? {} : { retryAfterMinutes: minutes, retryAt: new Date(now.getTime() + minutes * 60_000).toISOString() };
    },
  },
  // 133004: WhatsApp server temporarily unavailable.
  { to: 'meta.transient', when: (failure) => failure.transient || failure.status >= 500 || (failure.code !== null && [1, 2, 133004].includes(failure.code)) },
  { to: 'meta.permission', when: (failure) => failure.code !== null && (failure.code === 3 || failure.code === 10 || (failure.code >= 200 && failure.code <= 299)) },
  { to: 'meta.invalidRequest', when: (failure) => failure.code === 100 || failure.status === 400 },
];

/** Meta's text for the person, kept short and on one line; null when absent or empty. */
function userText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const text = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text === '' ? null : text.slice(0, USER_TEXT_MAX);
}

/**
 * Turns Meta's error body into the app's AppError: the code by the rules above, the numbers
 * (`status`, `graphCode`, `subcode`, `traceId`), Meta's texts for the person (`userTitle`,
 * `userMessage`) and, when the next action depends on time, `retryAfterMinutes` / `retryAt`.
 */
export function graphError(status: number, body: GraphErrorBody | null, usage: string | null, now: Date = new Date()): AppError {
  const error = body?.error;
  const failure: GraphFailure = {
    status,
    code: typeof error?.code === 'number' ? error.code : null,
    subcode: typeof error?.error_subcode === 'number' ? error.error_subcode : null,
    transient: error?.is_transient === true,
  };
  const params: ErrorParams = { status };
  if (failure.code !== null) params.graphCode = failure.code;
  if (failure.subcode !== null) params.subcode = failure.subcode;
  if (typeof error?.fbtrace_id === 'string' && error.fbtrace_id !== '') params.traceId = error.fbtrace_id.slice(0, 64);
  const title = userText(error?.error_user_title);
  const message = userText(error?.error_user_msg);
  if (title !== null) params.userTitle = title;
  if (message !== null) params.userMessage = message;
  const rule = RULES.find((candidate) => candidate.when(failure));
  if (!rule) return new AppError('meta.unknown', params);
  return new AppError(rule.to, { ...params, ...rule.params?.({ now, usage }) });
}

/** Minutes until Meta lifts a throttle, from `X-Business-Use-Case-Usage` when it says so. */
export function estimatedWait(usage: string | null): number | null {
  if (!usage) return null;
  try {
    const parsed = JSON.parse(usage) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const waits = Object.values(parsed as Record<string, unknown>)
      .flatMap((entries) => (Array.isArray(entries) ? (entries as unknown[]) : []))
      .map((entry) => (typeof entry === 'object' && entry !== null ? (entry as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access : undefined))
      .filter((value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0);
    return waits.length ? Math.max(...waits) : null;
  } catch {
    return null;
  }
}
