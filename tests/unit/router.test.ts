import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createServices } from '../../main/core/create-services';
import { createMemoryLogger, createNodeAdapters } from '../../main/core/node-adapters';
import { createRouter, type Handlers, type Sender } from '../../main/ipc/router';
import { createOriginCheck } from '../../main/ipc/sender';
import { AppError, ERROR_CODES } from '../../shared/errors/index';
import { CHANNELS, type Channel, type ChannelInput } from '../../shared/ipc/contract/index';
import { DEFAULT_SETTINGS } from '../../shared/model/settings/settings';
import { emptyDrafts } from '../../shared/model/drafts/drafts';
import { emptyRequirements } from '../../shared/model/requirements/requirements';

const ours: Sender = { url: 'app://renderer/index.html#/step/requirements', isMainFrame: true };
const WORKSPACE = '0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11';
const OPERATION = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

/**
 * A valid input for every channel of the contract.
 *
 * Typed over every channel, so a call added to any area's slice fails the typecheck until it
 * has a sample here, and the generated tests below then cover it.
 */
const SAMPLES: { [C in Channel]: ChannelInput<C> } = {
  'app:info': undefined,
  'app:notices': undefined,
  'app:dismissNotice': { id: 'none' },
  'app:openExternal': { url: 'https://business.facebook.com/wa/manage/' },
  'app:openSimulatorPage': { page: 'phone' },
  'settings:get': undefined,
  'settings:set': { language: 'fr' },
  'workspace:get': undefined,
  'workspace:create': { name: 'Jungle – FR', phoneNumber: '+33748111524' },
  'workspace:update': { id: WORKSPACE, name: 'Renamed' },
  'workspace:switch': { id: WORKSPACE },
  'workspace:setProgress': { currentStep: 'roles' },
  'workspace:tick': { step: 'sla', item: 'open-sla', ticked: true },
  'meta:status': undefined,
  'meta:refresh': undefined,
  'meta:disconnect': undefined,
  'operations:start': { id: OPERATION, operation: 'meta:login', input: { kind: 'login' } },
  'operations:cancel': { id: OPERATION },
  'updates:status': undefined,
  'updates:check': undefined,
  'updates:setSettings': { feedUrl: 'https://updates.example.com/whatsapp-setup', checkAtStart: false },
  'updates:install': { consent: true },
  'workspace:duplicate': { id: WORKSPACE },
  'workspace:delete': { id: WORKSPACE },
  'workspace:restore': { id: WORKSPACE },
  'drafts:get': undefined,
  'drafts:save': { workspaceId: WORKSPACE, drafts: emptyDrafts() },
  'drafts:export': undefined,
  'drafts:import': undefined,
  'drafts:saveRunbook': { language: 'en', format: 'html', html: '<h1>Runbook</h1>' },
  'requirements:get': undefined,
  'requirements:save': { workspaceId: WORKSPACE, requirements: emptyRequirements() },
  'requirements:checkLogo': undefined,
  'meta:account': undefined,
  'meta:loadPortfolios': undefined,
  'meta:selectPortfolio': { businessId: '200000000000001' },
  'meta:selectAccount': { wabaId: '300000000000001' },
  'meta:refreshNumbers': undefined,
  'meta:loadProfile': { phoneNumberId: '400000000000001' },
  'meta:saveProfile': { phoneNumberId: '400000000000001', profile: { about: 'Open 7 days', websites: ['https://www.contoso.example/'], vertical: 'RETAIL' } },
  'status:get': undefined,
  'status:refresh': undefined,
  'status:notifications': undefined,
  'status:markRead': { ids: 'all' },
  'templates:get': undefined,
  'templates:refresh': undefined,
};

/** The real handler table, from the composition root, over Node adapters in a fresh folder. */
function realServices() {
  const adapters = createNodeAdapters({ dataDir: mkdtempSync(join(tmpdir(), 'wcsa-router-')), locale: 'en-US' });
  return createServices(adapters);
}

function router(overrides: Partial<Handlers> = {}) {
  const logger = createMemoryLogger();
  const all = { ...realServices().handlers, ...overrides };
  const spies = Object.fromEntries(Object.entries(all).map(([key, fn]) => [key, vi.fn(fn)])) as unknown as Handlers;
  return { logger, spies, router: createRouter({ handlers: spies, isTrustedSender: createOriginCheck('app://renderer'), logger }) };
}

/** True when a value reads like a sentence rather than a code, a name or a number. */
const isProse = (value: unknown): boolean => typeof value === 'string' && /\S+\s+\S+\s+\S+/.test(value);

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
    // The channels of earlier releases are gone, not silently kept.
    await expect(r.handle('auth:login', { kind: 'login' }, ours)).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
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
    const { router: r } = router();
    await expect(r.handle('workspace:setProgress', { step: { id: 'roles', state: 'skipped' } }, ours)).resolves.toEqual({
      ok: false,
      error: { code: 'workspace.notSkippable', params: { step: 'roles' } },
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

  it('keeps an AppError a handler throws as a code, never as its message', async () => {
    const { router: r } = router({
      'meta:status': () => {
        throw new AppError('meta.session.notConnected');
      },
    });
    await expect(r.handle('meta:status', undefined, ours)).resolves.toEqual({ ok: false, error: { code: 'meta.session.notConnected', params: {} } });
  });
});

describe('every channel of the contract', () => {
  const { router: r } = router();

  for (const channel of CHANNELS) {
    it(`${channel}: refuses an input with a field it does not declare, with a coded error`, async () => {
      const result = await r.handle(channel, { notAField: 'x' }, ours);
      expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidInput', params: { channel } } });
    });

    it(`${channel}: answers a valid input with a value or a coded error, never prose`, async () => {
      const result = await r.handle(channel, SAMPLES[channel], ours);
      if (!result.ok) {
        expect(ERROR_CODES).toContain(result.error.code);
        expect(result.error.code).not.toMatch(/^ipc\./);
        expect(Object.values(result.error.params).filter(isProse)).toEqual([]);
      }
      expect(JSON.stringify(result)).not.toMatch(/access_token|EAA[A-Za-z0-9]{10}/);
    });

    it(`${channel}: is refused from a subframe`, async () => {
      await expect(r.handle(channel, SAMPLES[channel], { ...ours, isMainFrame: false })).resolves.toMatchObject({ ok: false, error: { code: 'ipc.forbiddenSender' } });
    });
  }

  it('covers every channel, so a new call cannot go untested', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CHANNELS].sort());
  });
});
