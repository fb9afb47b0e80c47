import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../../shared/errors/index';
import { sameOriginAndPath } from '../../platform/url-rules';
import { readExpiresIn } from './token-lifetime';

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
 * The two halves of a redirect's parameters: the query, and the fragment (without its `#`).
 *
 * Meta sends the token flow's answer in the fragment, and errors and the PKCE code in the query
 * (with a `#_=_` fragment). Each value is read from the half its flow defines.
 */
function redirectHalves(url: URL): { query: URLSearchParams; fragment: URLSearchParams } {
  return { query: new URLSearchParams(url.search), fragment: new URLSearchParams(url.hash.replace(/^#/, '')) };
}

/** A parameter's value from the query, else from the fragment: errors, which Meta may put in either. */
function either(halves: { query: URLSearchParams; fragment: URLSearchParams }, key: string): string | null {
  return halves.query.get(key) ?? halves.fragment.get(key);
}

/**
 * The one value of a parameter; `null` when absent or when its occurrences disagree.
 *
 * SECURITY: a parameter given twice with different values is
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
 * Errors first, from either half (a refused login may come back without our state); then the
 * state, compared in constant time and failing closed when absent; then the token, from the
 * fragment only, or the code, from the query only. A token lifetime that cannot be trusted
 * refuses the login (`meta.session.invalidExpiry`) rather than guessing.
 */
export function parseRedirect(url: string, expectation: { expectedState: string; flow: 'token' | 'code' }): RedirectResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'error', code: 'meta.session.invalidRedirect' };
  }
  const halves = redirectHalves(parsed);
  const error = either(halves, 'error');
  const errorReason = either(halves, 'error_reason');
  if (error || errorReason || halves.query.has('error_description') || halves.fragment.has('error_description')) {
    const reason = errorReason ?? error ?? 'unknown';
    const denied = error === 'access_denied' || errorReason === 'user_denied';
    return { kind: 'error', code: denied ? 'meta.session.denied' : 'meta.session.invalidRedirect', reason: reason.slice(0, 100) };
  }
  // SECURITY: the token flow returns the token in the fragment only (RFC 6749 4.2.2), which never
  // reaches a server or its logs; a token in the query is a forged or broken redirect, refused.
  if (halves.query.has('access_token')) return { kind: 'error', code: 'meta.session.invalidRedirect' };
  // The answer's own half: the fragment for the token flow, the query for the code flow.
  const answer = expectation.flow === 'token' ? halves.fragment : halves.query;
  const other = expectation.flow === 'token' ? halves.query : halves.fragment;
  const state = single(answer, 'state');
  // SECURITY: a different state in the other half makes the redirect ambiguous: fail closed.
  if (other.getAll('state').some((value) => value !== state)) return { kind: 'error', code: 'meta.session.stateMismatch' };
  if (!sameState(state, expectation.expectedState)) return { kind: 'error', code: 'meta.session.stateMismatch' };
  if (expectation.flow === 'code') {
    const code = single(halves.query, 'code');
    return code ? { kind: 'code', code } : { kind: 'error', code: 'meta.session.invalidRedirect' };
  }
  const accessToken = single(answer, 'access_token');
  if (!accessToken) return { kind: 'error', code: 'meta.session.invalidRedirect' };
  // Two different lifetimes read as '' (not a number): ambiguous, so refused like nonsense.
  const expiresIn = readExpiresIn(answer.has('expires_in') ? (single(answer, 'expires_in') ?? '') : undefined);
  if (expiresIn === 'invalid') return { kind: 'error', code: 'meta.session.invalidExpiry' };
  return {
    kind: 'token',
    accessToken,
    expiresIn,
    grantedScopes: list(answer.get('granted_scopes')),
    deniedScopes: list(answer.get('denied_scopes')),
  };
}
