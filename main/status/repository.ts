import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Mode } from '../../shared/model/settings/settings';
import { emptyStatusFile, MAX_NOTIFICATIONS, StatusFile, STATUS_SCHEMA_VERSION, type ModeStatus } from '../../shared/model/status/status';
import { openVersionedDocument, setAside, type DocumentNotice, type Migration, type VersionedDocument } from '../platform/persistence/versioned-document';
import type { Clock, OpenStoreFile } from '../platform/ports';

/** Migrations of the status file: `STATUS_MIGRATIONS[n]` turns version n into n+1 (none yet). */
export const STATUS_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Name of the folder, inside the data folder, holding one status file per workspace. */
export const STATUS_FOLDER = 'status';

/**
 * The status files, one per workspace.
 *
 * `copy`, `keepAside` and `bringBack` are the workspace service's attachments: a workspace's
 * readings and inbox follow it when it is duplicated, deleted and restored.
 */
export interface StatusRepository {
  read(workspaceId: string, mode: Mode): ModeStatus;
  /**
   * Applies `change` to the stored state of one mode and writes the file at once (atomically).
   * The inbox is cut to its newest {@link MAX_NOTIFICATIONS}.
   */
  update(workspaceId: string, mode: Mode, change: (state: ModeStatus) => ModeStatus): ModeStatus;
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

/**
 * Every workspace's status file, one versioned JSON document each (`status/<id>.json`).
 *
 * `openVersionedDocument` makes a file the app cannot use safe: a damaged one is set aside and
 * reported (the next check is then a first reading, which notifies nothing), newer versions are
 * kept, writes are atomic.
 */
export function createStatusRepository(deps: Deps): StatusRepository {
  const folder = join(deps.dataDir, STATUS_FOLDER);
  const open = new Map<string, VersionedDocument<StatusFile>>();

  const documentOf = (workspaceId: string): VersionedDocument<StatusFile> => {
    // SECURITY: the id becomes a file name; only a uuid may (no `..`, no separators).
    if (!UUID.test(workspaceId)) throw new Error('not a workspace id');
    let document = open.get(workspaceId);
    if (!document) {
      document = openVersionedDocument<StatusFile>({
        openStore: (name) => deps.openStore(`${STATUS_FOLDER}/${name}`),
        dataDir: folder,
        name: workspaceId,
        schema: StatusFile,
        currentVersion: STATUS_SCHEMA_VERSION,
        migrations: STATUS_MIGRATIONS,
        defaults: emptyStatusFile(),
        now: deps.now,
        report: deps.report,
      });
      open.set(workspaceId, document);
    }
    return document;
  };

  return {
    read: (workspaceId, mode) => documentOf(workspaceId).read()[mode],
    update(workspaceId, mode, change) {
      const document = documentOf(workspaceId);
      const file = document.read();
      const next = change(file[mode]);
      const kept = next.notifications.length > MAX_NOTIFICATIONS ? { ...next, notifications: next.notifications.slice(-MAX_NOTIFICATIONS) } : next;
      document.write({ ...file, [mode]: kept });
      return kept;
    },
    copy(fromId, toId) {
      documentOf(toId).write(structuredClone(documentOf(fromId).read()));
    },
    keepAside(workspaceId) {
      const document = documentOf(workspaceId);
      open.delete(workspaceId);
      if (!existsSync(document.path)) return null;
      return setAside(document.path, 'deleted', deps.now());
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
