import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { MetaLoginWindow, LoginWindowRequest, LoginWindowResult } from '../../main/meta/session/login-window';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import { createServices } from '../../main/core/create-services';
import { createRouter } from '../../main/ipc/router';
import { createOriginCheck } from '../../main/ipc/sender';
import type { FetchLike } from '../../main/meta/graph/client';
import { createMemoryLogger, createNodeAdapters } from '../../main/core/node-adapters';
import type { Cipher } from '../../main/platform/secrets/cipher';

const TOKEN = 'EAAsandboxTOKEN0123456789abcdefghijklmnop';
const SANDBOX = 'http://127.0.0.1:9999';
const sender = { url: 'app://renderer/index.html', isMainFrame: true };

/** Reversible but not plaintext: enough to prove the file never holds the token as text. */
const fakeCipher: Cipher = {
  isAvailable: () => true,
  backend: () => 'test-xor',
  encrypt: (text) => new Uint8Array(Buffer.from(text).map((byte) => byte ^ 0x5a)),
  decrypt: (bytes) => Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString(),
};

type Script = (request: LoginWindowRequest) => LoginWindowResult | Promise<LoginWindowResult>;

/** A login window that answers like Meta: echoes the state, grants what the script says. */
function metaAnswers({ granted = ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'], denied = [] as string[] } = {}): Script {
  return (request) => {
    const state = new URL(request.url).searchParams.get('state') ?? '';
    const fragment = new URLSearchParams({ access_token: TOKEN, expires_in: '5183999', state, granted_scopes: granted.join(','), denied_scopes: denied.join(',') });
    return { kind: 'redirect', url: `${request.redirectUri}#${fragment}` };
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wcsa-auth-'));
});

interface StartOptions {
  script?: Script;
  cipher?: Cipher;
  /** Meta's answer to a Graph call, by URL, method and the token presented; undefined for the default. */
  graph?: (url: URL, method: string, token: string | null) => { status: number; body: unknown } | undefined;
  /** Holds a Graph call until the promise settles, to act while Meta has not answered yet. */
  hold?: (url: URL, method: string) => Promise<void> | undefined;
}

function start(options: StartOptions = {}) {
  const opened: LoginWindowRequest[] = [];
  const cleared: string[] = [];
  let script = options.script ?? metaAnswers();
  const loginWindow: MetaLoginWindow = {
    open: async (request) => {
      opened.push(request);
      return script(request);
    },
    clearPartition: async (partition) => {
      cleared.push(partition);
    },
  };
  let permissions = [
    { permission: 'business_management', status: 'granted' },
    { permission: 'whatsapp_business_management', status: 'granted' },
    { permission: 'whatsapp_business_messaging', status: 'granted' },
    { permission: 'public_profile', status: 'granted' },
  ];
  const graphCalls: string[] = [];
  const requests: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    graphCalls.push(`${init.method} ${parsed.pathname}`);
    requests.push({ url, init });
    await options.hold?.(parsed, init.method);
    const bearer = /^Bearer (.+)$/.exec(init.headers.Authorization ?? '')?.[1] ?? null;
    const custom = options.graph?.(parsed, init.method, bearer);
    const answer =
      custom ??
      (parsed.pathname.endsWith('/me') ? { status: 200, body: { id: '10001', name: 'Camille Martin' } }
        : parsed.pathname.endsWith('/me/permissions') && init.method === 'GET' ? { status: 200, body: { data: permissions } }
          : parsed.pathname.endsWith('/me/permissions') && init.method === 'DELETE' ? { status: 200, body: { success: true } }
            : { status: 404, body: { error: { code: 803, message: 'unknown' } } });
    return { status: answer.status, headers: { get: () => null }, text: async () => JSON.stringify(answer.body) };
  };
  const events: { event: string; payload: unknown }[] = [];
  const logger = createMemoryLogger();
  const openedOutside: string[] = [];
  const adapters = createNodeAdapters({
    openExternal: async (url) => void openedOutside.push(url),
    dataDir: dir,
    locale: 'en-US',
    logger,
    emit: (event, payload) => events.push({ event, payload }),
    loginWindow,
    cipher: options.cipher ?? fakeCipher,
    fetch,
    metaSimulator: async () => ({ origin: SANDBOX, pageUrl: (page) => `${SANDBOX}/sandbox/${page}`, setLanguage: () => undefined }),
  });
  const services = createServices(adapters);
  const router = createRouter({ handlers: services.handlers, isTrustedSender: createOriginCheck('app://renderer'), logger });
  const ipc = (channel: string, input?: unknown) => router.handle(channel, input, sender);
  const logins: string[] = [];
  /** Login is a long operation: started through IPC, its outcome read as an IPC answer would be. */
  const login = async (input: unknown) => {
    const id = randomUUID();
    logins.push(id);
    const started = await ipc('operations:start', { id, operation: 'meta:login', input });
    if (!started.ok) return started;
    const outcome = await services.operations.settled(id);
    return outcome?.state === 'succeeded' ? { ok: true, value: outcome.result } : { ok: false, error: outcome?.error };
  };
  /** Cancels the first login started, as the progress panel's Cancel button would. */
  const cancelLogin = () => ipc('operations:cancel', { id: logins[0] ?? randomUUID() });
  return {
    services,
    ipc,
    login,
    cancelLogin,
    opened,
    openedOutside,
    cleared,
    events,
    logger,
    graphCalls,
    requests,
    setScript: (next: Script) => {
      script = next;
    },
    setPermissions: (next: typeof permissions) => {
      permissions = next;
    },
  };
}

/** Every byte the app wrote to its data folder, the areas' folders (per-workspace files) included. */
function everythingOnDisk(): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('Facebook login', () => {
  it('connects through the sandbox dialog and shows who, what was granted and until when', async () => {
    const app = start();
    const result = await app.login({ kind: 'login' });
    expect(result).toMatchObject({
      ok: true,
      value: { connected: true, name: 'Camille Martin', mode: 'sandbox', scopesMissing: [], remembered: true, needsLogin: false },
    });
    const dialog = new URL(app.opened[0]?.url ?? '');
    expect(dialog.origin + dialog.pathname).toBe(`${SANDBOX}/v26.0/dialog/oauth`);
    expect(dialog.searchParams.get('response_type')).toBe('token');
    expect(dialog.searchParams.get('scope')).toBe('business_management,whatsapp_business_management,whatsapp_business_messaging');
    expect(dialog.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(app.opened[0]).toMatchObject({ redirectUri: `${SANDBOX}/connect/login_success.html`, allowedOrigins: [SANDBOX], timeoutMs: 300_000 });
    expect(app.events.filter((e) => e.event === 'meta:changed').at(-1)?.payload).toMatchObject({ connected: true });
  });

  it('never lets the token reach an IPC answer, an event, a log line or a plaintext file', async () => {
    const app = start();
    const answers = [await app.login({ kind: 'login' }), await app.ipc('meta:status'), await app.ipc('settings:get'), await app.ipc('app:info')];
    expect(JSON.stringify(answers)).not.toContain(TOKEN);
    expect(JSON.stringify(app.events)).not.toContain(TOKEN);
    expect(app.logger.lines().join('\n')).not.toContain(TOKEN);
    expect(everythingOnDisk()).not.toContain(TOKEN);
    expect(readdirSync(dir)).toContain('secrets.vault');
  });

  it('remembers the session across a restart, encrypted', async () => {
    await start().login({ kind: 'login' });
    const again = start();
    await expect(again.ipc('meta:status')).resolves.toMatchObject({ ok: true, value: { connected: true, name: 'Camille Martin' } });
  });

  it('keeps the session in memory only when the OS offers no encryption, and says so', async () => {
    const unavailable: Cipher = { ...fakeCipher, isAvailable: () => false };
    const app = start({ cipher: unavailable });
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ ok: true, value: { connected: true, remembered: false } });
    expect(readdirSync(dir)).not.toContain('secrets.vault');
    expect(app.services.notices.list().map((notice) => notice.code)).toContain('vault.notRemembered');
    await expect(start({ cipher: unavailable }).ipc('meta:status')).resolves.toMatchObject({ value: { connected: false } });
  });

  it('sets an undecryptable session file aside and asks to log in again', async () => {
    writeFileSync(join(dir, 'session.vault'), JSON.stringify({ version: 1, backend: 'test-xor', ciphertext: 'bm90IGEgc2Vzc2lvbg==' }));
    const app = start();
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false } });
    expect(readdirSync(dir).some((name) => name.startsWith('session.vault.undecryptable-'))).toBe(true);
    expect(app.services.notices.list().map((notice) => notice.code)).toContain('vault.undecryptable');
  });

  it('keeps a session remembered by release 1 (session.vault) after the upgrade, in the keyed vault', async () => {
    const saved = { accessToken: TOKEN, expiresAt: null, userId: '10001', userName: 'Camille Martin', scopesGranted: ['business_management'], scopesMissing: [], mode: 'sandbox' };
    const ciphertext = Buffer.from(fakeCipher.encrypt(JSON.stringify(saved))).toString('base64');
    writeFileSync(join(dir, 'session.vault'), JSON.stringify({ version: 1, backend: 'test-xor', ciphertext }));
    const app = start();
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: true, name: 'Camille Martin' } });
    expect(readdirSync(dir)).toContain('secrets.vault');
    expect(readdirSync(dir)).not.toContain('session.vault');
    expect(everythingOnDisk()).not.toContain(TOKEN);
  });

  it('exchanges a PKCE code through the shared HTTP client: a form POST with the verifier, no secret, the app\'s User-Agent', async () => {
    const app = start({
      script: (request) => ({ kind: 'redirect', url: `${request.redirectUri}?code=AQBcode123&state=${new URL(request.url).searchParams.get('state') ?? ''}#_=_` }),
      graph: (url, method) => (method === 'POST' && url.pathname.endsWith('/oauth/access_token') ? { status: 200, body: { access_token: TOKEN, token_type: 'bearer', expires_in: 5183999 } } : undefined),
    });
    await app.ipc('settings:set', { usePkce: true });
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ ok: true, value: { connected: true, name: 'Camille Martin' } });
    const exchange = app.requests.find((request) => request.url.endsWith('/v26.0/oauth/access_token'));
    const form = new URLSearchParams(exchange?.init.body ?? '');
    expect(exchange?.init.method).toBe('POST');
    expect(exchange?.init.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(exchange?.init.headers['User-Agent']).toMatch(/^WhatsAppChannelSetupAssistant\/\d+\.\d+\.\d+$/);
    expect(form.get('code')).toBe('AQBcode123');
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(form.has('client_secret')).toBe(false);
    expect(app.logger.lines().join('\n')).not.toContain('AQBcode123');
    expect(app.logger.lines().join('\n')).not.toContain(TOKEN);
  });

  it('reports a code exchange Meta refuses, and stays signed out', async () => {
    const app = start({
      script: (request) => ({ kind: 'redirect', url: `${request.redirectUri}?code=AQBcode123&state=${new URL(request.url).searchParams.get('state') ?? ''}` }),
      graph: (url) => (url.pathname.endsWith('/oauth/access_token') ? { status: 400, body: { error: { code: 100, message: 'Invalid verification code format.' } } } : undefined),
    });
    await app.ipc('settings:set', { usePkce: true });
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.exchangeFailed' } });
    expect(app.graphCalls.filter((call) => call.startsWith('POST'))).toHaveLength(1);
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false } });
  });

  it.each([
    ['closed', 'meta.session.windowClosed'],
    ['timeout', 'meta.session.timeout'],
    ['network', 'meta.session.network'],
  ] as const)('reports a window that ended as %s, and changes nothing', async (kind, code) => {
    const app = start({ script: () => ({ kind }) });
    await expect(app.login({ kind: 'login' })).resolves.toEqual({ ok: false, error: { code, params: {} } });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false, needsLogin: false } });
    expect(readdirSync(dir)).not.toContain('secrets.vault');
  });

  it('reports a declined login', async () => {
    const app = start({
      script: (request) => ({ kind: 'redirect', url: `${request.redirectUri}?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied#_=_` }),
    });
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.denied' } });
  });

  it('refuses an answer whose state is not the one it sent', async () => {
    const app = start({ script: (request) => ({ kind: 'redirect', url: `${request.redirectUri}#access_token=${TOKEN}&state=forged` }) });
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.stateMismatch' } });
    expect(everythingOnDisk()).not.toContain(TOKEN);
  });

  it('lists declined permissions as missing and asks again only for those', async () => {
    const app = start({ script: metaAnswers({ granted: ['business_management', 'whatsapp_business_management'], denied: ['whatsapp_business_messaging'] }) });
    app.setPermissions([
      { permission: 'business_management', status: 'granted' },
      { permission: 'whatsapp_business_management', status: 'granted' },
      { permission: 'whatsapp_business_messaging', status: 'declined' },
    ]);
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ value: { scopesMissing: ['whatsapp_business_messaging'] } });
    await app.login({ kind: 'rerequest' });
    const again = new URL(app.opened[1]?.url ?? '');
    expect(again.searchParams.get('auth_type')).toBe('rerequest');
    expect(again.searchParams.get('scope')).toBe('whatsapp_business_messaging');
  });

  it('opens the dialog for another account with reauthenticate', async () => {
    const app = start();
    await app.login({ kind: 'another-account' });
    expect(new URL(app.opened[0]?.url ?? '').searchParams.get('auth_type')).toBe('reauthenticate');
  });

  it('refuses a second login while one is open, and cancels it on request', async () => {
    let release: (result: LoginWindowResult) => void = () => undefined;
    const app = start({
      script: (request) =>
        new Promise((resolve) => {
          release = resolve;
          request.signal.addEventListener('abort', () => resolve({ kind: 'cancelled' }));
        }),
    });
    const first = app.login({ kind: 'login' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ error: { code: 'meta.session.inProgress' } });
    await expect(app.cancelLogin()).resolves.toEqual({ ok: true, value: { cancelled: true } });
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.cancelled' } });
    release({ kind: 'closed' });
    await expect(app.cancelLogin()).resolves.toEqual({ ok: true, value: { cancelled: false } });
  });

  it('ends the session when Meta refuses the token (190) but keeps the name and lets the admin log in again', async () => {
    let revoked = false;
    const app = start({ graph: (url) => (revoked && url.pathname.endsWith('/me') ? { status: 401, body: { error: { code: 190, error_subcode: 460, type: 'OAuthException', message: 'x' } } } : undefined) });
    await app.login({ kind: 'login' });
    for (const item of STEP_CHECKLISTS.requirements) app.services.workspaces.tick({ step: 'requirements', item: item.id, ticked: true });
    app.services.workspaces.setProgress({ step: { id: 'requirements', state: 'done' } });
    revoked = true;
    const graph = await app.services.session.graph();
    await expect(graph.get({ path: '/me', schema: (await import('zod')).object({}) })).rejects.toMatchObject({ code: 'meta.session.expired' });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false, needsLogin: true, name: 'Camille Martin' } });
    expect(readdirSync(dir)).not.toContain('secrets.vault');
    revoked = false;
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ value: { connected: true, needsLogin: false } });
    expect(app.services.workspaces.current().progress.steps.requirements?.state).toBe('done');
  });

  it('re-reads the permissions from Meta on refresh', async () => {
    const app = start();
    await app.login({ kind: 'login' });
    app.setPermissions([
      { permission: 'business_management', status: 'granted' },
      { permission: 'whatsapp_business_management', status: 'declined' },
      { permission: 'whatsapp_business_messaging', status: 'granted' },
    ]);
    await expect(app.ipc('meta:refresh')).resolves.toMatchObject({ value: { connected: true, scopesMissing: ['whatsapp_business_management'] } });
  });

  it('revokes at Meta, wipes the token and the login cookies on disconnect', async () => {
    const app = start();
    await app.login({ kind: 'login' });
    await expect(app.ipc('meta:disconnect')).resolves.toMatchObject({ ok: true, value: { connected: false, name: null } });
    expect(app.graphCalls).toContain('DELETE /v26.0/me/permissions');
    expect(app.cleared).toEqual(['persist:meta-login']);
    expect(readdirSync(dir)).not.toContain('secrets.vault');
  });

  it('still disconnects when Meta cannot be reached, and says the revocation did not happen', async () => {
    const app = start({ graph: (url, method) => (method === 'DELETE' ? { status: 503, body: { error: { code: 2, is_transient: true, message: 'down' } } } : undefined) });
    await app.login({ kind: 'login' });
    await expect(app.ipc('meta:disconnect')).resolves.toMatchObject({ value: { connected: false } });
    expect(app.services.notices.list().map((notice) => notice.code)).toContain('meta.session.revokeFailed');
  });

  it('keeps a working session when Meta refuses the token of another login', async () => {
    const OTHER = 'EAAotherACCOUNTtoken9876543210zyxwvutsrq';
    const app = start({ graph: (_url, _method, token) => (token === OTHER ? { status: 401, body: { error: { code: 190, error_subcode: 463, type: 'OAuthException', message: 'x' } } } : undefined) });
    await app.login({ kind: 'login' });
    app.setScript((request) => {
      const state = new URL(request.url).searchParams.get('state') ?? '';
      return { kind: 'redirect', url: `${request.redirectUri}#${new URLSearchParams({ access_token: OTHER, expires_in: '7200', state })}` };
    });
    await expect(app.login({ kind: 'another-account' })).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.loginRefused', params: { graphCode: 190, subcode: 463 } } });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: true, needsLogin: false, name: 'Camille Martin' } });
    expect(app.events.filter((e) => e.event === 'meta:changed').at(-1)?.payload).toMatchObject({ connected: true, name: 'Camille Martin' });
    // The stored session survives a restart, and the old token still reads Graph.
    await expect(start().ipc('meta:status')).resolves.toMatchObject({ value: { connected: true, name: 'Camille Martin' } });
    const me = await (await app.services.session.graph()).get({ path: '/me', schema: z.object({ name: z.string() }) });
    expect(me.name).toBe('Camille Martin');
  });

  it('still ends the current session when Meta refuses its own token (102)', async () => {
    let refused = false;
    const app = start({ graph: (url, _method, token) => (refused && token === TOKEN && url.pathname.endsWith('/me/permissions') ? { status: 400, body: { error: { code: 102, message: 'Session key invalid' } } } : undefined) });
    await app.login({ kind: 'login' });
    refused = true;
    await expect(app.ipc('meta:refresh')).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.expired' } });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false, needsLogin: true, name: 'Camille Martin' } });
    expect(readdirSync(dir)).not.toContain('secrets.vault');
  });

  it('cancels a pending login before disconnecting, and revokes only after it has ended', async () => {
    const order: string[] = [];
    const app = start({
      graph: (_url, method) => {
        if (method === 'DELETE') order.push('revoked at Meta');
        return undefined;
      },
    });
    await app.login({ kind: 'login' });
    app.setScript((request) =>
      new Promise((resolve) => {
        request.signal.addEventListener('abort', () => {
          order.push('login window closed');
          resolve({ kind: 'cancelled' });
        });
      }),
    );
    const pendingLogin = app.login({ kind: 'another-account' });
    await expect.poll(() => app.opened.length).toBe(2);
    await expect(app.ipc('meta:disconnect')).resolves.toMatchObject({ ok: true, value: { connected: false, name: null } });
    await expect(pendingLogin).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.cancelled' } });
    expect(order).toEqual(['login window closed', 'revoked at Meta']);
    expect(readdirSync(dir)).not.toContain('secrets.vault');
  });

  it('saves nothing from a login that Disconnect cancelled while Meta was still answering', async () => {
    let answer: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const app = start({ hold: (url) => (url.pathname.endsWith('/me') ? held : undefined) });
    const pendingLogin = app.login({ kind: 'login' });
    await expect.poll(() => app.graphCalls).toContain('GET /v26.0/me');
    const disconnecting = app.ipc('meta:disconnect');
    answer();
    await expect(disconnecting).resolves.toMatchObject({ ok: true, value: { connected: false } });
    await expect(pendingLogin).resolves.toMatchObject({ ok: false, error: { code: 'meta.session.cancelled' } });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false, name: null } });
    expect(readdirSync(dir)).not.toContain('secrets.vault');
    expect(app.events.filter((e) => e.event === 'meta:changed').every((e) => (e.payload as { connected: boolean }).connected === false)).toBe(true);
  });

  it.each(['-1', 'soon', '864000000'])('refuses a token whose lifetime is %s with a clear error, keeping the current session', async (seconds) => {
    const app = start();
    await app.login({ kind: 'login' });
    app.setScript((request) => {
      const state = new URL(request.url).searchParams.get('state') ?? '';
      return { kind: 'redirect', url: `${request.redirectUri}#${new URLSearchParams({ access_token: 'EAAnewTOKEN', expires_in: seconds, state })}` };
    });
    await expect(app.login({ kind: 'another-account' })).resolves.toEqual({ ok: false, error: { code: 'meta.session.invalidExpiry', params: {} } });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: true, name: 'Camille Martin' } });
  });

  it.each([-5, 'soon', 10 ** 12, 3600.5])('refuses a PKCE exchange whose lifetime is %j, and stays signed out', async (expiresIn) => {
    const app = start({
      script: (request) => ({ kind: 'redirect', url: `${request.redirectUri}?code=AQBcode123&state=${new URL(request.url).searchParams.get('state') ?? ''}#_=_` }),
      graph: (url) => (url.pathname.endsWith('/oauth/access_token') ? { status: 200, body: { access_token: TOKEN, token_type: 'bearer', expires_in: expiresIn } } : undefined),
    });
    await app.ipc('settings:set', { usePkce: true });
    await expect(app.login({ kind: 'login' })).resolves.toEqual({ ok: false, error: { code: 'meta.session.invalidExpiry', params: {} } });
    await expect(app.ipc('meta:status')).resolves.toMatchObject({ value: { connected: false } });
    expect(readdirSync(dir)).not.toContain('secrets.vault');
  });

  it('keeps a token without expiry (0) as a session with no expiry date', async () => {
    const app = start({
      script: (request) => ({ kind: 'redirect', url: `${request.redirectUri}#access_token=${TOKEN}&expires_in=0&state=${new URL(request.url).searchParams.get('state') ?? ''}` }),
    });
    await expect(app.login({ kind: 'login' })).resolves.toMatchObject({ ok: true, value: { connected: true, expiresAt: null } });
  });

  it('keeps the login cookies on disk only when the session itself is remembered', async () => {
    const remembering = start();
    await remembering.login({ kind: 'login' });
    await remembering.ipc('meta:disconnect');
    expect(remembering.opened[0]?.partition).toBe('persist:meta-login');
    expect(remembering.cleared).toEqual(['persist:meta-login']);

    dir = mkdtempSync(join(tmpdir(), 'wcsa-auth-'));
    const forgetting = start({ cipher: { ...fakeCipher, isAvailable: () => false } });
    await forgetting.login({ kind: 'login' });
    await forgetting.ipc('meta:disconnect');
    expect(forgetting.opened[0]?.partition).toBe('meta-login');
    expect(forgetting.cleared).toEqual(['meta-login']);
  });
});

describe('links opened in the system browser', () => {
  it('opens the normalised form of the URL it checked, never the text the renderer sent', async () => {
    const app = start();
    const sent = 'HTTPS://Business.FACEBOOK.com:443/wa/manage/../manage/%7ephone?asset=a b#Top';
    await expect(app.ipc('app:openExternal', { url: sent })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(app.openedOutside).toEqual(['https://business.facebook.com/wa/manage/%7ephone?asset=a%20b#Top']);
  });

  it('opens nothing outside the allow-list, however it is spelled', async () => {
    const app = start();
    await expect(app.ipc('app:openExternal', { url: 'https://BUSINESS.facebook.com.evil.example/wa' })).resolves.toMatchObject({ ok: false, error: { code: 'external.notAllowed' } });
    expect(app.openedOutside).toEqual([]);
  });
});
