import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { NOTICE_CODES } from '../../../shared/model/app/app';
import type { OpenStoreFile, StoreFile } from '../ports';
import { setAside } from './set-aside';
import { osErrorCode, probeWritable, readStoreFile, removeLeftoverTemporaryFiles } from './store-files';

export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

export interface DocumentNotice {
  code: (typeof NOTICE_CODES)[number];
  params: Record<string, string | number>;
  severity: 'info' | 'warning' | 'error';
}

interface Options<T> {
  openStore: OpenStoreFile;
  /** Folder of the store files (conf and electron-store both write `<dataDir>/<name>.json`). */
  dataDir: string;
  /** Store name, e.g. `settings`; the file is `<dataDir>/<name>.json`. */
  name: string;
  /** Schema of the current version; the document must pass it after migration. */
  schema: z.ZodType<T>;
  currentVersion: number;
  /** `migrations[n]` turns a version-n document into version n+1; pure functions. */
  migrations: Readonly<Record<number, Migration>>;
  defaults: T;
  now: () => Date;
  report: (notice: DocumentNotice) => void;
}

export interface VersionedDocument<T> {
  readonly path: string;
  read(): T;
  /** Saves the whole document; never throws: a change the disk refuses is kept in memory. */
  write(value: T): void;
}

export { fileTimestamp, freePath, setAside } from './set-aside';
export { MAX_STORE_BYTES } from './store-files';

/**
 * The copy of `path` already set aside as `<file>.newer-<time>` with the very same bytes, if any.
 *
 * A file from a newer version is kept aside once, not at every start: the copies beside it are
 * the memory (no marker file to lose or go stale). When the newer app writes the file again,
 * its content differs and a new copy is made.
 */
function earlierNewerCopy(path: string): string | null {
  const folder = dirname(path);
  const prefix = `${basename(path)}.newer-`;
  const bytes = readFileSync(path);
  for (const name of readdirSync(folder).sort()) {
    if (!name.startsWith(prefix)) continue;
    const candidate = join(folder, name);
    try {
      if (statSync(candidate).size === bytes.length && readFileSync(candidate).equals(bytes)) return candidate;
    } catch {
      // Unreadable copy: not the one we are looking for.
    }
  }
  return null;
}

/**
 * A JSON document with a `schemaVersion`, migrated forward and never silently lost.
 *
 * - damaged (over 10 MB, not JSON, not an object, a `schemaVersion` that is not a whole number,
 *   or invalid even after migration): renamed `<file>.corrupt-<time>` beside the original and
 *   reported with its new path; the app starts from defaults.
 * - older version: copied to `<file>.backup-v<from>-<time>`, migrated step by step, saved.
 * - newer version (written by a newer app): copied once to `<file>.newer-<time>` and left alone
 *   until the admin saves, so downgrading never destroys data without saying so.
 * - a folder or file the OS will not let us write (read-only, full, locked by a sync tool or an
 *   antivirus), or a damaged file that cannot be moved: the document lives in memory for this
 *   run, the file on disk is never touched again, and the admin is told once, with the folder.
 *   Starting the app never fails because of a store.
 */
export function openVersionedDocument<T>(options: Options<T>): VersionedDocument<T> {
  const { openStore, dataDir, name, schema, currentVersion, migrations, defaults, now, report } = options;
  const path = resolve(dataDir, `${name}.json`);
  const file = basename(path);
  let store: StoreFile | null = null;
  /** Once true, nothing is written to disk for the rest of this run. */
  let memoryOnly = false;
  let cached: T | null = null;

  const keepInMemory = (code: 'store.memoryOnly' | 'store.unsaved' | 'store.damagedLocked', error: string): void => {
    // Told once: every later change goes to memory without a new notice.
    if (!memoryOnly) report({ code, params: { file, folder: dataDir, error }, severity: 'error' });
    memoryOnly = true;
    store = null;
  };

  const openDisk = (): void => {
    if (memoryOnly || store) return;
    try {
      store = openStore(name);
    } catch (error) {
      keepInMemory('store.memoryOnly', osErrorCode(error));
    }
  };

  const quarantine = (reason: string): T => {
    let movedTo: string;
    try {
      movedTo = setAside(path, 'corrupt', now());
    } catch (error) {
      // SECURITY: a damaged file we cannot move is never written over: it may be all there is.
      // Reported even after a read-only notice: the admin must learn this file is damaged.
      report({ code: 'store.damagedLocked', params: { file, folder: dataDir, error: osErrorCode(error), reason }, severity: 'error' });
      memoryOnly = true;
      store = null;
      return defaults;
    }
    report({ code: 'store.quarantined', params: { file, movedTo, reason }, severity: 'error' });
    openDisk();
    return defaults;
  };

  const load = (): T => {
    removeLeftoverTemporaryFiles(dataDir, file);
    const unwritable = probeWritable(dataDir, file);
    if (unwritable !== null) keepInMemory('store.memoryOnly', unwritable);
    const content = readStoreFile(path);
    if (content.kind === 'unreadable') {
      keepInMemory('store.memoryOnly', content.error);
      return defaults;
    }
    if (content.kind === 'damaged') return quarantine(content.reason);
    if (content.kind === 'absent' || Object.keys(content.value).length === 0) {
      openDisk();
      return defaults;
    }
    const { value: raw, version } = content;
    if (version > currentVersion) {
      let movedTo: string;
      try {
        movedTo = earlierNewerCopy(path) ?? setAside(path, 'newer', now(), 'copy');
      } catch (error) {
        // No copy kept: the newer file must not be overwritten by a save of this older app.
        keepInMemory('store.memoryOnly', osErrorCode(error));
        return defaults;
      }
      report({ code: 'store.newerVersion', params: { file, version, movedTo }, severity: 'warning' });
      openDisk();
      return defaults;
    }
    let document = raw;
    if (version < currentVersion) {
      try {
        setAside(path, `backup-v${version}`, now(), 'copy');
      } catch (error) {
        // Without a backup, the old file stays as it is on disk; the migrated one lives in memory.
        keepInMemory('store.memoryOnly', osErrorCode(error));
      }
      try {
        for (let step = version; step < currentVersion; step += 1) {
          const migrate = migrations[step];
          if (!migrate) throw new Error(`no migration from ${step}`);
          document = { ...migrate(document), schemaVersion: step + 1 };
        }
      } catch {
        return quarantine('migration');
      }
    }
    const parsed = schema.safeParse(document);
    if (!parsed.success) return quarantine('invalid');
    openDisk();
    if (version < currentVersion && store) {
      try {
        store.writeAll(parsed.data as Record<string, unknown>);
        report({ code: 'store.migrated', params: { file, from: version, to: currentVersion }, severity: 'info' });
      } catch (error) {
        keepInMemory('store.unsaved', osErrorCode(error));
      }
    }
    return parsed.data;
  };

  const read = (): T => {
    cached ??= load();
    return cached;
  };

  return {
    path,
    read,
    write(value) {
      // Loaded first, so a damaged file is set aside (or protected) before anything is saved.
      read();
      cached = value;
      if (memoryOnly) return;
      openDisk();
      try {
        store?.writeAll(value as Record<string, unknown>);
      } catch (error) {
        keepInMemory('store.unsaved', osErrorCode(error));
      }
    },
  };
}
