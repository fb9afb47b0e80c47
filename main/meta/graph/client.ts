import type * as z from 'zod';
import { AppError } from '../../../shared/errors/index';
import { createJsonClient, fullJitter, type HttpAnswer, type HttpTransport, type RetryPolicy } from '../../platform/http/json-client';

export type { FetchLike } from '../../platform/ports';

/** Meta's error body: `{ error: { message, type, code, error_subcode, ... } }`. */
interface GraphErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown; is_transient?: unknown; fbtrace_id?: unknown };
}

/** One Graph call: a path under the version, its query or form, and the schema of its answer. */
export interface GraphRequest<T> {
  /** Path under the version, e.g. `/me/permissions` or `/{waba-id}/phone_numbers`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Form fields for POST, sent as application/x-www-form-urlencoded like Meta's examples. */
  readonly form?: Readonly<Record<string, string>>;
  readonly schema: z.ZodType<T>;
  readonly signal?: AbortSignal;
}

/** Graph calls on behalf of one token; reads are retried, writes never. */
export interface GraphClient {
  get<T>(request: GraphRequest<T>): Promise<T>;
  post<T>(request: GraphRequest<T>): Promise<T>;
  delete<T>(request: GraphRequest<T>): Promise<T>;
}

interface Options {
  /** The app's shared HTTP transport (fetch, log, User-Agent). */
  http: HttpTransport;
  /** `https://graph.facebook.com` live, the sandbox's origin otherwise; read per call. */
  baseUrl: () => string;
  version: () => string;
  /** The access token, or null: a call without one fails as not connected. */
  token: () => string | null;
  /** Meta refused the token (code 190): the session is over, the work is not. */
  onSessionExpired: (subcode: number | null) => void;
  timeoutMs?: number;
  /** Automatic retries of reads (tries, backoff, and for tests sleep and random); `retryDelay` decides which. */
  retry?: Pick<RetryPolicy, 'attempts' | 'baseMs' | 'sleep' | 'random'>;
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
  if (error.code === 'meta.transient' || error.code === 'meta.network') return fullJitter(attempt, baseMs, random);
  if (error.code === 'meta.rateLimited') {
    const minutes = typeof error.params.retryAfterMinutes === 'number' ? error.params.retryAfterMinutes : null;
    if (minutes === null) return Math.round(baseMs * 2 ** attempt * (1 + random()));
    return minutes * 60_000 <= MAX_AUTOMATIC_WAIT_MS ? minutes * 60_000 : null;
  }
  return null;
}

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
  if (code === 190 || code === 102) return new AppError('meta.session.expired', params);
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
 * Graph's reading of an answer, for the shared JSON client.
 *
 * An error status, or an `error` object in any answer, is a refusal mapped by `graphError`; a
 * body that is not JSON is a temporary failure on a 5xx (a proxy's HTML page) and a malformed
 * answer otherwise.
 */
export function graphAnswerError(answer: HttpAnswer): AppError | null {
  if (answer.body === undefined) {
    if (answer.status >= 500) return new AppError('meta.transient', { status: answer.status });
    return answer.status >= 400 ? new AppError('meta.malformedResponse', { status: answer.status }) : null;
  }
  const body = answer.body;
  const refused = answer.status >= 400 || (typeof body === 'object' && body !== null && 'error' in body);
  return refused ? graphError(answer.status, body as GraphErrorBody, answer.headers.get('x-business-use-case-usage')) : null;
}

/**
 * The Graph API over the shared JSON client: token in the Authorization header (never in a URL,
 * so never in a log), version from settings, every answer parsed by a schema, every failure a
 * coded AppError.
 */
export function createGraphClient(options: Options): GraphClient {
  const { logger } = options.http;
  const http = createJsonClient(options.http, {
    name: 'graph',
    mapError: graphAnswerError,
    errors: { network: 'meta.network', cancelled: 'meta.cancelled', malformed: 'meta.malformedResponse' },
    timeoutMs: options.timeoutMs,
    // A session that ended meanwhile (Disconnect, a refused token) is not tried again with its old token.
    retry: { attempts: 3, baseMs: 500, ...options.retry, delay: (error, attempt, baseMs, random) => (options.token() ? retryDelay(error, attempt, baseMs, random) : null) },
  });

  async function call<T>(method: 'GET' | 'POST' | 'DELETE', request: GraphRequest<T>): Promise<T> {
    const token = options.token();
    if (!token) throw new AppError('meta.session.notConnected');
    try {
      return await http.request({
        method,
        url: `${options.baseUrl()}/${options.version()}${request.path}`,
        query: request.query,
        // SECURITY: the token travels in this header only; the client never logs headers.
        headers: { Authorization: `Bearer ${token}` },
        body: request.form ? { form: request.form } : undefined,
        schema: request.schema,
        signal: request.signal,
      });
    } catch (error) {
      if (error instanceof AppError && typeof error.params.status === 'number') {
        logger.warn('graph: Meta refused a call', { method, path: request.path, error: error.code, ...error.params });
        if (error.code === 'meta.session.expired') options.onSessionExpired(typeof error.params.subcode === 'number' ? error.params.subcode : null);
      }
      throw error;
    }
  }

  return {
    get: (request) => call('GET', request),
    post: (request) => call('POST', request),
    delete: (request) => call('DELETE', request),
  };
}
