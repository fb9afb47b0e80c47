import { describe, expect, it } from 'vitest';
import { matchesRedirect, parseRedirect } from '../../main/meta/session/redirect';

const META = 'https://www.facebook.com/connect/login_success.html';
const ROOT = 'https://www.facebook.com/';
const SANDBOX = 'http://127.0.0.1:41234/connect/login_success.html';
const STATE = 'Qm9vbGVhbnMgYXJlIG5vdCBzdGF0ZXMsIGJ1dCB0aGlzIGlz';
const tokenFlow = { expectedState: STATE, flow: 'token' } as const;

describe('which URL ends the login', () => {
  it('takes neither Meta redirect for the other, whichever one is configured', () => {
    expect(matchesRedirect(`${META}#access_token=x`, ROOT)).toBe(false);
    expect(matchesRedirect(`${ROOT}#access_token=x`, META)).toBe(false);
    expect(matchesRedirect(`${ROOT}?next=${encodeURIComponent(META)}`, META)).toBe(false);
  });

  it('refuses a lookalike host that merely starts with facebook.com', () => {
    expect(matchesRedirect('https://www.facebook.com.evil.example/connect/login_success.html#access_token=x', META)).toBe(false);
    expect(matchesRedirect('https://www.facebook.com.evil.example/', ROOT)).toBe(false);
  });

  it('tells sandbox ports apart', () => {
    expect(matchesRedirect('http://127.0.0.1:41234/connect/login_success.html#access_token=x', SANDBOX)).toBe(true);
    expect(matchesRedirect('http://127.0.0.1:41235/connect/login_success.html#access_token=x', SANDBOX)).toBe(false);
    expect(matchesRedirect('http://localhost:41234/connect/login_success.html', SANDBOX)).toBe(false);
  });

  it('compares normalised URLs, not spellings', () => {
    expect(matchesRedirect('HTTPS://WWW.FACEBOOK.COM:443/connect/login_success.html#access_token=x', META)).toBe(true);
    expect(matchesRedirect(`${META}/`, META)).toBe(false);
  });
});

describe('reading the redirect', () => {
  it('reports a declined login even when the state is wrong or missing', () => {
    expect(parseRedirect(`${META}?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=forged#_=_`, tokenFlow)).toEqual({
      kind: 'error',
      code: 'meta.session.denied',
      reason: 'user_denied',
    });
    expect(parseRedirect(`${META}?error_reason=user_denied#_=_`, tokenFlow)).toMatchObject({ kind: 'error', code: 'meta.session.denied' });
  });

  it('lets an error win over a token in the same redirect', () => {
    expect(parseRedirect(`${META}?error=server_error#access_token=EAAx&state=${STATE}`, tokenFlow)).toMatchObject({ kind: 'error', code: 'meta.session.invalidRedirect' });
    expect(parseRedirect(`${META}#error=access_denied&access_token=EAAx&state=${STATE}`, tokenFlow)).toMatchObject({ kind: 'error', code: 'meta.session.denied' });
  });

  it('reads the token from the fragment only, and refuses one sent in the query', () => {
    expect(parseRedirect(`${META}#access_token=EAAfrag&expires_in=3600&state=${STATE}`, tokenFlow)).toMatchObject({ kind: 'token', accessToken: 'EAAfrag', expiresIn: 3600 });
    expect(parseRedirect(`${META}?access_token=EAAquery&expires_in=3600&state=${STATE}`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
    // Even beside a valid answer in the fragment: a query token is never taken, nor the fragment's trusted.
    expect(parseRedirect(`${META}?access_token=EAAquery#access_token=EAAfrag&state=${STATE}`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
  });

  it('reads the token flow\'s state and lifetime from the fragment, not the query', () => {
    expect(parseRedirect(`${META}?state=${STATE}#access_token=EAAx`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(parseRedirect(`${META}?expires_in=3600#access_token=EAAx&state=${STATE}`, tokenFlow)).toMatchObject({ kind: 'token', expiresIn: null });
  });

  it('still reads an error Meta sends in the query of a token flow redirect', () => {
    expect(parseRedirect(`${META}?error=access_denied&error_reason=user_denied&state=${STATE}#_=_`, tokenFlow)).toMatchObject({ kind: 'error', code: 'meta.session.denied' });
  });

  it('reads granted and declined permissions', () => {
    const result = parseRedirect(`${META}#access_token=EAAx&state=${STATE}&granted_scopes=business_management%2Cwhatsapp_business_management&denied_scopes=whatsapp_business_messaging`, tokenFlow);
    expect(result).toMatchObject({ grantedScopes: ['business_management', 'whatsapp_business_management'], deniedScopes: ['whatsapp_business_messaging'] });
  });

  it('leaves the expiry unknown when Meta sends none, and reads 0 as no expiry', () => {
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE}`, tokenFlow)).toMatchObject({ kind: 'token', expiresIn: null, grantedScopes: [], deniedScopes: [] });
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE}&expires_in=0`, tokenFlow)).toMatchObject({ kind: 'token', expiresIn: null });
  });

  it.each(['7200', '5183999', '8640000'])('accepts a lifetime of %s seconds (hours up to 100 days)', (seconds) => {
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE}&expires_in=${seconds}`, tokenFlow)).toMatchObject({ kind: 'token', expiresIn: Number(seconds) });
  });

  it.each(['-3600', 'soon', '', '1e3', '3600.5', '%203600', '8640001', '99999999999999999999'])('refuses a login whose lifetime is %j, with its own error', (seconds) => {
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE}&expires_in=${seconds}`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.invalidExpiry' });
  });

  it('refuses two different lifetimes in one redirect', () => {
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE}&expires_in=3600&expires_in=7200`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.invalidExpiry' });
  });

  it('refuses a redirect whose state is missing, different or of another length', () => {
    expect(parseRedirect(`${META}#access_token=EAAx`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE.slice(0, -1)}A`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(parseRedirect(`${META}#access_token=EAAx&state=${STATE}x`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    // Same character count, different byte count: must be a mismatch, not a thrown RangeError.
    expect(parseRedirect(`${META}#access_token=EAAx&state=${encodeURIComponent(`${STATE.slice(0, -1)}é`)}`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
  });

  it('refuses a redirect that carries two different states or two different tokens', () => {
    expect(parseRedirect(`${META}?state=${STATE}#access_token=EAAx&state=forged`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(parseRedirect(`${META}?access_token=EAAevil#access_token=EAAx&state=${STATE}`, tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
  });

  it('reads the PKCE code from the query with the #_=_ fragment Meta appends', () => {
    expect(parseRedirect(`${META}?code=AQBcode&state=${STATE}#_=_`, { expectedState: STATE, flow: 'code' })).toEqual({ kind: 'code', code: 'AQBcode' });
    expect(parseRedirect(`${META}?code=AQBcode#_=_`, { expectedState: STATE, flow: 'code' })).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
  });

  it('takes the PKCE code and its state from the query only', () => {
    expect(parseRedirect(`${META}?state=${STATE}#code=AQBcode`, { expectedState: STATE, flow: 'code' })).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
    expect(parseRedirect(`${META}?code=AQBcode#state=${STATE}`, { expectedState: STATE, flow: 'code' })).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
    expect(parseRedirect(`${META}?code=AQBcode&state=${STATE}#state=forged`, { expectedState: STATE, flow: 'code' })).toEqual({ kind: 'error', code: 'meta.session.stateMismatch' });
  });

  it('refuses something that is not a URL', () => {
    expect(parseRedirect('not a url', tokenFlow)).toEqual({ kind: 'error', code: 'meta.session.invalidRedirect' });
  });
});
