import { imageSize } from 'image-size';
import { LOGO_MAX_BYTES, LOGO_RECOMMENDED_SIDE, uncheckedLogo, type LogoCheck, type LogoFailure, type LogoWarning } from '../../shared/model/requirements/requirements';
import type { ByteFetch, Clock, Scheduler } from '../platform/ports';

/** How many redirects the check follows before it gives up (a loop reaches it quickly). */
export const MAX_REDIRECTS = 5;
/** How long a whole check may take, redirects included. */
export const LOGO_CHECK_TIMEOUT_MS = 20_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface LogoCheckDeps {
  byteFetch: ByteFetch;
  scheduler: Scheduler;
  now: Clock;
  /** Sent as `User-Agent`: some hosts refuse requests without one. */
  userAgent: string;
  timeoutMs?: number;
}

/**
 * What a check found: a measured result, no network (`offline`: nothing answered, check again
 * later), or `cancelled` (a newer URL replaced this one).
 */
export type LogoOutcome = { readonly kind: 'checked'; readonly check: LogoCheck } | { readonly kind: 'offline' } | { readonly kind: 'cancelled' };

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, index) => bytes[index] === byte);

/**
 * A certificate or TLS failure: the site answered, but not over a connection Node trusts (an
 * expired certificate, a company proxy). Checking again later would not change it.
 */
function isTlsFailure(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  return /CERT|^ERR_TLS|^ERR_SSL|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code);
}

/** The file's format from its first bytes; its name and `Content-Type` are not trusted. */
function formatOf(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'jpeg';
  return null;
}

/**
 * Checks a logo URL against the manual's rules: a square PNG or JPG of at most 5 MB, 640 × 640 px
 * recommended, publicly hosted.
 *
 * The policy, in order: https only; at most five redirects, each to https; a 2xx answer; a whole
 * check within 20 s; reading stops past 5 MB; the format from magic bytes; the size read from the
 * bytes. Not square or smaller than 640 px are warnings (the manual requires square, recommends
 * 640): the measured size is kept either way so the screen can say it.
 */
export async function checkLogo(url: string, deps: LogoCheckDeps, cancel?: AbortSignal): Promise<LogoOutcome> {
  const base = uncheckedLogo(url);
  const at = () => deps.now().toISOString();
  const failed = (failure: LogoFailure, extra: Partial<LogoCheck> = {}): LogoOutcome => ({
    kind: 'checked',
    check: { ...base, state: 'failed', failure, checkedAt: at(), ...extra },
  });

  let target: URL;
  try {
    target = new URL(url.trim());
  } catch {
    return failed('notHttps');
  }
  if (target.protocol !== 'https:') return failed('notHttps');

  const controller = new AbortController();
  let timedOut = false;
  const timer = deps.scheduler.setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('logo check timed out'));
  }, deps.timeoutMs ?? LOGO_CHECK_TIMEOUT_MS);
  const onCancel = () => controller.abort(new Error('logo check cancelled'));
  if (cancel?.aborted) onCancel();
  cancel?.addEventListener('abort', onCancel, { once: true });

  try {
    for (let redirects = 0; ; redirects += 1) {
      const answer = await deps.byteFetch(target, {
        signal: controller.signal,
        maxBytes: LOGO_MAX_BYTES,
        headers: { 'User-Agent': deps.userAgent, Accept: 'image/png,image/jpeg;q=0.9,*/*;q=0.1' },
      });
      if (REDIRECT_STATUSES.has(answer.status) && answer.location !== null) {
        if (redirects >= MAX_REDIRECTS) return failed('tooManyRedirects');
        let next: URL;
        try {
          next = new URL(answer.location, target);
        } catch {
          return failed('httpStatus', { httpStatus: answer.status });
        }
        if (next.protocol !== 'https:') return failed('redirectNotHttps');
        target = next;
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) return failed('httpStatus', { httpStatus: answer.status });
      const bytes = answer.bytes.length;
      if (answer.truncated) return failed('tooLarge', { bytes });
      const format = formatOf(answer.bytes);
      if (format === null) return failed('notPngOrJpeg', { bytes });
      let size: { width?: number; height?: number; orientation?: number };
      try {
        size = imageSize(answer.bytes);
      } catch {
        return failed('unreadable', { bytes, format });
      }
      if (!size.width || !size.height) return failed('unreadable', { bytes, format });
      // A JPEG rotated by its EXIF orientation (5 to 8) shows with its sides swapped.
      const turned = (size.orientation ?? 1) >= 5;
      const width = turned ? size.height : size.width;
      const height = turned ? size.width : size.height;
      const warnings: LogoWarning[] = [];
      if (width !== height) warnings.push('notSquare');
      if (Math.min(width, height) < LOGO_RECOMMENDED_SIDE) warnings.push('smallerThanRecommended');
      return {
        kind: 'checked',
        check: { ...base, state: warnings.length > 0 ? 'warning' : 'passed', warnings, width, height, bytes, format, checkedAt: at() },
      };
    }
  } catch (error) {
    if (timedOut) return failed('timeout');
    if (cancel?.aborted) return { kind: 'cancelled' };
    if (isTlsFailure(error)) return failed('unreachable');
    return { kind: 'offline' };
  } finally {
    deps.scheduler.clearTimeout(timer);
    cancel?.removeEventListener('abort', onCancel);
  }
}
