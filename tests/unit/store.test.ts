import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import type { EventName } from '../../shared/ipc/contract/index';
import { DEFAULT_SETTINGS } from '../../shared/model/settings/settings';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';

const fixture = (name: string) => new URL(`../fixtures/stores/${name}`, import.meta.url);
const fixedNow = () => new Date('2026-11-24T13:55:01.000Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wcsa-store-'));
});

function start(locale = 'en-US') {
  const events: { event: EventName; payload: unknown }[] = [];
  const adapters = createNodeAdapters({ dataDir: dir, locale, now: fixedNow, emit: (event, payload) => events.push({ event, payload }) });
  return { services: createServices(adapters), events };
}

describe('store files', () => {
  it('start from defaults on a fresh install and save atomically as JSON with a schema version', () => {
    const { services } = start();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    services.settings.set({ language: 'fr' });
    const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(saved).toMatchObject({ schemaVersion: 1, language: 'fr' });
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it('set a file that is not JSON aside, tell the admin where, and start afresh', () => {
    writeFileSync(join(dir, 'settings.json'), '{"language": "fr", "mode": ');
    const { services } = start();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    const kept = readdirSync(dir).find((name) => name.startsWith('settings.json.corrupt-'));
    expect(kept).toBe('settings.json.corrupt-20261124T135501');
    expect(readFileSync(join(dir, kept ?? ''), 'utf8')).toBe('{"language": "fr", "mode": ');
    const [notice] = services.notices.list();
    expect(notice).toMatchObject({ code: 'store.quarantined', severity: 'error', params: { file: 'settings.json', movedTo: join(dir, kept ?? '') } });
    // The fresh file works.
    services.settings.set({ language: 'en' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).language).toBe('en');
  });

  it('never overwrite a file set aside earlier at the same second', () => {
    writeFileSync(join(dir, 'settings.json'), 'first broken');
    start();
    writeFileSync(join(dir, 'settings.json'), 'second broken');
    start();
    const kept = readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-')).sort();
    expect(kept).toEqual(['settings.json.corrupt-20261124T135501', 'settings.json.corrupt-20261124T135501-2']);
    expect(kept.map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(['first broken', 'second broken']);
  });

  it('set aside a JSON file whose content breaks the schema instead of trusting it', () => {
    writeFileSync(join(dir, 'workspaces.json'), JSON.stringify({ schemaVersion: 1, currentId: 'nowhere', workspaces: [] }));
    const { services } = start();
    expect(services.workspaces.current().progress.currentStep).toBe('requirements');
    expect(readdirSync(dir).some((name) => name.startsWith('workspaces.json.corrupt-'))).toBe(true);
    expect(services.notices.list()[0]).toMatchObject({ code: 'store.quarantined', params: { reason: 'invalid' } });
  });

  it('migrate a v0 settings file from the preview builds, keeping a backup', () => {
    copyFileSync(fixture('settings.v0.json'), join(dir, 'settings.json'));
    const { services } = start();
    expect(services.settings.get()).toEqual({
      schemaVersion: 1,
      language: 'fr',
      mode: 'live',
      facebookAppId: '123456789012345',
      loginConfigId: '987654321098',
      graphApiVersion: 'v26.0',
      usePkce: false,
    });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(1);
    const backup = readdirSync(dir).find((name) => name.startsWith('settings.json.backup-v0-'));
    expect(readFileSync(join(dir, backup ?? ''), 'utf8')).toBe(readFileSync(fixture('settings.v0.json'), 'utf8'));
    expect(services.notices.list()[0]).toMatchObject({ code: 'store.migrated', params: { from: 0, to: 1 } });
  });

  it('leave a file from a newer version untouched and keep a copy', () => {
    const newer = JSON.stringify({ schemaVersion: 9, language: 'fr', somethingNew: true });
    writeFileSync(join(dir, 'settings.json'), newer);
    const { services } = start();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(newer);
    expect(services.notices.list()[0]).toMatchObject({ code: 'store.newerVersion', params: { version: 9 } });
  });
});

describe('settings service', () => {
  it('follows the OS language until the admin picks one', () => {
    const { services } = start('fr-CA');
    expect(services.settings.get().language).toBeNull();
    return Promise.resolve(services.handlers['app:info'](undefined)).then((info) => expect(info.osLanguage).toBe('fr'));
  });

  it('refuses live mode without an App ID and keeps the stored settings', () => {
    const { services } = start();
    expect(() => services.settings.set({ mode: 'live' })).toThrowError(expect.objectContaining({ code: 'settings.liveNeedsAppId' }));
    expect(services.settings.get().mode).toBe('sandbox');
  });

  it('stays in sandbox while no App ID is set, and goes live with one', async () => {
    const { services, events } = start();
    expect((await services.handlers['app:info'](undefined)).mode).toBe('sandbox');
    services.settings.set({ mode: 'live', facebookAppId: '123456789012345' });
    expect((await services.handlers['app:info'](undefined)).mode).toBe('live');
    expect(events.filter((e) => e.event === 'settings:changed')).toHaveLength(1);
  });

  it('survives a restart', () => {
    start().services.settings.set({ language: 'fr', graphApiVersion: 'v25.0' });
    expect(start().services.settings.get()).toMatchObject({ language: 'fr', graphApiVersion: 'v25.0' });
  });
});

describe('workspace service', () => {
  it('records step states with their time and survives a restart', () => {
    start().services.workspaces.setProgress({ currentStep: 'roles', step: { id: 'requirements', state: 'in_progress' } });
    expect(start().services.workspaces.current().progress).toEqual({
      schemaVersion: 1,
      currentStep: 'roles',
      steps: { requirements: { state: 'in_progress', updatedAt: '2026-11-24T13:55:01.000Z' } },
    });
  });

  it('allows skipping only the steps the manual marks optional or conditional', () => {
    const { services } = start();
    expect(services.workspaces.setProgress({ step: { id: 'sla', state: 'skipped' } }).workspaces[0]?.progress.steps.sla?.state).toBe('skipped');
    expect(services.workspaces.setProgress({ step: { id: 'routing', state: 'skipped' } }).workspaces[0]?.progress.steps.routing?.state).toBe('skipped');
    expect(() => services.workspaces.setProgress({ step: { id: 'roles', state: 'skipped' } })).toThrowError(expect.objectContaining({ code: 'workspace.notSkippable' }));
  });

  it('refuses Mark done while the checklist is open, with the reason, and accepts it once every item is ticked', () => {
    const { services } = start();
    expect(() => services.workspaces.setProgress({ step: { id: 'roles', state: 'done' } })).toThrowError(
      expect.objectContaining({ code: 'workspace.notComplete', params: { step: 'roles', reasons: 'checklistOpen' } }),
    );
    for (const item of STEP_CHECKLISTS.roles) services.workspaces.tick({ step: 'roles', item: item.id, ticked: true });
    expect(services.workspaces.setProgress({ step: { id: 'roles', state: 'done' } }).workspaces[0]?.progress.steps.roles?.state).toBe('done');
  });

  it('refuses Mark done on step 2 while not connected to Meta, even with every item ticked', () => {
    const { services } = start();
    for (const item of STEP_CHECKLISTS.connect) services.workspaces.tick({ step: 'connect', item: item.id, ticked: true });
    expect(() => services.workspaces.setProgress({ step: { id: 'connect', state: 'done' } })).toThrowError(
      expect.objectContaining({ code: 'workspace.notComplete', params: { step: 'connect', reasons: 'metaNotConnected' } }),
    );
  });

  it('keeps ticks per workspace: a new workspace starts empty, switching back finds them', () => {
    const { services } = start();
    const first = services.workspaces.current().id;
    services.workspaces.tick({ step: 'sla', item: 'open-sla', ticked: true });
    services.workspaces.create({ name: 'Jungle – EN', phoneNumber: '+33748111524' });
    expect(services.workspaces.current()).toMatchObject({ name: 'Jungle – EN', phoneNumber: '+33748111524', checklist: {} });
    services.workspaces.switchTo(first);
    expect(start().services.workspaces.current().checklist.sla).toEqual(['open-sla']);
  });

  it('refuses a checklist item the step does not have, and an unknown workspace', () => {
    const { services } = start();
    expect(() => services.workspaces.tick({ step: 'sla', item: 'make-coffee', ticked: true })).toThrowError(expect.objectContaining({ code: 'workspace.unknownChecklistItem' }));
    expect(() => services.workspaces.switchTo('0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11')).toThrowError(expect.objectContaining({ code: 'workspace.unknown' }));
  });

  it('folds the progress file of earlier releases into the first workspace, keeping the old file aside', () => {
    copyFileSync(fixture('progress.v1.json'), join(dir, 'progress.json'));
    const legacy = JSON.parse(readFileSync(fixture('progress.v1.json'), 'utf8'));
    const { services } = start();
    expect(services.workspaces.current()).toMatchObject({ name: 'WhatsApp', progress: legacy });
    expect(readFileSync(join(dir, 'progress.json.migrated-20261124T135501'), 'utf8')).toBe(readFileSync(fixture('progress.v1.json'), 'utf8'));
    expect(readdirSync(dir)).not.toContain('progress.json');
    expect(services.notices.list()[0]).toMatchObject({ code: 'store.migrated', params: { file: 'progress.json' } });
    // Once folded, the next start reads the workspace and finds no progress file to fold again.
    expect(start().services.workspaces.current().progress).toEqual(legacy);
  });
});

describe('external links handler', () => {
  it('opens allowed hosts and refuses others with the host named', async () => {
    const adapters = createNodeAdapters({ dataDir: dir, locale: 'en' });
    const services = createServices(adapters);
    await services.handlers['app:openExternal']({ url: 'https://business.facebook.com/wa/manage/' });
    expect(adapters.opened).toEqual(['https://business.facebook.com/wa/manage/']);
    await expect(Promise.resolve().then(() => services.handlers['app:openExternal']({ url: 'https://evil.example/' }))).rejects.toMatchObject({
      code: 'external.notAllowed',
      params: { host: 'evil.example' },
    });
  });
});
