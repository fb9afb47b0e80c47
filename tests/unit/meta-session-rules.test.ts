import { describe, expect, it } from 'vitest';
import { settleLogin } from '../../main/meta/session/login-window';
import { buildDialogUrl, createState } from '../../main/meta/session/dialog-url';
import { createPkcePair, pkceChallenge } from '../../main/meta/session/pkce';
import { matchesRedirect, parseRedirect } from '../../main/meta/session/redirect';

const META_REDIRECT = 'https://www.facebook.com/connect/login_success.html';
const base = { dialogBase: 'https://www.facebook.com', graphApiVersion: 'v26.0', clientId: '123456789012345', redirectUri: META_REDIRECT, state: 'abc' } as const;

describe('login dialog URL', () => {
  it('asks for the token flow, the three permissions, a popup and our state', () => {
    const url = new URL(buildDialogUrl({ ...base, kind: 'login', scopes: ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'] }));
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v26.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: '123456789012345',
      redirect_uri: META_REDIRECT,
      state: 'abc',
      response_type: 'token',
      scope: 'business_management,whatsapp_business_management,whatsapp_business_messaging',
      display: 'popup',
    });
  });

  it('re-asks declined permissions with rerequest, and forces a new login for another account', () => {
    expect(new URL(buildDialogUrl({ ...base, kind: 'rerequest', scopes: ['whatsapp_business_messaging'] })).searchParams.get('auth_type')).toBe('rerequest');
    expect(new URL(buildDialogUrl({ ...base, kind: 'another-account', scopes: [] })).searchParams.get('auth_type')).toBe('reauthenticate');
  });

  it('sends a Login for Business configuration instead of scopes', () => {
    const params = new URL(buildDialogUrl({ ...base, kind: 'login', scopes: ['business_management'], configId: '987654321' })).searchParams;
    expect(params.get('config_id')).toBe('987654321');
    expect(params.has('scope')).toBe(false);
  });

  it('uses the code flow with an S256 challenge when PKCE is on', () => {
    const { verifier, challenge } = createPkcePair();
    const params = new URL(buildDialogUrl({ ...base, kind: 'login', scopes: [], pkce: { challenge } })).searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge')).toBe(challenge);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // RFC 7636 appendix B.
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 32-byte state every time', () => {
    const states = new Set(Array.from({ length: 50 }, createState));
    expect(states.size).toBe(50);
    for (const state of states) expect(Buffer.from(state, 'base64url')).toHaveLength(32);
  });
});

describe('redirect matching', () => {
  it.each([
    [`${META_REDIRECT}#access_token=x`, true],
    [`${META_REDIRECT}?error=access_denied#_=_`, true],
    ['https://www.facebook.com.evil.example/connect/login_success.html#access_token=x', false],
    ['https://evil.example/connect/login_success.html', false],
    ['http://www.facebook.com/connect/login_success.html', false],
    ['https://www.facebook.com/', false],
    ['https://www.facebook.com/v26.0/dialog/oauth?redirect_uri=https://www.facebook.com/connect/login_success.html', false],
    ['https://www.facebook.com/connect/login_success.html.evil', false],
    ['https://user@www.facebook.com/connect/login_success.html', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(matchesRedirect(url, META_REDIRECT)).toBe(expected);
  });

  it('does not let a root-path redirect match the pages in between', () => {
    expect(matchesRedirect('https://www.facebook.com/login/device-based/regular/login/', 'https://www.facebook.com/')).toBe(false);
    expect(matchesRedirect('https://www.facebook.com/#access_token=x', 'https://www.facebook.com/')).toBe(true);
  });
});

describe('redirect parsing', () => {
  const token = (fragment: string) => parseRedirect(`${META_REDIRECT}#${fragment}`, { expectedState: 'abc', flow: 'token' });

  it('reads the token, its lifetime and the scopes from the fragment', () => {
    expect(token('access_token=EAAx&expires_in=5183&state=abc&granted_scopes=a,b&denied_scopes=c')).toEqual({
      kind: 'token',
      accessToken: 'EAAx',
      expiresIn: 5183,
      grantedScopes: ['a', 'b'],
      deniedScopes: ['c'],
    });
    expect(token('access_token=EAAx&expires_in=0&state=abc')).toMatchObject({ expiresIn: null });
  });

  it('reads an error before anything else, even without or with a wrong state', () => {
    expect(parseRedirect(`${META_REDIRECT}?error=access_denied&error_code=200&error_reason=user_denied#_=_`, { expectedState: 'abc', flow: 'token' })).toMatchObject({ kind: 'error', code: 'meta.session.denied' });
    expect(parseRedirect(`${META_REDIRECT}?error=server_error&state=zzz`, { expectedState: 'abc', flow: 'token' })).toMatchObject({ kind: 'error', code: 'meta.session.invalidRedirect' });
  });

  it('fails closed on a missing or different state', () => {
    expect(token('access_token=EAAx')).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(token('access_token=EAAx&state=abd')).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(token('access_token=EAAx&state=abcd')).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(parseRedirect(`${META_REDIRECT}#access_token=EAAx&state=`, { expectedState: '', flow: 'token' })).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
  });

  it('reads the code from the query in the code flow', () => {
    expect(parseRedirect(`${META_REDIRECT}?code=AQB&state=abc#_=_`, { expectedState: 'abc', flow: 'code' })).toEqual({ kind: 'code', code: 'AQB' });
    expect(parseRedirect(`${META_REDIRECT}?state=abc`, { expectedState: 'abc', flow: 'code' })).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
  });

  it('refuses a token flow answer without a token', () => {
    expect(token('state=abc')).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
  });
});

describe('login window bookkeeping', () => {
  const request = (signal: AbortSignal, timeoutMs = 1000) => ({ url: 'x', redirectUri: 'y', allowedOrigins: [], partition: 'p', timeoutMs, signal });

  it('keeps the first outcome and closes once', async () => {
    const closed: string[] = [];
    const login = settleLogin(request(new AbortController().signal), (result) => closed.push(result.kind));
    login.finish({ kind: 'redirect', url: 'y#a' });
    login.finish({ kind: 'closed' });
    await expect(login.promise).resolves.toEqual({ kind: 'redirect', url: 'y#a' });
    expect(closed).toEqual(['redirect']);
    expect(login.settled).toBe(true);
  });

  it('ends on the timeout, and on Cancel even when cancelled before opening', async () => {
    await expect(settleLogin(request(new AbortController().signal, 10), () => undefined).promise).resolves.toEqual({ kind: 'timeout' });
    const controller = new AbortController();
    controller.abort();
    await expect(settleLogin(request(controller.signal), () => undefined).promise).resolves.toEqual({ kind: 'cancelled' });
  });
});
