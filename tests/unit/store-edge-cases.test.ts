import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import { createConfStoreOpener } from '../../main/platform/persistence/conf-store';
import { describeStartupFailure } from '../../main/platform/persistence/startup-failure';
import { MAX_STORE_BYTES } from '../../main/platform/persistence/store-files';
import type { OpenStoreFile } from '../../main/platform/ports';
import { DEFAULT_SETTINGS } from '../../shared/model/settings/settings';

const fixture = (name: string) => new URL(`../fixtures/stores/${name}`, import.meta.url);
const fixedNow = () => new Date('2026-11-24T13:55:01.000Z');
const settingsFile = () => join(dir, 'settings.json');
const isWindows = process.platform === 'win32';

let dir: string;
const undo: (() => void)[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wcsa-edge-'));
});
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
  rmSync(dir, { recursive: true, force: true });
});

function start(openStore?: OpenStoreFile, dataDir = dir) {
  const adapters = createNodeAdapters({ dataDir, locale: 'en-US', now: fixedNow });
  return createServices({ ...adapters, ...(openStore ? { openStore } : {}) });
}

/** An OS error as Node raises it (`code` is what the app looks at). */
function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: refused, open '${settingsFile()}'`), { code });
}

/** conf on the test folder, but writes refused with `code`, counting the attempts. */
function refusingWrites(code: string) {
  const real = createConfStoreOpener(dir);
  const attempts = { count: 0 };
  const open: OpenStoreFile = (name) => {
    const file = real(name);
    return {
      path: file.path,
      readAll: file.readAll,
      writeAll: () => {
        attempts.count += 1;
        throw osError(code);
      },
    };
  };
  return { open, attempts };
}

/**
 * Makes `folder` refuse new files for real: chmod for a normal user, `chattr +i` for root (root
 * ignores permission bits). Returns false when this machine allows neither.
 */
function makeReadOnly(folder: string): boolean {
  const probe = join(folder, '.probe');
  const refuses = () => {
    try {
      writeFileSync(probe, '');
      rmSync(probe);
      return false;
    } catch {
      return true;
    }
  };
  chmodSync(folder, 0o555);
  undo.push(() => chmodSync(folder, 0o755));
  if (refuses()) return true;
  try {
    execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
    undo.push(() => execFileSync('chattr', ['-i', folder], { stdio: 'ignore' }));
  } catch {
    return false;
  }
  return refuses();
}

const snapshot = () => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('store files written by hand or by other tools', () => {
  it('accepts a settings file that starts with a UTF-8 BOM (PowerShell, old Notepad) and keeps its values', () => {
    copyFileSync(fixture('settings.v1-bom.json'), settingsFile());
    const services = start();
    expect(services.settings.get()).toMatchObject({ language: 'fr', graphApiVersion: 'v25.0' });
    expect(services.notices.list()).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    services.settings.set({ graphApiVersion: 'v26.0' });
    expect(start().settings.get()).toMatchObject({ language: 'fr', graphApiVersion: 'v26.0' });
  });

  it.each([
    ['null', 'null', 'notAnObject'],
    ['a number', '42', 'notAnObject'],
    ['a string', '"fr"', 'notAnObject'],
    ['an array', '[{"language": "fr"}]', 'notAnObject'],
    ['a schemaVersion that is a string', '{"schemaVersion": "1", "language": "fr"}', 'badVersion'],
    ['a schemaVersion that is not a whole number', '{"schemaVersion": 0.5, "language": "fr"}', 'badVersion'],
  ])('sets aside a file holding %s and says so, never resetting it silently nor calling it migrated', (_, text, reason) => {
    writeFileSync(settingsFile(), text);
    const services = start();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(readFileSync(join(dir, 'settings.json.corrupt-20261124T135501'), 'utf8')).toBe(text);
    const notices = services.notices.list();
    expect(notices.map((notice) => notice.code)).toEqual(['store.quarantined']);
    expect(notices[0]).toMatchObject({ severity: 'error', params: { file: 'settings.json', movedTo: join(dir, 'settings.json.corrupt-20261124T135501'), reason } });
    expect(readdirSync(dir).some((name) => name.includes('.backup-'))).toBe(false);
  });

  it('refuses a file over 10 MB on its size alone, even valid JSON, and keeps it aside', () => {
    const big = `{"schemaVersion": 1, "language": "fr"${' '.repeat(MAX_STORE_BYTES)}}`;
    writeFileSync(settingsFile(), big);
    const services = start();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(services.notices.list()[0]).toMatchObject({ code: 'store.quarantined', params: { file: 'settings.json', reason: 'tooLarge' } });
    expect(statSync(join(dir, 'settings.json.corrupt-20261124T135501')).size).toBe(big.length);
  });

  it('keeps a file from a newer version aside once, not again at every start, and again when it changes', () => {
    const newer = JSON.stringify({ schemaVersion: 9, language: 'fr', somethingNew: true });
    writeFileSync(settingsFile(), newer);
    const copies = () => readdirSync(dir).filter((name) => name.startsWith('settings.json.newer-'));
    const first = start().notices.list()[0];
    const second = start().notices.list()[0];
    start();
    expect(copies()).toEqual(['settings.json.newer-20261124T135501']);
    // Each start still says so, pointing at the one copy.
    expect(second).toMatchObject({ code: 'store.newerVersion', params: { version: 9, movedTo: first?.params.movedTo } });
    expect(readFileSync(settingsFile(), 'utf8')).toBe(newer);

    writeFileSync(settingsFile(), JSON.stringify({ schemaVersion: 10, language: 'en' }));
    start();
    expect(copies()).toHaveLength(2);
  });

  it('removes the temporary files a crash left beside the stores, and only those', () => {
    const leftovers = ['settings.json.tmp-1764000000a1b2c3', 'workspaces.json.tmp-17640000011f2e3d'];
    const others = ['settings.json.tmp-notes', 'notes.json.tmp-1764000000a1b2c3', 'settings.json.corrupt-20260101T000000'];
    for (const name of [...leftovers, ...others]) writeFileSync(join(dir, name), '{"half": ');
    start();
    const names = readdirSync(dir);
    expect(names.filter((name) => leftovers.includes(name))).toEqual([]);
    expect(others.filter((name) => !names.includes(name))).toEqual([]);
  });
});

describe.skipIf(isWindows)('owner-only files', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates every store file readable by the user only, even over an older world-readable one', () => {
    writeFileSync(settingsFile(), JSON.stringify({ ...DEFAULT_SETTINGS, language: 'fr' }), { mode: 0o644 });
    chmodSync(settingsFile(), 0o644);
    const services = start();
    services.settings.set({ language: 'en' });
    services.workspaces.tick({ step: 'sla', item: 'open-sla', ticked: true });
    expect(mode(settingsFile())).toBe(0o600);
    expect(mode(join(dir, 'workspaces.json'))).toBe(0o600);
  });

  it('keeps copies set aside owner-only, whatever the original allowed', () => {
    writeFileSync(settingsFile(), 'not JSON');
    chmodSync(settingsFile(), 0o644);
    writeFileSync(join(dir, 'workspaces.json'), JSON.stringify({ schemaVersion: 99 }));
    chmodSync(join(dir, 'workspaces.json'), 0o644);
    start();
    const kept = readdirSync(dir).filter((name) => name.includes('.corrupt-') || name.includes('.newer-'));
    expect(kept).toHaveLength(2);
    expect(kept.map((name) => mode(join(dir, name)))).toEqual([0o600, 0o600]);
  });
});

describe('a data folder the OS will not let us use', () => {
  it.each(['EROFS', 'EACCES', 'ENOSPC', 'EBUSY'])('starts anyway when opening a store fails with %s, and keeps changes in memory with a notice naming the folder', (code) => {
    const services = start(() => {
      throw osError(code);
    });
    const notices = services.notices.list();
    // One notice per store file (other areas may add stores): each names its file and the folder.
    expect(new Set(notices.map((notice) => notice.code))).toEqual(new Set(['store.memoryOnly']));
    expect(notices.map((notice) => notice.params)).toEqual(
      expect.arrayContaining([
        { file: 'settings.json', folder: dir, error: code },
        { file: 'workspaces.json', folder: dir, error: code },
      ]),
    );
    services.settings.set({ language: 'fr' });
    services.workspaces.tick({ step: 'sla', item: 'open-sla', ticked: true });
    expect(services.settings.get().language).toBe('fr');
    expect(services.workspaces.current().checklist.sla).toEqual(['open-sla']);
    // Told once: the changes add no notice.
    expect(services.notices.list()).toHaveLength(notices.length);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a change the disk refuses later, tells the admin once, and stops retrying', () => {
    const { open, attempts } = refusingWrites('ENOSPC');
    const services = start(open);
    expect(services.notices.list()).toEqual([]);
    services.settings.set({ language: 'fr' });
    services.settings.set({ graphApiVersion: 'v26.0' });
    expect(services.settings.get()).toMatchObject({ language: 'fr', graphApiVersion: 'v26.0' });
    expect(services.notices.list()).toEqual([
      expect.objectContaining({ code: 'store.unsaved', params: { file: 'settings.json', folder: dir, error: 'ENOSPC' } }),
    ]);
    // One refused write: atomically retries each one for a second, the window must not freeze.
    expect(attempts.count).toBe(1);
  });

  it('starts when the data folder path is a file, keeping changes in memory', () => {
    const notAFolder = join(dir, 'data');
    writeFileSync(notAFolder, 'I am a file');
    const services = start(undefined, notAFolder);
    // Every store says so; which one is opened first is the composition root's business.
    const notice = services.notices.list().find((candidate) => candidate.params.file === 'settings.json');
    expect(notice).toMatchObject({ code: 'store.memoryOnly', params: { file: 'settings.json', folder: notAFolder } });
    expect(['EEXIST', 'ENOTDIR']).toContain(notice?.params.error);
    services.settings.set({ language: 'fr' });
    expect(services.settings.get().language).toBe('fr');
    expect(readFileSync(notAFolder, 'utf8')).toBe('I am a file');
  });

  it('starts in a read-only folder, reading what is there and changing nothing on disk', (context) => {
    copyFileSync(fixture('settings.v0.json'), settingsFile());
    if (!makeReadOnly(dir)) return context.skip();
    const before = snapshot();
    const services = start();
    // The old file is migrated in memory only: without a backup it must stay as it is on disk.
    expect(services.settings.get()).toMatchObject({ language: 'fr', facebookAppId: '123456789012345' });
    const notices = services.notices.list();
    expect(new Set(notices.map((notice) => notice.code))).toEqual(new Set(['store.memoryOnly']));
    expect(notices.map((notice) => notice.params.file)).toEqual(expect.arrayContaining(['settings.json', 'workspaces.json']));
    services.settings.set({ language: 'en' });
    expect(services.settings.get().language).toBe('en');
    expect(snapshot()).toEqual(before);
  });

  it('never writes over a damaged file it cannot move aside, and says so', (context) => {
    writeFileSync(settingsFile(), '{"language": "fr", "mo');
    if (!makeReadOnly(dir)) return context.skip();
    const services = start();
    expect(services.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(services.notices.list()).toContainEqual(
      expect.objectContaining({ code: 'store.damagedLocked', params: expect.objectContaining({ file: 'settings.json', folder: dir }) }),
    );
    services.settings.set({ language: 'en' });
    expect(services.settings.get().language).toBe('en');
    expect(readFileSync(settingsFile(), 'utf8')).toBe('{"language": "fr", "mo');
  });
});

describe('the error box when the app cannot start', () => {
  it('names the data folder and the OS error, in English', () => {
    const { title, content } = describeStartupFailure({ error: osError('EACCES'), dataDir: '/home/ana/.config/wcsa', locale: 'en-GB' });
    expect(title).toBe('WhatsApp Channel Setup Assistant could not start');
    expect(content).toContain('Data folder: /home/ana/.config/wcsa');
    expect(content).toContain('What happened: EACCES: refused');
    expect(content).toMatch(/can write to it.*disk is not full.*start the assistant again/s);
  });

  it('speaks French on a French system and says when the OS gave no folder', () => {
    const { title, content } = describeStartupFailure({ error: new Error('Failed to get path'), dataDir: null, locale: 'fr-CA' });
    expect(title).toBe("L'assistant de configuration du canal WhatsApp n'a pas pu démarrer");
    expect(content).toContain('Dossier de données : inconnu');
    expect(content).toContain("Ce qui s'est passé : Failed to get path");
  });

  it('never shows a token that an error message carried', () => {
    const { content } = describeStartupFailure({ error: new Error('GET https://graph.facebook.com/me?access_token=EAAB123secretsecret failed'), dataDir: '/d', locale: 'en' });
    expect(content).not.toContain('EAAB123secretsecret');
  });
});
