import type { IncomingMessage } from 'node:http';

/**
 * Why a request body could not be read.
 *
 * A plugin that owes its callers a particular error shape (Graph's) catches it; otherwise the
 * host answers 413 or 400 itself.
 */
export class BodyError extends Error {
  constructor(readonly reason: 'tooLarge' | 'malformed') {
    super(reason === 'tooLarge' ? 'request body too large' : 'request body is not what its Content-Type says');
    this.name = 'BodyError';
  }
}

/** `application/json` from `Application/JSON; charset=utf-8`; '' without a Content-Type. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * The cookies of a `Cookie` header, first value of each name.
 *
 * Values are percent-decoded when they can be and kept as sent otherwise: a stray `%` from some
 * other local tool must not turn into a 500.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const name = part.slice(0, equals).trim();
    let value = part.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // kept as sent
    }
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/**
 * Reads a body as UTF-8 text, refusing more than `limit` bytes.
 *
 * A declared Content-Length over the limit is refused before anything is read; a body that
 * grows past it stops being read (the host then closes the connection with its answer).
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.pause();
      return reject(new BodyError('tooLarge'));
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        reject(new BodyError('tooLarge'));
      } else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The query with a body's fields merged in, the way Graph reads parameters.
 *
 * JSON must be an object; its string members are taken as they are, others as JSON text. Any
 * other body is read as a form.
 */
export function mergeFields(query: URLSearchParams, mediaType: string, body: string): URLSearchParams {
  const fields = new URLSearchParams(query);
  if (!body) return fields;
  if (mediaType === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new BodyError('malformed');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new BodyError('malformed');
    for (const [key, value] of Object.entries(json)) fields.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  } else {
    for (const [key, value] of new URLSearchParams(body)) fields.append(key, value);
  }
  return fields;
}
