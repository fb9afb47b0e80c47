import { statSync } from 'node:fs';
import { emptyRequirements, RequirementsFile, REQUIREMENTS_SCHEMA_VERSION, uncheckedLogo } from '../../shared/model/requirements/requirements';
import type { Migration } from '../platform/persistence/versioned-document';
import { createWorkspaceDocuments, type WorkspaceAttachment, type WorkspaceDocumentsDeps } from '../platform/persistence/workspace-documents';

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
export interface RequirementsRepository extends WorkspaceAttachment {
  get(workspaceId: string): StoredRequirements;
  /** Writes the whole file (atomically); a disk that refuses keeps it in memory, reported once. */
  save(workspaceId: string, file: RequirementsFile): StoredRequirements;
}

type Deps = WorkspaceDocumentsDeps;

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
  const files = createWorkspaceDocuments<RequirementsFile>({
    ...deps,
    folder: REQUIREMENTS_FOLDER,
    schema: RequirementsFile,
    currentVersion: REQUIREMENTS_SCHEMA_VERSION,
    migrations: REQUIREMENTS_MIGRATIONS,
    defaults: emptyRequirementsFile,
  });
  /** When each opened file last reached the disk: its modification time, then each save's. */
  const savedAt = new Map<string, string | null>();

  const get = (workspaceId: string): StoredRequirements => {
    const document = files.documentOf(workspaceId);
    // Read first, so a damaged file is set aside before the modification time is taken.
    const file = document.read();
    if (!savedAt.has(workspaceId)) savedAt.set(workspaceId, modifiedAt(document.path));
    return { file, savedAt: savedAt.get(workspaceId) ?? null };
  };

  const save = (workspaceId: string, file: RequirementsFile): StoredRequirements => {
    files.documentOf(workspaceId).write(file);
    const at = deps.now().toISOString();
    savedAt.set(workspaceId, at);
    return { file, savedAt: at };
  };

  return {
    get,
    save,
    copy(fromId, toId) {
      save(toId, structuredClone(get(fromId).file));
    },
    keepAside(workspaceId) {
      savedAt.delete(workspaceId);
      return files.keepAside(workspaceId);
    },
    bringBack(workspaceId, keptAt) {
      files.bringBack(workspaceId, keptAt);
      savedAt.delete(workspaceId);
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
