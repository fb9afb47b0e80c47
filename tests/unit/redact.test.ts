import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeLog from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../main/core/node-adapters';
import { configureFileLogger, logFileMode } from '../../main/platform/logging/file-logger';
import { DEFAULT_LIMITS, REDACTED, isSecretKey, redact, redactText, toLogText } from '../../main/platform/logging/redact';

// Secrets of every kind a support log could be handed; none may appear in any output.
const META_TOKEN = 'EAAGm0PX4ZCpsBAKZCZAZDfakeMetaAccess1234';
const OPAQUE = 'x7Kq2mVw9ZpL4rTn8bYc1dHs6fJg3aQe5uWo0iXy';
const SHORT_TOKEN = 'shortTok1';
const AUTH_CODE = 'AQBx-very-secret-code';
const VERIFIER = 'verifier-8a7f';
const APP_SECRET = 'hunter2-app-secret';
const PIN = '482913';
const COOKIE = 'sessid=c00k1e';
const BASIC = 'dXNlcjpwYXNz';
const SECRETS = [META_TOKEN, OPAQUE, SHORT_TOKEN, AUTH_CODE, VERIFIER, APP_SECRET, PIN, COOKIE, BASIC];

/** Builds `{ level1: { level2: ... { leaf } } }`, `depth` levels down. */
function nested(depth: number, leaf: Record<string, unknown>): Record<string, unknown> {
  let value: Record<string, unknown> = leaf;
  for (let level = depth; level > 0; level -= 1) value = { [`level${level}`]: value };
  return value;
}

function errorWithToken(): Error {
  const error = new Error(`Graph call failed: https://graph.facebook.com/v26.0/me?access_token=${META_TOKEN}`);
  Object.assign(error, { code: 'meta.network', graphCode: 190 });
  return error;
}

const CORPUS: [string, unknown][] = [
  ['a secret 20 levels deep', nested(20, { access_token: SHORT_TOKEN, note: `Bearer ${OPAQUE}` })],
  ['an array of objects', { accounts: [{ id: 1, token: SHORT_TOKEN }, { id: 2, client_secret: APP_SECRET }, { id: 3, twoStepPin: PIN }] }],
  ['a Map keyed by a token', { sessions: new Map<string, unknown>([[META_TOKEN, { user: 'Camille' }], [OPAQUE, 'second']]) }],
  ['an object keyed by a token', { byToken: { [META_TOKEN]: 'Camille' } }],
  ['an Error whose message and stack carry a token', { error: errorWithToken() }],
  ['an Error whose cause carries a token', { error: new Error('login failed', { cause: new Error(`refused ${META_TOKEN}`) }) }],
  ['an AggregateError', { error: new AggregateError([new Error(`first ${OPAQUE}`)], 'several calls failed') }],
  ['a URL with the token in its fragment', { url: `app://setup/callback#access_token=${SHORT_TOKEN}&expires_in=5183999&state=s1` }],
  ['a URL object with the token in its query', { url: new URL(`https://graph.facebook.com/me?access_token=${SHORT_TOKEN}&fields=id`) }],
  ['a percent-encoded redirect carrying a token', { url: `https://x.test/?redirect_uri=https%3A%2F%2Fapp%2Fcb%23access_token%3D${SHORT_TOKEN}%26state%3Ds` }],
  ['an Authorization header in a header object', { headers: { Authorization: `Bearer ${SHORT_TOKEN}`, Cookie: COOKIE, 'content-type': 'application/json' } }],
  ['a Headers instance', { headers: new Headers({ authorization: `OAuth ${SHORT_TOKEN}` }) }],
  ['an Authorization header in a string', { request: `GET /me HTTP/1.1\r\nAuthorization: Bearer ${SHORT_TOKEN}\r\nCookie: ${COOKIE}` }],
  ['Basic credentials in prose', { note: `retried with Basic ${BASIC}` }],
  ['JSON text inside a string', { body: JSON.stringify({ access_token: SHORT_TOKEN, token_type: 'bearer', client_secret: APP_SECRET }) }],
  ['a form body with the code and its verifier', { body: `grant_type=authorization_code&code=${AUTH_CODE}&code_verifier=${VERIFIER}&redirect_uri=https%3A%2F%2Fx` }],
  ['an OAuth exchange as an object', { exchange: { code: 'plainlowercase', code_verifier: VERIFIER, redirect_uri: 'https://x/cb' } }],
  ['an authorization code outside a known exchange', { callback: { code: AUTH_CODE, state: 's1' } }],
  ['a password, a passphrase and a pin', { password: 'p', passphrase: APP_SECRET, pin: Number(PIN) }],
  ['a Meta token and a long opaque token in text', { text: `token is ${META_TOKEN}; signature ${OPAQUE}.` }],
  ['util.inspect-like text', { text: `{ access_token: '${SHORT_TOKEN}', pin: ${PIN} }` }],
];

describe('redaction: nothing secret survives', () => {
  it.each(CORPUS)('masks the secret in %s', (_shape, value) => {
    const text = toLogText(value);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted');
  });

  it('masks the same corpus when it is logged through the memory logger', () => {
    const logger = createMemoryLogger();
    for (const [shape, value] of CORPUS) logger.error(`failed: ${shape}`, { value });
    const log = logger.lines().join('\n');
    for (const secret of SECRETS) expect(log).not.toContain(secret);
  });

  it('masks secrets in the message line itself', () => {
    const out = redactText(`opening https://www.facebook.com/dialog/oauth?client_id=123&code_challenge=abc#access_token=${SHORT_TOKEN} with ${META_TOKEN}`);
    expect(out).not.toContain(SHORT_TOKEN);
    expect(out).not.toContain(META_TOKEN);
    expect(out).toContain('client_id=123');
  });

  it('keeps a secret found beyond the size budget out of the output', () => {
    const long = `${'a'.repeat(DEFAULT_LIMITS.maxStringLength)} then ${META_TOKEN}`;
    const deep = nested(5_000, { token: SHORT_TOKEN, note: OPAQUE });
    const wide = Array.from({ length: 5_000 }, (_, index) => ({ index, secret: APP_SECRET }));
    const text = toLogText({ long, deep, wide });
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('more characters]');
    expect(text).toContain('[cut: nested too deep]');
    expect(text).toMatch(/\[cut: \d+ more items\]|\[cut: log entry too large\]/);
    expect(text.length).toBeLessThan(200_000);
  });
});

describe('redaction: what support needs survives', () => {
  it('keeps error codes, Graph codes, paths, counts and host names', () => {
    const out = redact({
      error: { code: 'meta.network', graphCode: 190, statusCode: 400, errno: 'ECONNRESET' },
      ipc: { code: 'ERR_INVALID_URL' },
      file: '/home/camille/.config/whatsapp-setup/workspaces/main.json',
      count: 3,
      host: 'graph.facebook.com',
      url: 'https://graph.facebook.com/v26.0/1234567890/phone_numbers?fields=id,display_phone_number&limit=25',
      hasToken: true,
      message: 'Basic setup finished; OAuth 2.0 login window closed',
    });
    expect(out).toEqual({
      error: { code: 'meta.network', graphCode: 190, statusCode: 400, errno: 'ECONNRESET' },
      ipc: { code: 'ERR_INVALID_URL' },
      file: '/home/camille/.config/whatsapp-setup/workspaces/main.json',
      count: 3,
      host: 'graph.facebook.com',
      url: 'https://graph.facebook.com/v26.0/1234567890/phone_numbers?fields=id,display_phone_number&limit=25',
      hasToken: true,
      message: 'Basic setup finished; OAuth 2.0 login window closed',
    });
  });

  it('keeps the harmless neighbours of a masked secret', () => {
    const text = toLogText({ url: `app://setup/cb#access_token=${SHORT_TOKEN}&expires_in=5183999&state=s1`, body: `{"code":"meta.session.expired","access_token":"${SHORT_TOKEN}"}` });
    expect(text).toContain('expires_in=5183999');
    expect(text).toContain('state=s1');
    expect(text).toContain('meta.session.expired');
  });

  it('tells an OAuth code from an error code', () => {
    expect(isSecretKey('code', { value: 'meta.network' })).toBe(false);
    expect(isSecretKey('code', { value: 190 })).toBe(false);
    expect(isSecretKey('code', { value: AUTH_CODE })).toBe(true);
    expect(isSecretKey('code', { value: 'abc', siblings: ['code', 'redirect_uri'] })).toBe(true);
    expect(isSecretKey('graphCode')).toBe(false);
    expect(isSecretKey('codeVerifier')).toBe(true);
    expect(isSecretKey('spinner')).toBe(false);
    expect(isSecretKey('twoStepPin')).toBe(true);
    expect(redactText('error code=meta.network')).toBe('error code=meta.network');
    expect(redactText('/cb?code=abc&state=s')).toBe(`/cb?code=${REDACTED}&state=s`);
  });
});

describe('serialization: errors and odd values stay readable', () => {
  it('logs an Error in meta with its name, message, stack, fields and cause, never {}', () => {
    const logger = createMemoryLogger();
    const cause = new TypeError('fetch failed');
    const error = new Error(`Meta refused the call at https://graph.facebook.com/me?access_token=${SHORT_TOKEN}`, { cause });
    Object.assign(error, { code: 'meta.network', graphCode: 190 });
    logger.error('graph: call failed', { error });
    const [line = ''] = logger.lines();
    expect(line).not.toContain('{}');
    expect(line).not.toContain(SHORT_TOKEN);
    const meta = JSON.parse(line.slice(line.indexOf('{'))) as { error: Record<string, unknown> & { cause: Record<string, unknown> } };
    expect(meta.error).toMatchObject({ name: 'Error', message: `Meta refused the call at https://graph.facebook.com/me?access_token=${REDACTED}`, code: 'meta.network', graphCode: 190 });
    expect(meta.error.stack).toMatch(/^Error: Meta refused the call[\s\S]*redact\.test\.ts/);
    expect(meta.error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });

  it('lists every error of an AggregateError', () => {
    const out = redact(new AggregateError([new RangeError('first'), new Error('second')], 'two calls failed')) as { name: string; errors: { name: string; message: string }[] };
    expect(out.name).toBe('AggregateError');
    expect(out.errors.map((item) => `${item.name}: ${item.message}`)).toEqual(['RangeError: first', 'Error: second']);
  });

  it('turns cycles, BigInt, Map, Set, buffers and getters into plain data', () => {
    const cyclic: Record<string, unknown> = { name: 'workspace' };
    cyclic.self = cyclic;
    class Status {
      get phase(): string {
        return 'connected';
      }
      get broken(): string {
        throw new Error(`no phase for ${META_TOKEN}`);
      }
    }
    const out = redact({
      cyclic,
      size: 12n,
      numbers: new Map<unknown, unknown>([[1, 'one'], ['two', new Set(['a', 'b'])]]),
      bytes: Buffer.from(APP_SECRET),
      status: new Status(),
      at: new Date('2025-01-02T03:04:05Z'),
      nothing: Number.NaN,
    });
    expect(out).toEqual({
      cyclic: { name: 'workspace', self: '[circular]' },
      size: '12n',
      numbers: { 1: 'one', two: ['a', 'b'] },
      bytes: `[Buffer ${APP_SECRET.length} bytes]`,
      status: { phase: 'connected', broken: '[unreadable: no phase for [redacted-token]]' },
      at: '2025-01-02T03:04:05.000Z',
      nothing: 'NaN',
    });
    expect(() => JSON.stringify(out)).not.toThrow();
  });

  it('keeps two token keys apart instead of overwriting one with the other', () => {
    const out = redact(new Map([[META_TOKEN, 'first'], [OPAQUE, 'second']])) as Record<string, unknown>;
    expect(Object.values(out).sort()).toEqual(['first', 'second']);
    expect(Object.keys(out).join(' ')).not.toMatch(/EAA|x7Kq/);
  });
});

describe('log file (electron-log, on its Node build)', () => {
  const posix = process.platform !== 'win32';
  let dir = '';
  let stop: (() => void) | null = null;

  /** A fresh electron-log logger writing to a temporary file, configured as the app does. */
  function fileLogger(name = 'main.log') {
    dir = mkdtempSync(join(tmpdir(), 'wcsa-log-'));
    const path = join(dir, name);
    const log = nodeLog.create({ logId: `redact-test-${Math.random()}` });
    log.transports.console.level = false;
    log.transports.file.resolvePathFn = () => path;
    const before = { uncaught: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
    const logger = configureFileLogger(log, process.platform);
    stop = () => log.errorHandler.stopCatching();
    const added = <L>(now: L[], known: L[]): L => {
      const listener = now.find((item) => !known.includes(item));
      if (!listener) throw new Error('electron-log did not start catching');
      return listener;
    };
    const uncaught = added(process.listeners('uncaughtException'), before.uncaught);
    const rejection = added(process.listeners('unhandledRejection'), before.rejection);
    return {
      path,
      logger,
      // The listeners electron-log registered, called as Node would (vitest's own are left out).
      uncaught: (error: Error) => uncaught(error, 'uncaughtException'),
      rejection: (reason: unknown) => rejection(reason, Promise.resolve()),
      text: () => readFileSync(path, 'utf8'),
    };
  }

  afterEach(() => {
    stop?.();
    stop = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('decides an owner-only mode on macOS and Linux, and leaves Windows to its ACLs', () => {
    expect(logFileMode('linux')).toBe(0o600);
    expect(logFileMode('darwin')).toBe(0o600);
    expect(logFileMode('win32')).toBeUndefined();
  });

  it.skipIf(!posix)('creates the log file readable by its owner only', () => {
    const file = fileLogger();
    file.logger.info('app: started', { version: '0.1.0' });
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!posix)('narrows a log file and its rotated copy that an older version left readable by others', () => {
    dir = mkdtempSync(join(tmpdir(), 'wcsa-log-'));
    const path = join(dir, 'main.log');
    writeFileSync(path, 'earlier line\n', { mode: 0o644 });
    writeFileSync(join(dir, 'main.old.log'), 'older line\n', { mode: 0o644 });
    const log = nodeLog.create({ logId: `redact-test-${Math.random()}` });
    log.transports.console.level = false;
    log.transports.file.resolvePathFn = () => path;
    configureFileLogger(log, process.platform).info('app: started');
    stop = () => log.errorHandler.stopCatching();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'main.old.log')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/earlier line\n[\s\S]*app: started/);
  });

  it('writes an Error in meta with its name, message and stack, and no token', () => {
    const file = fileLogger();
    file.logger.error(`graph: call failed for ${META_TOKEN}`, { error: errorWithToken(), headers: { Authorization: `Bearer ${SHORT_TOKEN}` } });
    const text = file.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('[error] graph: call failed for [redacted-token]');
    expect(text).toContain('"name":"Error"');
    expect(text).toContain('"message":"Graph call failed: https://graph.facebook.com/v26.0/me?access_token=[redacted]"');
    expect(text).toMatch(/"stack":"Error: Graph call failed[^"]*redact\.test\.ts/);
    expect(text).toContain('"code":"meta.network"');
    expect(text).not.toContain('{}');
  });

  it('writes an uncaught exception and an unhandled rejection, redacted and readable', () => {
    const file = fileLogger();
    file.uncaught(new RangeError(`bad page at app://setup/#access_token=${SHORT_TOKEN}`));
    file.rejection({ message: 'exchange failed', body: { access_token: SHORT_TOKEN, client_secret: APP_SECRET } });
    file.rejection(new Error('refused', { cause: new Error(`with ${META_TOKEN}`) }));
    const text = file.text();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('[error] uncaught exception {"error":{"name":"RangeError","message":"bad page at app://setup/#access_token=[redacted]"');
    // electron-log turns a rejected plain object into an Error whose message is its JSON.
    expect(text).toMatch(/\[error\] unhandled rejection \{"error":\{"name":"Error","message":"[^\n]*exchange failed/);
    expect(text).toContain('"cause":{"name":"Error","message":"with [redacted-token]"');
    // Written once, by our handler; electron-log's own "Unhandled" line is suppressed.
    expect(text.match(/uncaught exception/g)).toHaveLength(1);
    expect(text).not.toContain('Unhandled');
  });
});
