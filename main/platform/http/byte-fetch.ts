import { request, type RequestOptions } from 'node:https';
import type { ByteFetch } from '../ports';

interface Options {
  /** Certificates to trust instead of Node's bundled ones (tests serve their own). */
  ca?: RequestOptions['ca'];
}

/**
 * The bytes at an https URL, read by Node's own `https.request`: one hop, at most `maxBytes`.
 *
 * Never follows a redirect (the caller resolves `location` and decides whether to go on), never
 * sends cookies or credentials, and stops reading (closing the connection) as soon as the body
 * passes `maxBytes` (`truncated`), so a huge file costs little. Redirect and error answers are
 * not read at all. Built on Node rather than Electron's `net.fetch`, whose manual redirect mode
 * fails (electron/electron#43715); the same code then runs in the app and in the tests.
 */
export function createNodeByteFetch(options: Options = {}): ByteFetch {
  return (url, { signal, maxBytes, headers = {} }) =>
    new Promise((resolve, reject) => {
      // SECURITY: https only; the logo check refuses other schemes before it gets here.
      if (url.protocol !== 'https:') {
        reject(new Error('byte fetch reads https URLs only'));
        return;
      }
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        finish();
      };
      // SECURITY: no credentials leave with the request, even when the address carries some.
      const target = new URL(url);
      target.username = '';
      target.password = '';
      // A fresh connection per fetch (no pooled socket left open after a check).
      const outgoing = request(target, { method: 'GET', headers: { ...headers }, agent: false, ...(options.ca ? { ca: options.ca } : {}) }, (incoming) => {
        const status = incoming.statusCode ?? 0;
        const location = typeof incoming.headers.location === 'string' ? incoming.headers.location : null;
        const contentType = incoming.headers['content-type'] ?? null;
        const answer = (bytes: Uint8Array, truncated: boolean) => settle(() => resolve({ status, location, contentType, bytes, truncated }));
        if (status < 200 || status >= 300) {
          // Only the status and the location matter; the body is not read.
          answer(new Uint8Array(0), false);
          incoming.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        incoming.on('data', (chunk: Buffer) => {
          if (settled) return;
          chunks.push(chunk);
          total += chunk.length;
          if (total > maxBytes) {
            // Answered first: closing the connection makes the streams report an abort.
            answer(new Uint8Array(Buffer.concat(chunks).subarray(0, maxBytes)), true);
            incoming.destroy();
            outgoing.destroy();
          }
        });
        incoming.on('end', () => answer(new Uint8Array(Buffer.concat(chunks)), false));
        incoming.on('error', (error) => settle(() => reject(error)));
        incoming.on('aborted', () => settle(() => reject(new Error('connection closed before the end of the answer'))));
      });
      const onAbort = () => {
        outgoing.destroy();
        settle(() => reject(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', (error) => settle(() => reject(error)));
      outgoing.end();
    });
}
