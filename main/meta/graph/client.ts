import * as z from 'zod';
import { AppError } from '../../../shared/errors/index';
import { createJsonClient, fullJitter, type HttpAnswer, type HttpTransport, type RetryPolicy } from '../../platform/http/json-client';
import { graphError, type GraphErrorBody } from './errors';

export { graphError } from './errors';

export type { FetchLike } from '../../platform/ports';

/** One Graph call: a path under the version, its query or JSON body, and the schema of its answer. */
export interface GraphRequest<T> {
  /** Path under the version, e.g. `/me/permissions` or `/{waba-id}/phone_numbers`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /**
   * The body of a POST, sent as application/json: the only body type Meta's OpenAPI description
   * gives for the calls the app makes (it refuses a form body there).
   */
  readonly json?: Readonly<Record<string, unknown>>;
  readonly schema: z.ZodType<T>;
  readonly signal?: AbortSignal;
}

/** A list read page by page: `item` parses each entry of `data`. */
export interface GraphListRequest<T> {
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly item: z.ZodType<T>;
  /** Pages followed at most before giving up with `meta.tooManyPages` (default 50). */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
}

/** One page of a Graph list: `data`, and `paging` with cursors and `next` when there is more. */
function Page<T>(item: z.ZodType<T>) {
  return z.object({
    data: z.array(item),
    paging: z
      .object({
        cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
        next: z.string().optional(),
      })
      .optional(),
  });
}

type PageOf<T> = z.output<ReturnType<typeof Page<T>>>;

/** Pages followed by default: 50 pages of 100 are far more numbers or templates than one account holds. */
export const DEFAULT_MAX_PAGES = 50;

/** Graph calls on behalf of one token; reads are retried, writes never. */
export interface GraphClient {
  get<T>(request: GraphRequest<T>): Promise<T>;
  post<T>(request: GraphRequest<T>): Promise<T>;
  delete<T>(request: GraphRequest<T>): Promise<T>;
  /**
   * Every entry of a list, following `paging.cursors.after` while Meta says there is a next
   * page (`paging.next`). The `next` URL itself is never fetched: Meta writes the token in it.
   */
  list<T>(request: GraphListRequest<T>): Promise<T[]>;
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
  /** The current time, for the `retryAt` of errors that say when to try again. */
  now?: () => Date;
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

/**
 * Graph's reading of an answer, for the shared JSON client.
 *
 * An error status, or an `error` object in any answer, is a refusal mapped by `graphError`; a
 * body that is not JSON is a temporary failure on a 5xx (a proxy's HTML page) and a malformed
 * answer otherwise.
 */
export function graphAnswerError(answer: HttpAnswer, now: Date = new Date()): AppError | null {
  if (answer.body === undefined) {
    if (answer.status >= 500) return new AppError('meta.transient', { status: answer.status });
    // A throttle is a throttle even when a proxy answers it with an HTML page.
    if (answer.status === 429) return graphError(429, null, answer.headers.get('x-business-use-case-usage'), now);
    return answer.status >= 400 ? new AppError('meta.malformedResponse', { status: answer.status }) : null;
  }
  const body = answer.body;
  const refused = answer.status >= 400 || (typeof body === 'object' && body !== null && 'error' in body);
  return refused ? graphError(answer.status, body as GraphErrorBody, answer.headers.get('x-business-use-case-usage'), now) : null;
}

/**
 * The Graph API over the shared JSON client: token in the Authorization header (never in a URL,
 * so never in a log), version from settings, every answer parsed by a schema, every failure a
 * coded AppError.
 */
export function createGraphClient(options: Options): GraphClient {
  const { logger } = options.http;
  const now = options.now ?? (() => new Date());
  const http = createJsonClient(options.http, {
    name: 'graph',
    mapError: (answer) => graphAnswerError(answer, now()),
    // Meta's OpenAPI description requires Content-Type on some body-less calls too (the business profile GET).
    declareJsonContentType: true,
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
        body: request.json ? { json: request.json } : undefined,
        schema: request.schema,
        signal: request.signal,
      });
    } catch (error) {
      if (error instanceof AppError && typeof error.params.status === 'number') {
        // Meta's texts for the person stay out of the log: they may quote the number or the name.
        const { userTitle: _title, userMessage: _message, ...numbers } = error.params;
        logger.warn('graph: Meta refused a call', { method, path: request.path, error: error.code, ...numbers });
        if (error.code === 'meta.session.expired') options.onSessionExpired(typeof error.params.subcode === 'number' ? error.params.subcode : null);
      }
      throw error;
    }
  }

  async function list<T>(request: GraphListRequest<T>): Promise<T[]> {
    const maxPages = request.maxPages ?? DEFAULT_MAX_PAGES;
    const page = Page(request.item);
    const items: T[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < maxPages; pages += 1) {
      const answer: PageOf<T> = await call('GET', {
        path: request.path,
        query: after === null ? request.query : { ...request.query, after },
        schema: page,
        signal: request.signal,
      });
      items.push(...answer.data);
      const next: string | null = answer.paging?.next ? (answer.paging.cursors?.after ?? null) : null;
      // A next page without a cursor, or the same cursor again, would loop: the list ends here.
      if (next === null || next === after) return items;
      after = next;
    }
    logger.warn('graph: list longer than the pages followed', { path: request.path, maxPages });
    throw new AppError('meta.tooManyPages', { path: request.path, maxPages });
  }

  return {
    get: (request) => call('GET', request),
    post: (request) => call('POST', request),
    delete: (request) => call('DELETE', request),
    list,
  };
}
