import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import { issuePath, MAX_IMPORT_BYTES, workspaceFileText, WORKSPACE_FILE_FORMAT } from '../../main/drafts/import-export';
import { createNodeFileDialogs } from '../../main/drafts/node-file-dialogs';
import { createDraftsRepository, DRAFTS_MIGRATIONS } from '../../main/drafts/repository';
import { createConfStoreOpener } from '../../main/platform/persistence/conf-store';
import type { OpenStoreFile } from '../../main/platform/ports';
import { AppError } from '../../shared/errors/index';
import type { EventName } from '../../shared/ipc/contract/index';
import { Drafts, emptyDrafts } from '../../shared/model/drafts/drafts';
import { generateDrafts } from './helpers/drafts-generate';

const SMALL = { skills: 3, roles: 2, queues: 1, channels: 2, agents: 2 };
const FIXTURE = resolve(__dirname, '../fixtures/drafts/drafts.v1.json');

/** The real services over Node adapters in a fresh folder, with every event they emit recorded. */
function setup(dataDir = mkdtempSync(join(tmpdir(), 'wcsa-drafts-'))) {
  const events: { event: EventName; payload: unknown }[] = [];
  const dialogs = createNodeFileDialogs({ saveDir: join(dataDir, 'exports') });
  const services = createServices(createNodeAdapters({ dataDir, locale: 'en-US', fileDialogs: dialogs, emit: (event, payload) => events.push({ event, payload }) }));
  const draftsFile = (workspaceId: string) => join(dataDir, 'drafts', `${workspaceId}.json`);
  const onDisk = (workspaceId: string): unknown => JSON.parse(readFileSync(draftsFile(workspaceId), 'utf8'));
  return { dataDir, services, events, dialogs, draftsFile, onDisk, current: () => services.workspaces.current().id };
}

/** An opener that counts the writes reaching each store file. */
function countingOpener(dataDir: string): { open: OpenStoreFile; writes: () => number } {
  const inner = createConfStoreOpener(dataDir);
  let writes = 0;
  return {
    writes: () => writes,
    open: (name) => {
      const file = inner(name);
      return { path: file.path, readAll: file.readAll, writeAll: (value) => ((writes += 1), file.writeAll(value)) };
    },
  };
}

describe('drafts repository', () => {
  it('saves the drafts and reads them back after a restart, with when they were saved', async () => {
    const { services, dataDir, current, onDisk } = setup();
    const drafts = generateDrafts(SMALL, 1);
    const saved = await services.drafts.save(current(), drafts);
    expect(saved.savedAt).not.toBeNull();
    expect(onDisk(current())).toEqual(drafts);
    const again = setup(dataDir);
    expect(again.services.drafts.get()).toMatchObject({ workspaceId: current(), drafts, savedAt: expect.any(String) });
  });

  it('answers a workspace that never saved with empty drafts and no save time', () => {
    const { services, current } = setup();
    expect(services.drafts.get()).toMatchObject({ workspaceId: current(), drafts: emptyDrafts(), savedAt: null });
  });

  it('returns the findings of the rules with every get and save', async () => {
    const { services, current } = setup();
    const drafts = generateDrafts(SMALL);
    const broken: Drafts = { ...drafts, customComponent: { ...drafts.customComponent, url: '' } };
    const saved = await services.drafts.save(current(), broken);
    expect(saved.findings.map((finding) => finding.code)).toContain('customComponent.urlMissing');
    expect(services.drafts.get().findings).toEqual(saved.findings);
  });

  it('emits drafts:changed after a save and when another workspace opens', async () => {
    const { services, events, current } = setup();
    const first = current();
    await services.drafts.save(first, generateDrafts(SMALL));
    services.workspaces.create({ name: 'Second', phoneNumber: '' });
    const changed = events.filter((entry) => entry.event === 'drafts:changed').map((entry) => entry.payload as { workspaceId: string });
    expect(changed.map((state) => state.workspaceId)).toEqual([first, current()]);
  });

  it('refuses a save for a workspace that does not exist', async () => {
    const { services } = setup();
    await expect(services.drafts.save('0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11', emptyDrafts())).rejects.toMatchObject({ code: 'drafts.unknownWorkspace' });
  });

  it('queues saves of one file: each waits its turn, the last state wins, queued ones cost one write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-drafts-queue-'));
    const opener = countingOpener(dataDir);
    const repository = createDraftsRepository({ openStore: opener.open, dataDir, now: () => new Date(), report: () => undefined });
    const id = '0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11';
    const versions = [1, 2, 3, 4, 5].map((seed) => generateDrafts(SMALL, seed));
    const order: number[] = [];
    const saves = versions.map((drafts, index) => repository.save(id, drafts).then((stored) => (order.push(index), stored)));
    const results = await Promise.all(saves);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    // Every caller learns the state on disk once it resolved: the last one handed in.
    for (const result of results) expect(result.drafts).toEqual(versions[4]);
    expect(JSON.parse(readFileSync(repository.pathOf(id), 'utf8'))).toEqual(versions[4]);
    expect(opener.writes()).toBe(1);
    // A save issued while another is under way runs after it.
    const running = repository.save(id, versions[0] as Drafts);
    const next = repository.save(id, versions[1] as Drafts);
    await running;
    await next;
    expect(JSON.parse(readFileSync(repository.pathOf(id), 'utf8'))).toEqual(versions[1]);
  });

  it('sets a damaged drafts file aside, reports it, and starts from empty drafts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-drafts-corrupt-'));
    const { services: first, current } = setup(dataDir);
    const id = current();
    mkdirSync(join(dataDir, 'drafts'), { recursive: true });
    writeFileSync(join(dataDir, 'drafts', `${id}.json`), '{"schemaVersion":1,"skills":[', 'utf8');
    void first;
    const { services } = setup(dataDir);
    expect(services.drafts.get().drafts).toEqual(emptyDrafts());
    expect(readdirSync(join(dataDir, 'drafts')).some((name) => name.startsWith(`${id}.json.corrupt-`))).toBe(true);
    expect(services.notices.list().map((notice) => notice.code)).toContain('store.quarantined');
  });

  it('loads the version 1 fixture as it is, with no migration to run', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-drafts-fixture-'));
    const { current } = setup(dataDir);
    mkdirSync(join(dataDir, 'drafts'), { recursive: true });
    copyFileSync(FIXTURE, join(dataDir, 'drafts', `${current()}.json`));
    const { services } = setup(dataDir);
    expect(DRAFTS_MIGRATIONS).toEqual({});
    expect(services.drafts.get().drafts).toEqual(Drafts.parse(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
    expect(services.drafts.get().findings.filter((finding) => finding.severity === 'blocking')).toEqual([]);
    expect(readdirSync(join(dataDir, 'drafts'))).toEqual([`${current()}.json`]);
  });

  it('keeps a drafts file of an older, unknown version aside instead of reading it wrongly', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-drafts-v0-'));
    const { current } = setup(dataDir);
    mkdirSync(join(dataDir, 'drafts'), { recursive: true });
    const { schemaVersion: _dropped, ...v0 } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dataDir, 'drafts', `${current()}.json`), JSON.stringify(v0));
    const { services } = setup(dataDir);
    expect(services.drafts.get().drafts).toEqual(emptyDrafts());
    const names = readdirSync(join(dataDir, 'drafts'));
    // The backup taken before migrating, and the file itself set aside when no migration exists.
    expect(names.some((name) => name.includes('.backup-v0-'))).toBe(true);
    expect(names.some((name) => name.includes('.corrupt-'))).toBe(true);
  });
});

describe('workspaces: duplicate, delete, restore', () => {
  it('duplicates a workspace with its drafts under a numbered name, and opens the copy', async () => {
    const { services, current, onDisk } = setup();
    const original = current();
    services.workspaces.update({ id: original, name: 'Jungle' });
    const drafts = generateDrafts(SMALL, 7);
    await services.drafts.save(original, drafts);
    const after = services.workspaces.duplicate(original);
    expect(after.workspaces.map((workspace) => workspace.name)).toEqual(['Jungle', 'Jungle (2)']);
    expect(after.currentId).not.toBe(original);
    expect(onDisk(after.currentId)).toEqual(drafts);
    expect(services.drafts.get()).toMatchObject({ workspaceId: after.currentId, drafts });
    const third = services.workspaces.duplicate(after.currentId);
    expect(third.workspaces.map((workspace) => workspace.name)).toEqual(['Jungle', 'Jungle (2)', 'Jungle (3)']);
  });

  it('refuses to delete the last workspace', () => {
    const { services, current } = setup();
    expect(() => services.workspaces.remove(current())).toThrow(AppError);
    expect(() => services.workspaces.remove(current())).toThrow('workspace.lastOne');
    expect(services.workspaces.get().workspaces).toHaveLength(1);
  });

  it('deletes a workspace, keeps its drafts file aside, and restores both for the session', async () => {
    const { services, current, draftsFile, dataDir } = setup();
    const first = current();
    const second = services.workspaces.create({ name: 'Second', phoneNumber: '' }).currentId;
    const drafts = generateDrafts(SMALL, 3);
    await services.drafts.save(second, drafts);
    const after = services.workspaces.remove(second);
    expect(after.workspaces.map((workspace) => workspace.id)).toEqual([first]);
    expect(after.currentId).toBe(first);
    expect(existsSync(draftsFile(second))).toBe(false);
    expect(readdirSync(join(dataDir, 'drafts')).some((name) => name.startsWith(`${second}.json.deleted-`))).toBe(true);
    const restored = services.workspaces.restore(second);
    expect(restored.workspaces.map((workspace) => workspace.id)).toEqual([first, second]);
    expect(restored.currentId).toBe(second);
    expect(services.drafts.get()).toMatchObject({ workspaceId: second, drafts });
    expect(() => services.workspaces.restore(second)).toThrow('workspace.unknown');
  });
});

describe('export and import', () => {
  it('exports a workspace and imports it back as a new workspace, identical, and opens it', async () => {
    const { services, dialogs, current } = setup();
    services.workspaces.update({ id: current(), name: 'Jungle – FR', phoneNumber: '+33748111524' });
    const drafts = generateDrafts(SMALL, 9);
    await services.drafts.save(current(), drafts);
    const exported = await services.drafts.exportCurrent();
    expect(exported).toEqual({ saved: true, fileName: 'Jungle – FR.json' });
    const path = dialogs.saved()[0] as string;
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ format: WORKSPACE_FILE_FORMAT, version: 1, workspace: { name: 'Jungle – FR', phoneNumber: '+33748111524' }, drafts });
    dialogs.chooseNextFile(path);
    const imported = await services.drafts.importFile();
    expect(imported).toEqual({ outcome: 'imported', workspaceId: current() });
    const workspace = services.workspaces.current();
    expect(workspace).toMatchObject({ name: 'Jungle – FR (2)', phoneNumber: '+33748111524' });
    expect(services.drafts.get().drafts).toEqual(drafts);
    // Exporting the imported workspace gives the same drafts again.
    await services.drafts.exportCurrent();
    const second = JSON.parse(readFileSync(dialogs.saved()[1] as string, 'utf8')) as { drafts: unknown };
    expect(second.drafts).toEqual(drafts);
  });

  it('answers cancelled when the admin closes the dialogs', async () => {
    const { services, dialogs } = setup();
    await expect(services.drafts.importFile()).resolves.toEqual({ outcome: 'cancelled' });
    dialogs.cancelNextSave();
    await expect(services.drafts.exportCurrent()).resolves.toEqual({ saved: false, fileName: '' });
  });

  it('lists every problem of an invalid file by its location, and changes nothing', async () => {
    const { services, dialogs, dataDir } = setup();
    const drafts = generateDrafts(SMALL) as unknown as { skills: Record<string, unknown>[]; channels: Record<string, unknown>[] };
    (drafts.skills[1] as Record<string, unknown>).name = '';
    (drafts.skills[2] as Record<string, unknown>).subSkill = 'yes';
    (drafts.channels[0] as Record<string, unknown>).phoneNumber = '0748111524';
    (drafts.channels[1] as Record<string, unknown>).colour = 'green';
    const file = join(dataDir, 'invalid.json');
    writeFileSync(file, JSON.stringify({ format: WORKSPACE_FILE_FORMAT, version: 1, workspace: { name: '', phoneNumber: '' }, drafts }));
    const before = services.workspaces.get();
    dialogs.chooseNextFile(file);
    const result = await services.drafts.importFile();
    expect(result).toEqual({
      outcome: 'invalid',
      fileName: 'invalid.json',
      more: 0,
      problems: expect.arrayContaining([
        { path: 'workspace.name', code: 'drafts.import.required' },
        { path: 'drafts.skills[1].name', code: 'drafts.import.required' },
        { path: 'drafts.skills[2].subSkill', code: 'drafts.import.invalidType' },
        { path: 'drafts.channels[0].phoneNumber', code: 'drafts.import.e164' },
        { path: 'drafts.channels[1].colour', code: 'drafts.import.unknownField' },
      ]),
    });
    expect(result.outcome === 'invalid' && result.problems).toHaveLength(5);
    expect(services.workspaces.get()).toEqual(before);
  });

  it('lists at most 200 problems and counts the rest', async () => {
    const { services, dialogs, dataDir } = setup();
    const drafts = generateDrafts({ ...SMALL, skills: 250 }) as unknown as { skills: Record<string, unknown>[] };
    for (const skill of drafts.skills) skill.name = '';
    const file = join(dataDir, 'many.json');
    writeFileSync(file, JSON.stringify({ format: WORKSPACE_FILE_FORMAT, version: 1, workspace: { name: 'Many', phoneNumber: '' }, drafts }));
    dialogs.chooseNextFile(file);
    const result = await services.drafts.importFile();
    expect(result.outcome === 'invalid' && [result.problems.length, result.more, result.problems[199]]).toEqual([200, 50, { path: 'drafts.skills[199].name', code: 'drafts.import.required' }]);
  });

  it('refuses a file that is not JSON or not a workspace file, saying which', async () => {
    const { services, dialogs, dataDir } = setup();
    const notJson = join(dataDir, 'notes.txt');
    writeFileSync(notJson, 'hello');
    dialogs.chooseNextFile(notJson);
    await expect(services.drafts.importFile()).resolves.toMatchObject({ outcome: 'invalid', problems: [{ path: '', code: 'drafts.import.notJson' }] });
    const other = join(dataDir, 'package.json');
    writeFileSync(other, '{"name":"x"}');
    dialogs.chooseNextFile(other);
    await expect(services.drafts.importFile()).resolves.toMatchObject({ outcome: 'invalid', problems: [{ path: 'format', code: 'drafts.import.notWorkspaceFile' }] });
  });

  it('refuses a file over 20 MB on its size, without reading it', async () => {
    const { services, dialogs, dataDir } = setup();
    const big = join(dataDir, 'big.json');
    writeFileSync(big, '');
    // A sparse file: over the limit on disk without writing 20 MB.
    truncateSync(big, MAX_IMPORT_BYTES + 1);
    dialogs.chooseNextFile(big);
    const before = services.workspaces.get();
    await expect(services.drafts.importFile()).resolves.toEqual({ outcome: 'invalid', fileName: 'big.json', problems: [{ path: '', code: 'drafts.import.tooLarge' }], more: 0 });
    expect(services.workspaces.get()).toEqual(before);
  });

  it('writes the runbook as HTML or PDF under the workspace name', async () => {
    const { services, dialogs } = setup();
    await expect(services.drafts.saveRunbook({ language: 'en', format: 'html', html: '<h1>Runbook</h1>' })).resolves.toEqual({ saved: true, fileName: 'WhatsApp-runbook.html' });
    await expect(services.drafts.saveRunbook({ language: 'fr', format: 'pdf', html: '<h1>Procédure</h1>' })).resolves.toEqual({ saved: true, fileName: 'WhatsApp-runbook.pdf' });
    expect(readFileSync(dialogs.saved()[1] as string, 'utf8')).toBe('<h1>Procédure</h1>');
  });

  it('joins issue paths the way an admin reads them', () => {
    expect(issuePath(['drafts', 'skills', 3, 'name'])).toBe('drafts.skills[3].name');
    expect(issuePath([])).toBe('');
    expect(workspaceFileText({ name: 'A', phoneNumber: '' }, emptyDrafts()).endsWith('\n')).toBe(true);
  });
});
