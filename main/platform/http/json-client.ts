import type * as z from 'zod';
import { AppError, type ErrorCode } from '../../../shared/errors/index';
import type { FetchLike, Logger } from '../ports';

/**
 * What every outside API shares: the network, the log, and who the app says it is.
 *
 * The composition root builds one and hands it to each area; an area derives its own client
 * from it with `createJsonClient`, adding only what differs per API (error map, codes, retries).
 */
export interface HttpTransport {
  readonly fetch: FetchLike;
  /** Receives one line per call, without headers, bodies or query values. */
  readonly logger: Logger;
  /** The `User-Agent` header, from `userAgent(version)`. */
  readonly userAgent: string;
}

/** The product token the app sends; Meta's OpenAPI description requires `Name/x.y.z`. */
export const USER_AGENT_PRODUCT = 'WhatsAppChannelSetupAssistant';

/**
 * `WhatsAppChannelSetupAssistant/<x.y.z>` for the app's version.
 *
 * Only the `x.y.z` core is kept (a pre-release or build suffix is dropped) so the header stays
 * in the form Meta requires; a version without one is sent as 0.0.0 rather than not at all.
 */
export function userAgent(version: string): string {
  const core = /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return `${USER_AGENT_PRODUCT}/${core ? `${core[1]}.${core[2]}.${core[3]}` : '0.0.0'}`;
}

/** What an API answered, as its error map sees it. */
export interface HttpAnswer {
  readonly status: number;
  /** The body parsed as JSON, or `undefined` when it was empty or not JSON. */
  readonly body: unknown;
  readonly headers: { get(name: string): string | null };
}

/** The HTTP methods the client speaks; only GET and HEAD are ever repeated. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body: JSON (`application/json`) or form fields (`application/x-www-form-urlencoded`). */
export type RequestBody = { readonly json: unknown } | { readonly form: Readonly<Record<string, string>> };

/** One call; the answer is parsed by `schema` before the caller sees it. */
export interface JsonRequest<T> {
  readonly method: HttpMethod;
  /** Absolute URL without the query; `query` values are encoded (and kept out of the log). */
  readonly url: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Extra headers (Authorization...); never logged. User-Agent, Accept and Content-Type are the client's. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
  readonly schema: z.ZodType<T>;
  /** The caller's cancel: aborting it ends the call (and its retries) with the `cancelled` code. */
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  readonly timeoutMs?: number;
}

/** An API's coded errors for the failures that are not an answer. */
export interface TransportErrorCodes {
  /** No answer: offline, DNS, TLS, connection reset. */
  readonly network: ErrorCode;
  /** No answer within the timeout; the network code when omitted. */
  readonly timeout?: ErrorCode;
  /** The caller aborted its signal. */
  readonly cancelled: ErrorCode;
  /** An answer that is not what the schema describes. */
  readonly malformed: ErrorCode;
}

/**
 * Decides whether (and after how long) a failed read is tried again.
 *
 * Returns a delay in milliseconds, or null to give up. `attempt` counts from 0 for the first
 * failure; `fullJitter(attempt, baseMs, random)` is the usual answer for a temporary failure.
 */
export type RetryDelay = (error: AppError, attempt: number, baseMs: number, random: () => number) => number | null;

/** Automatic retries of reads. */
export interface RetryPolicy {
  /** Tries in all, the first included (default 3). */
  readonly attempts?: number;
  /** First backoff step in milliseconds, doubled each attempt (default 500). */
  readonly baseMs?: number;
  /** Defaults to a timer that the caller's signal cuts short; tests pass one that records. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Defaults to Math.random; tests pass a constant. */
  readonly random?: () => number;
  /** Defaults to retrying the network and timeout codes with full jitter. */
  readonly delay?: RetryDelay;
}

/** What one API adds to the shared transport. */
export interface ApiOptions {
  /** Prefix of its log lines, e.g. `graph`. */
  readonly name: string;
  /**
   * The API's reading of an answer: the AppError it stands for, or null for a success.
   *
   * Called for every answer (statuses below 400 included, as some APIs report errors in a 200),
   * never for a call that got no answer. Drop the API's prose: codes and numbers only.
   */
  readonly mapError: (answer: HttpAnswer) => AppError | null;
  readonly errors: TransportErrorCodes;
  /** Per call, default 30 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /**
   * Sends `Content-Type: application/json` on calls without a body too. Meta's OpenAPI
   * description requires that header even on some GETs (the business profile), and names JSON
   * as the only body type of every call the app makes.
   */
  readonly declareJsonContentType?: boolean;
}

/** An outside API, JSON in and out. */
export interface JsonClient {
  /** Sends the request, retrying reads on temporary failures; resolves to the parsed answer or throws an AppError. */
  request<T>(request: JsonRequest<T>): Promise<T>;
}

/** Exponential backoff with full jitter: a uniform wait in [0, baseMs * 2^attempt]. */
export function fullJitter(attempt: number, baseMs: number, random: () => number): number {
  return Math.round(random() * baseMs * 2 ** attempt);
}

const READS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);
/** Headers the client owns; a caller's copy under any spelling is dropped, not merged. */
const MANAGED_HEADERS = new Set(['user-agent', 'accept', 'content-type']);

/**
 * The one HTTP client of the app: every outside API goes through it.
 *
 * Timeouts, cancellation, retries of reads only, zod-parsed answers, coded errors from the API's
 * own error map, a User-Agent, and one log line per call that names the method, host, path and
 * status. SECURITY: headers (the token), bodies and query values are never logged, so a secret
 * in any of them cannot reach a log file even before the logger's redaction.
 */
export function createJsonClient(transport: HttpTransport, api: ApiOptions): JsonClient {
  const { logger } = transport;
  const timeoutMs = api.timeoutMs ?? 30_000;
  const cancelled = () => new AppError(api.errors.cancelled);
  const attempts = api.retry?.attempts ?? 3;
  const baseMs = api.retry?.baseMs ?? 500;
  const random = api.retry?.random ?? Math.random;
  const delayOf: RetryDelay =
    api.retry?.delay ?? ((error, attempt, base, rand) => (error.code === api.errors.network || error.code === (api.errors.timeout ?? api.errors.network) ? fullJitter(attempt, base, rand) : null));
  const sleep =
    api.retry?.sleep ??
    ((ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(cancelled());
        const stop = () => {
          clearTimeout(timer);
          reject(cancelled());
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', stop);
          resolve();
        }, ms);
        signal?.addEventListener('abort', stop, { once: true });
      }));

  async function once<T>(request: JsonRequest<T>, url: URL, where: Record<string, unknown>): Promise<T> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) if (!MANAGED_HEADERS.has(name.toLowerCase())) headers[name] = value;
    headers['User-Agent'] = transport.userAgent;
    headers.Accept = 'application/json';
    let body: string | undefined;
    if (request.body && 'form' in request.body) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.body.form as Record<string, string>).toString();
    } else if (request.body) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.body.json);
    } else if (api.declareJsonContentType) {
      headers['Content-Type'] = 'application/json';
    }

    const timeout = AbortSignal.timeout(request.timeoutMs ?? timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const started = Date.now();
    let status: number;
    let text: string;
    let answerHeaders: HttpAnswer['headers'];
    try {
      const response = await transport.fetch(url.href, { method: request.method, headers, body, signal });
      status = response.status;
      answerHeaders = response.headers;
      text = await response.text();
    } catch (error) {
      if (request.signal?.aborted) {
        logger.info(`${api.name}: call cancelled`, { ...where, durationMs: Date.now() - started });
        throw cancelled();
      }
      const timedOut = timeout.aborted;
      // Only the error's class: a network error's message may quote the URL with its query.
      logger.warn(`${api.name}: no answer`, { ...where, reason: timedOut ? 'timeout' : 'network', error: error instanceof Error ? error.name : 'unknown', durationMs: Date.now() - started });
      throw new AppError(timedOut ? (api.errors.timeout ?? api.errors.network) : api.errors.network, { path: url.pathname });
    }

    let json: unknown;
    try {
      json = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    const failure = api.mapError({ status, body: json, headers: answerHeaders });
    logger.info(`${api.name}: answered`, { ...where, status, durationMs: Date.now() - started, ...(failure ? { error: failure.code } : {}) });
    if (failure) throw failure;
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      // The path of the first issue only: the values themselves may be secrets (a token answer).
      logger.warn(`${api.name}: unexpected answer shape`, { ...where, status, issue: parsed.error.issues[0]?.path.join('.') ?? '' });
      throw new AppError(api.errors.malformed, { path: url.pathname });
    }
    return parsed.data;
  }

  return {
    async request<T>(request: JsonRequest<T>): Promise<T> {
      const url = new URL(request.url);
      for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
      // SECURITY: what identifies a call in the log; query names only, never their values.
      const where = { method: request.method, host: url.host, path: url.pathname, ...(request.query ? { query: Object.keys(request.query).join(',') } : {}) };
      const retries = READS.has(request.method);
      for (let attempt = 0; ; attempt += 1) {
        if (request.signal?.aborted) throw cancelled();
        try {
          return await once(request, url, where);
        } catch (error) {
          // Writes are never repeated behind the admin's back: a register or verify_code sent twice is not harmless.
          if (!retries || !(error instanceof AppError) || error.code === api.errors.cancelled) throw error;
          // A read the caller gave up on is cancelled, whatever its last try met.
          if (request.signal?.aborted) throw cancelled();
          if (attempt + 1 >= attempts) throw error;
          const delay = delayOf(error, attempt, baseMs, random);
          if (delay === null) throw error;
          logger.info(`${api.name}: retrying a read`, { ...where, attempt: attempt + 1, delayMs: delay, error: error.code });
          await sleep(delay, request.signal);
        }
      }
    },
  };
}
