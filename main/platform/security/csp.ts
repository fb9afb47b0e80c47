import { randomBytes } from 'node:crypto';

/**
 * Placeholder the renderer build writes where each page load's nonce goes (Vite `html.cspNonce`).
 *
 * Fluent UI styles components at runtime (Griffel inserts <style> elements); a per-response
 * nonce lets exactly those through while inline styles and scripts injected by anyone else are
 * still refused, which 'unsafe-inline' would not do.
 */
export const CSP_NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** 128 random bits, fresh for every HTML response. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy every renderer page is served with (app:// and the test harness).
 *
 * SECURITY: no 'unsafe-inline' or 'unsafe-eval'; scripts only from the app itself; the renderer
 * talks to main only through window.setup, so it needs no network at all (connect-src 'none').
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

/** Headers sent with every renderer file; the nonce only matters for HTML. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
    'Cache-Control': 'no-store',
  };
}
