import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDialogUrl, createState, type DialogUrlOptions } from '../../main/meta/session/dialog-url';
import { createPkcePair } from '../../main/meta/session/pkce';
import { REQUIRED_SCOPES } from '../../shared/model/meta/connection';

const SANDBOX = 'http://127.0.0.1:41234';
const sandbox: DialogUrlOptions = {
  dialogBase: SANDBOX,
  graphApiVersion: 'v26.0',
  clientId: '100000000000001',
  redirectUri: `${SANDBOX}/connect/login_success.html`,
  state: 'state-123',
  kind: 'login',
  scopes: REQUIRED_SCOPES,
};
const paramsOf = (options: DialogUrlOptions) => new URL(buildDialogUrl(options)).searchParams;

describe('login dialog URL against the sandbox', () => {
  it('opens the versioned dialog on the sandbox origin, port included', () => {
    const url = new URL(buildDialogUrl(sandbox));
    expect(url.origin).toBe(SANDBOX);
    expect(url.pathname).toBe('/v26.0/dialog/oauth');
  });

  it('does not double the slash when the origin ends with one', () => {
    expect(new URL(buildDialogUrl({ ...sandbox, dialogBase: `${SANDBOX}/` })).pathname).toBe('/v26.0/dialog/oauth');
  });

  it('sends every parameter exactly once, the redirect URI intact', () => {
    const params = paramsOf(sandbox);
    for (const key of ['client_id', 'redirect_uri', 'state', 'response_type', 'scope', 'display']) expect(params.getAll(key)).toHaveLength(1);
    expect(params.get('redirect_uri')).toBe(`${SANDBOX}/connect/login_success.html`);
    expect(params.get('scope')).toBe('business_management,whatsapp_business_management,whatsapp_business_messaging');
    expect(params.get('display')).toBe('popup');
  });

  it('adds no auth_type and no PKCE fields to a first login', () => {
    const params = paramsOf(sandbox);
    expect(params.get('response_type')).toBe('token');
    expect(params.has('auth_type')).toBe(false);
    expect(params.has('code_challenge')).toBe(false);
    expect(params.has('code_challenge_method')).toBe(false);
    expect(params.has('config_id')).toBe(false);
  });

  it('asks again only for the declined permissions it is given', () => {
    const params = paramsOf({ ...sandbox, kind: 'rerequest', scopes: ['whatsapp_business_messaging'] });
    expect(params.get('auth_type')).toBe('rerequest');
    expect(params.get('scope')).toBe('whatsapp_business_messaging');
  });

  it('combines a Login for Business configuration with the PKCE code flow', () => {
    const { challenge } = createPkcePair();
    const params = paramsOf({ ...sandbox, kind: 'another-account', configId: '555', pkce: { challenge } });
    expect(params.get('config_id')).toBe('555');
    expect(params.has('scope')).toBe(false);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge')).toBe(challenge);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('auth_type')).toBe('reauthenticate');
  });
});

describe('login secrets', () => {
  it('derives the PKCE challenge as base64url SHA-256 of a fresh verifier', () => {
    const first = createPkcePair();
    const second = createPkcePair();
    expect(first.verifier).not.toBe(second.verifier);
    expect(first.verifier.length).toBeGreaterThanOrEqual(43);
    expect(first.verifier.length).toBeLessThanOrEqual(128);
    expect(first.challenge).toBe(createHash('sha256').update(first.verifier).digest('base64url'));
    expect(first.challenge).not.toMatch(/[=+/]/);
  });

  it('makes a state that survives a URL round trip unchanged', () => {
    const state = createState();
    expect(paramsOf({ ...sandbox, state }).get('state')).toBe(state);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
