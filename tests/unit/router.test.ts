import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { DEFAULT_PROGRESS } from '../../shared/model/progress';
import { disconnected } from '../../shared/model/connection';
import { createRouter, type Handlers, type Sender } from '../../main/ipc/router';
import { createOriginCheck } from '../../main/ipc/sender';
import { createMemoryLogger } from '../../main/node-adapters';

const ours: Sender = { url: 'app://renderer/index.html#/step/requirements', isMainFrame: true };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': () => ({ name: 'n', version: '1', mode: 'sandbox', osLanguage: 'en', platform: 'linux' }),
    'app:notices': () => [],
    'app:dismissNotice': () => [],
    'app:openExternal': () => ({ opened: true }),
    'settings:get': () => DEFAULT_SETTINGS,
    'settings:set': () => DEFAULT_SETTINGS,
    'progress:get': () => DEFAULT_PROGRESS,
    'progress:set': () => DEFAULT_PROGRESS,
    'auth:status': () => disconnected('sandbox', false),
    'auth:login': () => disconnected('sandbox', false),
    'auth:cancel': () => ({ cancelled: false }),
    'auth:refresh': () => disconnected('sandbox', false),
    'auth:disconnect': () => disconnected('sandbox', false),
    ...overrides,
  };
}

function router(overrides: Partial<Handlers> = {}) {
  const logger = createMemoryLogger();
  const all = handlers(overrides);
  const spies = Object.fromEntries(Object.entries(all).map(([key, fn]) => [key, vi.fn(fn)])) as unknown as Handlers;
  return { logger, spies, router: createRouter({ handlers: spies, isTrustedSender: createOriginCheck('app://renderer'), logger }) };
}

describe('IPC router', () => {
  it('answers a valid call with the handler result', async () => {
    const { router: r } = router();
    await expect(r.handle('settings:get', undefined, ours)).resolves.toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('refuses an unknown channel without running anything', async () => {
    const { router: r, logger } = router();
    await expect(r.handle('shell:exec', 'rm -rf /', ours)).resolves.toEqual({ ok: false, error: { code: 'ipc.unknownChannel', params: {} } });
    await expect(r.handle('__proto__', undefined, ours)).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    await expect(r.handle(42, undefined, ours)).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    expect(logger.lines().some((line) => line.includes('unknown channel'))).toBe(true);
  });

  it('refuses a foreign sender before looking at the channel, and never calls the handler', async () => {
    const { router: r, spies } = router();
    for (const sender of [
      { url: 'https://www.facebook.com/', isMainFrame: true },
      { url: 'app://renderer/index.html', isMainFrame: false },
      { url: 'app://other/index.html', isMainFrame: true },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
    ]) {
      await expect(r.handle('settings:set', { language: 'fr' }, sender)).resolves.toEqual({ ok: false, error: { code: 'ipc.forbiddenSender', params: {} } });
      await expect(r.handle('no:such', undefined, sender)).resolves.toMatchObject({ error: { code: 'ipc.forbiddenSender' } });
    }
    expect(spies['settings:set']).not.toHaveBeenCalled();
  });

  it('rejects invalid input with the field and a translatable message, without calling the handler', async () => {
    const { router: r, spies } = router();
    await expect(r.handle('settings:set', { facebookAppId: 'abc' }, ours)).resolves.toEqual({
      ok: false,
      error: { code: 'ipc.invalidInput', params: { channel: 'settings:set', field: 'facebookAppId', message: 'validation.numericId' } },
    });
    await expect(r.handle('settings:set', { language: 'fr', isAdmin: true }, ours)).resolves.toMatchObject({ error: { code: 'ipc.invalidInput' } });
    await expect(r.handle('settings:get', { sneaky: 1 }, ours)).resolves.toMatchObject({ error: { code: 'ipc.invalidInput' } });
    expect(spies['settings:set']).not.toHaveBeenCalled();
  });

  it('drops an output that would carry a field the contract does not declare', async () => {
    const leaky = { ...DEFAULT_SETTINGS, accessToken: 'EAAGm0PX4ZCpsBAKZCZAsecretsecretsecret' };
    const { router: r, logger } = router({ 'settings:get': () => leaky });
    const result = await r.handle('settings:get', undefined, ours);
    expect(result).toEqual({ ok: false, error: { code: 'ipc.invalidOutput', params: { channel: 'settings:get' } } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logger.lines().join('\n')).not.toContain('EAAGm0PX4ZCpsBAKZCZAsecret');
  });

  it('passes a domain error through as its code and params', async () => {
    const { router: r } = router({
      'progress:set': () => {
        throw new AppError('progress.notSkippable', { step: 'roles' });
      },
    });
    await expect(r.handle('progress:set', { step: { id: 'roles', state: 'skipped' } }, ours)).resolves.toEqual({
      ok: false,
      error: { code: 'progress.notSkippable', params: { step: 'roles' } },
    });
  });

  it('hides an unexpected failure behind "internal" and logs it redacted', async () => {
    const { router: r, logger } = router({
      'app:info': () => {
        throw new Error('boom at https://graph.facebook.com/me?access_token=EAAB1234567890abcdefghij');
      },
    });
    const result = await r.handle('app:info', undefined, ours);
    expect(result).toEqual({ ok: false, error: { code: 'internal', params: { channel: 'app:info' } } });
    const log = logger.lines().join('\n');
    expect(log).toContain('handler failed');
    expect(log).not.toContain('EAAB1234567890abcdefghij');
  });
});
