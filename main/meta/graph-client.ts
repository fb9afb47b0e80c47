import type * as z from 'zod';
import { AppError } from '../../shared/errors';
import type { Logger } from '../ports';

/** Meta's error body: `{ error: { message, type, code, error_subcode, ... } }`. */
interface GraphErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown; is_transient?: unknown; fbtrace_id?: unknown };
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export interface GraphRequest<T> {
  /** Path under the version, e.g. `/me/permissions` or `/{waba-id}/phone_numbers`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Form fields for POST, sent as application/x-www-form-urlencoded like Meta's examples. */
  readonly form?: Readonly<Record<string, string>>;
  readonly schema: z.ZodType<T>;
  readonly signal?: AbortSignal;
}

export interface GraphClient {
  get<T>(request: GraphRequest<T>): Promise<T>;
  post<T>(request: GraphRequest<T>): Promise<T>;
  delete<T>(request: GraphRequest<T>): Promise<T>;
}

interface Options {
  fetch: FetchLike;
  /** `https://graph.facebook.com` live, the sandbox's origin otherwise; read per call. */
  baseUrl: () => string;
  version: () => string;
  /** The access token, or null: a call without one fails as not connected. */
  token: () => string | null;
  /** Meta refused the token (code 190): the session is over, the work is not. */
  onSessionExpired: (subcode: number | null) => void;
  logger: Logger;
  timeoutMs?: number;
  /** Automatic retries of reads; see `retryDelay`. */
  retry?: { attempts: number; baseMs: number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; random?: () => number };
}

/** Short throttles are waited out; anything longer is left to the admin (with the wait shown). */
const MAX_AUTOMATIC_WAIT_MS = 60_000;

/**
 * How long to wait before retrying a read, or null not to retry.
 *
 * Only GETs are retried, and only on what Meta says is temporary (transient, 5xx, a network
 * error, a throttle that lifts within a minute), with exponential backoff and full jitter.
 * Writes (register, verify_code, POSTs in general) are never repeated behind the admin's back.
 */
export function retryDelay(error: AppError, attempt: number, baseMs: number, random: () => number): number | null {
  if (error.code === 'meta.transient' || error.code === 'meta.network') return Math.round(random() * baseMs * 2 ** attempt);
  if (error.code === 'meta.rateLimited') {
    const minutes = typeof error.params.retryAfterMinutes === 'number' ? error.params.retryAfterMinutes : null;
    if (minutes === null) return Math.round(baseMs * 2 ** attempt * (1 + random()));
    return minutes * 60_000 <= MAX_AUTOMATIC_WAIT_MS ? minutes * 60_000 : null;
  }
  return null;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new AppError('meta.cancelled'));
    });
  });

// Meta's throttling codes: app (4), user (17), page (32), custom (613), WhatsApp Business use
// case (80007), and the Cloud API's rate limit (130429).
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429]);
const PERMISSION_CODES = new Set([3, 10]);

/** Turns Meta's error body into a code the renderer translates; the message itself is dropped. */
export function graphError(status: number, body: GraphErrorBody | null, usage: string | null): AppError {
  const error = body?.error;
  const code = typeof error?.code === 'number' ? error.code : null;
  const subcode = typeof error?.error_subcode === 'number' ? error.error_subcode : null;
  const params: Record<string, string | number> = { status };
  if (code !== null) params.graphCode = code;
  if (subcode !== null) params.subcode = subcode;
  if (typeof error?.fbtrace_id === 'string') params.traceId = error.fbtrace_id.slice(0, 64);
  // 190: token expired or revoked; 102: the API session is no longer valid. Both mean log in again.
  if (code === 190 || code === 102) return new AppError('auth.sessionExpired', params);
  if (code !== null && RATE_LIMIT_CODES.has(code)) {
    const minutes = estimatedWait(usage);
    if (minutes !== null) params.retryAfterMinutes = minutes;
    return new AppError('meta.rateLimited', params);
  }
  // 133004: WhatsApp server temporarily unavailable.
  if (error?.is_transient === true || code === 1 || code === 2 || code === 133004 || status >= 500) return new AppError('meta.transient', params);
  if (code !== null && (PERMISSION_CODES.has(code) || (code >= 200 && code <= 299))) return new AppError('meta.permission', params);
  if (code === 100 || status === 400) return new AppError('meta.invalidRequest', params);
  return new AppError('meta.unknown', params);
}

/** Minutes until Meta lifts a throttle, from `X-Business-Use-Case-Usage` when it says so. */
function estimatedWait(usage: string | null): number | null {
  if (!usage) return null;
  try {
    const parsed = JSON.parse(usage) as Record<string, { estimated_time_to_regain_access?: unknown }[]>;
    const waits = Object.values(parsed)
      .flat()
      .map((entry) => entry.estimated_time_to_regain_access)
      .filter((value): value is number => typeof value === 'number');
    return waits.length ? Math.max(...waits) : null;
  } catch {
    return null;
  }
}

/**
 * The Graph API over fetch: token in the Authorization header (never in a URL, so never in a
 * log), version from settings, every answer parsed by a schema, every failure a coded AppError.
 */
export function createGraphClient(options: Options): GraphClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retry = { attempts: 3, baseMs: 500, sleep: defaultSleep, random: Math.random, ...options.retry };

  async function withRetries<T>(method: 'GET' | 'POST' | 'DELETE', request: GraphRequest<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call(method, request);
      } catch (error) {
        const delay = method === 'GET' && error instanceof AppError && attempt + 1 < retry.attempts ? retryDelay(error, attempt, retry.baseMs, retry.random) : null;
        if (delay === null) throw error;
        options.logger.info('graph: retrying a read', { path: request.path, attempt: attempt + 1, delayMs: delay });
        await retry.sleep(delay, request.signal);
      }
    }
  }

  async function call<T>(method: 'GET' | 'POST' | 'DELETE', request: GraphRequest<T>): Promise<T> {
    const token = options.token();
    if (!token) throw new AppError('auth.notConnected');
    const url = new URL(`${options.baseUrl()}/${options.version()}${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    let body: string | undefined;
    if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form as Record<string, string>).toString();
    }
    const signals = [AbortSignal.timeout(timeoutMs), ...(request.signal ? [request.signal] : [])];
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await options.fetch(url.href, { method, headers, body, signal: AbortSignal.any(signals) });
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) throw new AppError('meta.cancelled');
      options.logger.warn('graph: request failed', { method, path: request.path, error: error instanceof Error ? error.name : 'unknown' });
      throw new AppError('meta.network', { path: request.path });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (response.status >= 500) throw new AppError('meta.transient', { status: response.status });
      throw new AppError('meta.malformedResponse', { path: request.path });
    }
    if (response.status >= 400 || (typeof json === 'object' && json !== null && 'error' in json)) {
      const failure = graphError(response.status, json as GraphErrorBody, response.headers.get('x-business-use-case-usage'));
      options.logger.warn('graph: Meta refused a call', { method, path: request.path, ...failure.params });
      if (failure.code === 'auth.sessionExpired') options.onSessionExpired(typeof failure.params.subcode === 'number' ? failure.params.subcode : null);
      throw failure;
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      options.logger.warn('graph: unexpected answer shape', { method, path: request.path, issue: parsed.error.issues[0]?.path.join('.') ?? '' });
      throw new AppError('meta.malformedResponse', { path: request.path });
    }
    return parsed.data;
  }

  return {
    get: (request) => withRetries('GET', request),
    post: (request) => withRetries('POST', request),
    delete: (request) => withRetries('DELETE', request),
  };
}
