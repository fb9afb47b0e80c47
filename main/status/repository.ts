import type { Mode } from '../../shared/model/settings/settings';
import { emptyStatusFile, MAX_NOTIFICATIONS, StatusFile, STATUS_SCHEMA_VERSION, type ModeStatus } from '../../shared/model/status/status';
import type { Migration } from '../platform/persistence/versioned-document';
import { createWorkspaceDocuments, type WorkspaceAttachment, type WorkspaceDocumentsDeps } from '../platform/persistence/workspace-documents';

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
export interface StatusRepository extends WorkspaceAttachment {
  read(workspaceId: string, mode: Mode): ModeStatus;
  /**
   * Applies `change` to the stored state of one mode and writes the file at once (atomically).
   * The inbox is cut to its newest {@link MAX_NOTIFICATIONS}.
   */
  update(workspaceId: string, mode: Mode, change: (state: ModeStatus) => ModeStatus): ModeStatus;
}

type Deps = WorkspaceDocumentsDeps;

/**
 * Every workspace's status file, one versioned JSON document each (`status/<id>.json`).
 *
 * `openVersionedDocument` makes a file the app cannot use safe: a damaged one is set aside and
 * reported (the next check is then a first reading, which notifies nothing), newer versions are
 * kept, writes are atomic.
 */
export function createStatusRepository(deps: Deps): StatusRepository {
  const files = createWorkspaceDocuments<StatusFile>({ ...deps, folder: STATUS_FOLDER, schema: StatusFile, currentVersion: STATUS_SCHEMA_VERSION, migrations: STATUS_MIGRATIONS, defaults: emptyStatusFile });
  const { documentOf } = files;

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
    copy: files.copy,
    keepAside: files.keepAside,
    bringBack: files.bringBack,
  };
}
