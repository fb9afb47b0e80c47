import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createConfStoreOpener } from '../../main/platform/persistence/conf-store';
import { createWorkspaceDocuments } from '../../main/platform/persistence/workspace-documents';

const Note = z.strictObject({ schemaVersion: z.literal(1), text: z.string() });
type Note = z.infer<typeof Note>;
const A = '0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11';
const B = '6f1c2d3e-4a5b-4c6d-8e7f-901234567890';

function notes(dataDir = mkdtempSync(join(tmpdir(), 'wcsa-wsdocs-'))) {
  const reported: unknown[] = [];
  const files = createWorkspaceDocuments<Note>({
    openStore: createConfStoreOpener(dataDir),
    dataDir,
    folder: 'notes',
    schema: Note,
    currentVersion: 1,
    migrations: {},
    defaults: () => ({ schemaVersion: 1, text: '' }),
    now: () => new Date('2026-11-25T12:00:00Z'),
    report: (notice) => reported.push(notice),
  });
  return { files, dataDir, folder: join(dataDir, 'notes'), reported };
}

describe('one document per workspace', () => {
  it('refuses an id that is not a workspace id, so no id can name a file outside its folder', () => {
    const { files } = notes();
    for (const id of ['../settings', 'a/b', '', `${A}/..`]) expect(() => files.documentOf(id)).toThrow('not a workspace id');
    expect(() => files.bringBack('../x', '/tmp/x')).toThrow('not a workspace id');
  });

  it('copies a workspace document into a file of its own', () => {
    const { files, folder } = notes();
    files.documentOf(A).write({ schemaVersion: 1, text: 'WA_FR_Sales' });
    files.copy(A, B);
    files.documentOf(B).write({ schemaVersion: 1, text: 'changed in the copy' });
    expect(files.documentOf(A).read().text).toBe('WA_FR_Sales');
    expect(JSON.parse(readFileSync(join(folder, `${B}.json`), 'utf8')).text).toBe('changed in the copy');
  });

  it('keeps a deleted workspace document aside and brings it back on undo', () => {
    const { files, folder } = notes();
    files.documentOf(A).write({ schemaVersion: 1, text: 'kept' });
    const keptAt = files.keepAside(A);
    expect(keptAt).not.toBeNull();
    expect(existsSync(join(folder, `${A}.json`))).toBe(false);
    expect(readdirSync(folder).some((name) => name.startsWith(`${A}.json.deleted-`))).toBe(true);
    files.bringBack(A, keptAt as string);
    expect(files.documentOf(A).read().text).toBe('kept');
  });

  it('says there was nothing to keep aside for a workspace without a file', () => {
    expect(notes().files.keepAside(A)).toBeNull();
  });

  it('never brings a document back over a file written since', () => {
    const { files, folder } = notes();
    files.documentOf(A).write({ schemaVersion: 1, text: 'old' });
    const keptAt = files.keepAside(A) as string;
    files.documentOf(A).write({ schemaVersion: 1, text: 'new since' });
    files.bringBack(A, keptAt);
    expect(files.documentOf(A).read().text).toBe('new since');
    expect(existsSync(keptAt)).toBe(true);
    expect(readdirSync(folder)).toContain(`${A}.json`);
  });

  it('sets a damaged document aside, reports it, and starts from the defaults', () => {
    const { dataDir, folder } = notes();
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${A}.json`), '{ not json');
    const reopened = notes(dataDir);
    expect(reopened.files.documentOf(A).read().text).toBe('');
    expect(reopened.reported).not.toEqual([]);
    expect(readdirSync(folder).some((name) => name.startsWith(`${A}.json.`))).toBe(true);
  });
});
