import * as z from 'zod';
import { AccountState, MAX_ATTEMPTS_PER_NUMBER } from '../../../shared/model/meta/account';
import type { Mode } from '../../../shared/model/settings/settings';
import type { Migration } from '../../platform/persistence/versioned-document';
import { createWorkspaceDocuments, type WorkspaceAttachment, type WorkspaceDocumentsDeps } from '../../platform/persistence/workspace-documents';

/**
 * What step 2 keeps of Meta per workspace: the selection, the last readings and the attempt log.
 *
 * Sandbox and live are kept apart: a simulated portfolio or number must never show (or be polled)
 * once the admin works on the real Meta, and switching back to the sandbox finds the rehearsal
 * where it was.
 */
export const META_SCHEMA_VERSION = 1;

/** Migrations of the file: `META_MIGRATIONS[n]` turns version n into n+1; empty while only version 1 exists. */
export const META_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Name of the folder, inside the data folder, holding one file per workspace. */
export const META_FOLDER = 'meta';

/**
 * One mode's part of the file: the account state without what is worked out at each read (the
 * workspace, the portfolio step 1 names, which PINs the vault holds).
 */
export const MetaModeState = AccountState.omit({ workspaceId: true, preselectBusinessId: true, unlistedBusinessManagerId: true, pins: true });
export type MetaModeState = z.infer<typeof MetaModeState>;

export const MetaFile = z.strictObject({
  schemaVersion: z.literal(META_SCHEMA_VERSION),
  sandbox: MetaModeState,
  live: MetaModeState,
});
export type MetaFile = z.infer<typeof MetaFile>;

export function emptyModeState(): MetaModeState {
  return { selection: { businessId: null, wabaId: null }, portfolios: null, accounts: null, numbers: null, subscription: null, profiles: {}, attempts: {} };
}

export function emptyMetaFile(): MetaFile {
  return { schemaVersion: META_SCHEMA_VERSION, sandbox: emptyModeState(), live: emptyModeState() };
}

/**
 * The step 2 files, one per workspace.
 *
 * `copy`, `keepAside` and `bringBack` are the workspace service's attachments: the readings and
 * the attempt log follow a workspace when it is duplicated, deleted and restored.
 */
export interface MetaRepository extends WorkspaceAttachment {
  read(workspaceId: string, mode: Mode): MetaModeState;
  /**
   * Applies `change` to the stored state and writes it at once (atomically), so two calls that
   * end close together never lose each other's reading. Attempt logs are cut to their newest
   * {@link MAX_ATTEMPTS_PER_NUMBER} entries.
   */
  update(workspaceId: string, mode: Mode, change: (state: MetaModeState) => MetaModeState): MetaModeState;
}

type Deps = WorkspaceDocumentsDeps;

function capAttempts(state: MetaModeState): MetaModeState {
  const long = Object.entries(state.attempts).filter(([, entries]) => entries.length > MAX_ATTEMPTS_PER_NUMBER);
  if (long.length === 0) return state;
  const attempts = { ...state.attempts };
  for (const [id, entries] of long) attempts[id] = entries.slice(-MAX_ATTEMPTS_PER_NUMBER);
  return { ...state, attempts };
}

/**
 * Every workspace's step 2 file, one versioned JSON document each (`meta/<id>.json`).
 *
 * `openVersionedDocument` makes a file the app cannot use safe: damaged ones set aside and
 * reported (step 2 then reads Meta again), newer versions kept, writes atomic.
 */
export function createMetaRepository(deps: Deps): MetaRepository {
  const files = createWorkspaceDocuments<MetaFile>({ ...deps, folder: META_FOLDER, schema: MetaFile, currentVersion: META_SCHEMA_VERSION, migrations: META_MIGRATIONS, defaults: emptyMetaFile });
  const { documentOf } = files;

  return {
    read: (workspaceId, mode) => documentOf(workspaceId).read()[mode],
    update(workspaceId, mode, change) {
      const document = documentOf(workspaceId);
      const file = document.read();
      const next = capAttempts(change(file[mode]));
      if (next !== file[mode]) document.write({ ...file, [mode]: next });
      return next;
    },
    copy: files.copy,
    keepAside: files.keepAside,
    bringBack: files.bringBack,
  };
}
