import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { parseUrl, sameOrigin } from '../url-rules';
import { createNonce, CSP_NONCE_PLACEHOLDER, securityHeaders } from './csp';

/** The privileged scheme and host the renderer is served from: `app://renderer/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request for the renderer onto a file inside the renderer folder, or null.
 *
 * `origin` is `app://renderer` in the app and the loopback server's origin in browser tests.
 * SECURITY: the handler serves files from disk, so anything that could step outside the folder
 * is refused rather than normalised: `..` segments (also percent-encoded), back slashes, NUL
 * bytes, drive letters, another host. Only known file types are served.
 */
export function resolveRendererPath(rootDir: string, requestUrl: string, origin: string = APP_ORIGIN): string | null {
  // The URL parser would quietly fold `..` away; a request that carries one is refused outright.
  if (/\/\.\.?(?=[/?#]|$)|%2e/i.test(requestUrl)) return null;
  const url = parseUrl(requestUrl);
  if (!url || !sameOrigin(requestUrl, origin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (/[\\\0]|^\/[a-zA-Z]:/.test(pathname)) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${pathname}`);
  if (!file.startsWith(root + sep)) return null;
  if (!(extname(file).toLowerCase() in MIME_TYPES)) return null;
  return file;
}

export interface RendererResponse {
  readonly status: 200 | 404;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/**
 * What the app:// handler (and the browser-test server, byte for byte) answers for a request.
 *
 * HTML gets a fresh CSP nonce written into the page and its header, so the styles Fluent UI
 * inserts at runtime carry it and nothing else inline is allowed.
 */
export async function loadRendererAsset(rootDir: string, requestUrl: string, origin: string = APP_ORIGIN): Promise<RendererResponse> {
  const nonce = createNonce();
  const notFound: RendererResponse = { status: 404, headers: { ...securityHeaders(nonce), 'Content-Type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode('Not found') };
  const file = resolveRendererPath(rootDir, requestUrl, origin);
  if (!file) return notFound;
  let body: Uint8Array;
  try {
    body = await readFile(file);
  } catch {
    return notFound;
  }
  if (extname(file).toLowerCase() === '.html') body = new TextEncoder().encode(new TextDecoder().decode(body).replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
  const caching: Record<string, string> = isFingerprinted(requestUrl, origin) ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
  return { status: 200, headers: { ...securityHeaders(nonce), ...caching, 'Content-Type': mimeType(file) }, body };
}

/** A build output name with its content hash (`assets/index-B2-piqzk.js`): its bytes never change. */
const FINGERPRINTED = /^\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css)$/;

/**
 * Whether a file may be kept by the browser: the bundler names each script and stylesheet after
 * a hash of its content, so a name always means the same bytes. Keeping them lets Chromium keep
 * the compiled code of the scripts between starts (the app:// scheme is registered with
 * `codeCache`), which saves most of their parse and compile time at every later start. Pages
 * (which carry a fresh CSP nonce) and anything else stay `no-store`.
 */
function isFingerprinted(requestUrl: string, origin: string): boolean {
  try {
    const url = new URL(requestUrl, origin);
    return url.origin === new URL(origin).origin && FINGERPRINTED.test(url.pathname);
  } catch {
    return false;
  }
}
