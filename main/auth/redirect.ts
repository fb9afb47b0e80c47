import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../shared/errors';

export type RedirectResult =
  | { readonly kind: 'token'; readonly accessToken: string; readonly expiresIn: number | null; readonly grantedScopes: string[]; readonly deniedScopes: string[] }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly reason?: string };

/**
 * Whether a URL the login window is sent to is our redirect: same scheme, host, port and path.
 *
 * Parsed, never prefix-matched: `https://www.facebook.com.evil.example/...` is another host, and
 * the login dialog itself lives on the same host as Meta's redirect page, so the path matters.
 */
export function matchesRedirect(url: string, redirectUri: string): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(redirectUri);
  } catch {
    return false;
  }
  return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname && actual.username === '' && actual.password === '';
}

/** Both halves of the URL: Meta puts the token in the fragment and errors in the query. */
function redirectParams(url: URL): URLSearchParams {
  const merged = new URLSearchParams(url.search);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  for (const [key, value] of fragment) if (!merged.has(key)) merged.set(key, value);
  return merged;
}

function sameState(actual: string | null, expected: string): boolean {
  if (!actual || !expected) return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  // SECURITY: constant time, and a length mismatch is a mismatch (timingSafeEqual would throw).
  return a.length === b.length && timingSafeEqual(a, b);
}

const list = (value: string | null): string[] => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []);

/**
 * Reads Meta's answer from the redirect URL.
 *
 * Errors first (a refused login may come back without our state); then the state, compared in
 * constant time and failing closed when absent; then the token or code.
 */
export function parseRedirect(url: string, expectation: { expectedState: string; flow: 'token' | 'code' }): RedirectResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', code: 'auth.invalidRedirect' };
  }
  const params = redirectParams(parsed);
  const error = params.get('error');
  if (error) {
    const reason = params.get('error_reason') ?? error;
    const denied = error === 'access_denied' || reason === 'user_denied';
    return { kind: 'error', code: denied ? 'auth.denied' : 'auth.invalidRedirect', reason: reason.slice(0, 100) };
  }
  if (!sameState(params.get('state'), expectation.expectedState)) return { kind: 'error', code: 'auth.stateMismatch' };
  if (expectation.flow === 'code') {
    const code = params.get('code');
    return code ? { kind: 'code', code } : { kind: 'error', code: 'auth.invalidRedirect' };
  }
  const accessToken = params.get('access_token');
  if (!accessToken) return { kind: 'error', code: 'auth.invalidRedirect' };
  const expiresIn = Number(params.get('expires_in'));
  return {
    kind: 'token',
    accessToken,
    // 0 means a long-lived token with no expiry.
    expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : null,
    grantedScopes: list(params.get('granted_scopes')),
    deniedScopes: list(params.get('denied_scopes')),
  };
}
