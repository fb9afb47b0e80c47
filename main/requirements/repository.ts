import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { emptyRequirements, RequirementsFile, REQUIREMENTS_SCHEMA_VERSION, uncheckedLogo } from '../../shared/model/requirements/requirements';
import { openVersionedDocument, setAside, type DocumentNotice, type Migration, type VersionedDocument } from '../platform/persistence/versioned-document';
import type { Clock, OpenStoreFile } from '../platform/ports';

/**
 * Migrations of the requirements file: `REQUIREMENTS_MIGRATIONS[n]` turns version n into n+1.
 *
 * Empty while only version 1 exists.
 */
export const REQUIREMENTS_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Name of the folder, inside the data folder, holding one requirements file per workspace. */
export const REQUIREMENTS_FOLDER = 'requirements';

/** One workspace's requirements file as stored, with when it last reached the disk. */
export interface StoredRequirements {
  readonly file: RequirementsFile;
  /** ISO time of the last save; null while the workspace has never saved any. */
  readonly savedAt: string | null;
}

/**
 * The requirements files, one per workspace.
 *
 * `copy`, `keepAside` and `bringBack` are the workspace service's attachments: a workspace's
 * requirements follow it when it is duplicated, deleted and restored, as its drafts do.
 */
export interface RequirementsRepository {
  get(workspaceId: string): StoredRequirements;
  /** Writes the whole file (atomically); a disk that refuses keeps it in memory, reported once. */
  save(workspaceId: string, file: RequirementsFile): StoredRequirements;
  copy(fromId: string, toId: string): void;
  /** Moves the file aside (`<file>.deleted-<time>`) and returns where; null without a file. */
  keepAside(workspaceId: string): string | null;
  bringBack(workspaceId: string, keptAt: string): void;
}

interface Deps {
  openStore: OpenStoreFile;
  dataDir: string;
  now: Clock;
  report: (notice: DocumentNotice) => void;
}

/** A workspace id as the file name: uuids only, so no id can name a path outside the folder. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function emptyRequirementsFile(): RequirementsFile {
  return { schemaVersion: REQUIREMENTS_SCHEMA_VERSION, requirements: emptyRequirements(), logo: uncheckedLogo('') };
}

/**
 * Every workspace's requirements, one versioned JSON document each (`requirements/<id>.json`).
 *
 * `openVersionedDocument` makes a file the app cannot use safe: damaged ones set aside and
 * reported, newer versions kept, writes atomic.
 */
export function createRequirementsRepository(deps: Deps): RequirementsRepository {
  const folder = join(deps.dataDir, REQUIREMENTS_FOLDER);
  const open = new Map<string, { document: VersionedDocument<RequirementsFile>; savedAt: string | null }>();

  const entryOf = (workspaceId: string) => {
    // SECURITY: the id becomes a file name; only a uuid may (no `..`, no separators).
    if (!UUID.test(workspaceId)) throw new Error('not a workspace id');
    let entry = open.get(workspaceId);
    if (!entry) {
      const document = openVersionedDocument<RequirementsFile>({
        openStore: (name) => deps.openStore(`${REQUIREMENTS_FOLDER}/${name}`),
        dataDir: folder,
        name: workspaceId,
        schema: RequirementsFile,
        currentVersion: REQUIREMENTS_SCHEMA_VERSION,
        migrations: REQUIREMENTS_MIGRATIONS,
        defaults: emptyRequirementsFile(),
        now: deps.now,
        report: deps.report,
      });
      // Read now, so a damaged file is set aside before the modification time is taken.
      document.read();
      entry = { document, savedAt: modifiedAt(document.path) };
      open.set(workspaceId, entry);
    }
    return entry;
  };

  const save = (workspaceId: string, file: RequirementsFile): StoredRequirements => {
    const entry = entryOf(workspaceId);
    entry.document.write(file);
    entry.savedAt = deps.now().toISOString();
    return { file, savedAt: entry.savedAt };
  };

  return {
    get(workspaceId) {
      const entry = entryOf(workspaceId);
      return { file: entry.document.read(), savedAt: entry.savedAt };
    },
    save,
    copy(fromId, toId) {
      save(toId, structuredClone(entryOf(fromId).document.read()));
    },
    keepAside(workspaceId) {
      const entry = entryOf(workspaceId);
      open.delete(workspaceId);
      if (!existsSync(entry.document.path)) return null;
      return setAside(entry.document.path, 'deleted', deps.now());
    },
    bringBack(workspaceId, keptAt) {
      if (!UUID.test(workspaceId)) throw new Error('not a workspace id');
      const path = join(folder, `${workspaceId}.json`);
      // Never over a file that appeared meanwhile: that one would be lost.
      if (!existsSync(path)) renameSync(keptAt, path);
      open.delete(workspaceId);
    },
  };
}

/** A file's modification time as ISO, or null when there is no file. */
function modifiedAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return null;
  }
}
