import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { OpenStoreFile } from '../ports';
import { openVersionedDocument, setAside, type DocumentNotice, type Migration, type VersionedDocument } from './versioned-document';

export interface WorkspaceDocumentsOptions<T> {
  /** Opens the app's store files (`<dataDir>/<name>.json`); the folder is added here. */
  openStore: OpenStoreFile;
  dataDir: string;
  /** The folder, inside the data folder, holding one file per workspace (`status`). */
  folder: string;
  schema: z.ZodType<T>;
  currentVersion: number;
  migrations: Readonly<Record<number, Migration>>;
  /** A fresh document for a workspace that has none yet. */
  defaults: () => T;
  now: () => Date;
  report: (notice: DocumentNotice) => void;
}

/** What an area's repository of per-workspace files needs from the app. */
export type WorkspaceDocumentsDeps = Pick<WorkspaceDocumentsOptions<unknown>, 'openStore' | 'dataDir' | 'now' | 'report'>;

/**
 * One versioned document per workspace (`<folder>/<workspace id>.json`), and the three moves
 * the workspace service asks of everything a workspace owns: copy on duplicate, keep aside on
 * delete, bring back on undo.
 */
export interface WorkspaceDocuments<T> {
  /** The workspace's document, opened on first use; throws unless the id is a workspace id. */
  documentOf(workspaceId: string): VersionedDocument<T>;
  /** Gives `toId` a copy of `fromId`'s document, written now. */
  copy(fromId: string, toId: string): void;
  /** Moves the file aside (`<file>.deleted-<time>`) and returns where; null without a file. */
  keepAside(workspaceId: string): string | null;
  /** Puts a file kept aside by `keepAside` back, never over a file that appeared meanwhile. */
  bringBack(workspaceId: string, keptAt: string): void;
}

/** The moves the workspace service asks of an area's per-workspace files. */
export type WorkspaceAttachment = Pick<WorkspaceDocuments<unknown>, 'copy' | 'keepAside' | 'bringBack'>;

/** A workspace id as the file name: uuids only, so no id can name a path outside the folder. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkedId(workspaceId: string): string {
  // SECURITY: the id becomes a file name; only a uuid may (no `..`, no separators).
  if (!UUID.test(workspaceId)) throw new Error('not a workspace id');
  return workspaceId;
}

/**
 * The per-workspace files of an area (requirements, Meta readings, status), each through
 * `openVersionedDocument`: damaged files set aside and reported, newer versions kept, writes
 * atomic.
 */
export function createWorkspaceDocuments<T>(options: WorkspaceDocumentsOptions<T>): WorkspaceDocuments<T> {
  const folder = join(options.dataDir, options.folder);
  const open = new Map<string, VersionedDocument<T>>();

  const documentOf = (workspaceId: string): VersionedDocument<T> => {
    let document = open.get(checkedId(workspaceId));
    if (!document) {
      document = openVersionedDocument<T>({
        openStore: (name) => options.openStore(`${options.folder}/${name}`),
        dataDir: folder,
        name: workspaceId,
        schema: options.schema,
        currentVersion: options.currentVersion,
        migrations: options.migrations,
        defaults: options.defaults(),
        now: options.now,
        report: options.report,
      });
      open.set(workspaceId, document);
    }
    return document;
  };

  return {
    documentOf,
    copy(fromId, toId) {
      documentOf(toId).write(structuredClone(documentOf(fromId).read()));
    },
    keepAside(workspaceId) {
      const document = documentOf(workspaceId);
      open.delete(workspaceId);
      if (!existsSync(document.path)) return null;
      return setAside(document.path, 'deleted', options.now());
    },
    bringBack(workspaceId, keptAt) {
      const path = join(folder, `${checkedId(workspaceId)}.json`);
      if (!existsSync(path)) renameSync(keptAt, path);
      open.delete(workspaceId);
    },
  };
}
