import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../../shared/errors/index';
import { sameOriginAndPath } from '../../platform/url-rules';

/**
 * What a login redirect said: a token (token flow), a code to exchange (PKCE flow), or why not.
 *
 * The error carries only a code for the renderer; `reason` is Meta's short `error_reason` (such
 * as `user_denied`), for logs, never its prose description.
 */
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
  return sameOriginAndPath(url, redirectUri);
}

/**
 * Every value of every parameter, from both halves of the URL.
 *
 * Meta puts the token in the fragment and errors (and the PKCE code) in the query, with a `#_=_`
 * fragment; reading both means neither placement is missed.
 */
function redirectParams(url: URL): URLSearchParams {
  const merged = new URLSearchParams(url.search);
  for (const [key, value] of new URLSearchParams(url.hash.replace(/^#/, ''))) merged.append(key, value);
  return merged;
}

/**
 * The one value of a parameter; `null` when absent or when its occurrences disagree.
 *
 * SECURITY: a parameter given twice with different values (query and fragment, say) is
 * ambiguous, and an ambiguous redirect is treated as if the value were missing.
 */
function single(params: URLSearchParams, key: string): string | null {
  const values = params.getAll(key);
  const first = values[0];
  if (first === undefined || values.some((value) => value !== first)) return null;
  return first;
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
    return { kind: 'error', code: 'meta.session.invalidRedirect' };
  }
  const params = redirectParams(parsed);
  const error = params.get('error');
  const errorReason = params.get('error_reason');
  if (error || errorReason || params.has('error_description')) {
    const reason = errorReason ?? error ?? 'unknown';
    const denied = error === 'access_denied' || errorReason === 'user_denied';
    return { kind: 'error', code: denied ? 'meta.session.denied' : 'meta.session.invalidRedirect', reason: reason.slice(0, 100) };
  }
  if (!sameState(single(params, 'state'), expectation.expectedState)) return { kind: 'error', code: 'meta.session.stateMismatch' };
  if (expectation.flow === 'code') {
    const code = single(params, 'code');
    return code ? { kind: 'code', code } : { kind: 'error', code: 'meta.session.invalidRedirect' };
  }
  const accessToken = single(params, 'access_token');
  if (!accessToken) return { kind: 'error', code: 'meta.session.invalidRedirect' };
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
