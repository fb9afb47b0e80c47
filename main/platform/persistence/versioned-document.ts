import { existsSync } from 'node:fs';
import { setAside } from './set-aside';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors/index';
import type { NOTICE_CODES } from '../../../shared/model/app/app';
import type { OpenStoreFile, StoreFile } from '../ports';

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
  write(value: T): void;
}

export { fileTimestamp, freePath, setAside } from './set-aside';

/**
 * A JSON document with a `schemaVersion`, migrated forward and never silently lost.
 *
 * - unreadable (not JSON, or invalid even after migration): renamed `<file>.corrupt-<time>`
 *   beside the original and reported with its new path; the app starts from defaults.
 * - older version: copied to `<file>.backup-v<from>-<time>`, migrated step by step, saved.
 * - newer version (written by a newer app): copied to `<file>.newer-<time>` and left alone until
 *   the admin saves, so downgrading never destroys data without saying so.
 */
export function openVersionedDocument<T>(options: Options<T>): VersionedDocument<T> {
  const { openStore, dataDir, name, schema, currentVersion, migrations, defaults, now, report } = options;
  let store: StoreFile | null = null;
  let cached: T | null = null;

  const quarantine = (path: string, reason: string): void => {
    const movedTo = setAside(path, 'corrupt', now());
    report({ code: 'store.quarantined', params: { file: basename(path), movedTo, reason }, severity: 'error' });
    store = null;
  };

  const open = (): StoreFile => {
    if (store) return store;
    try {
      store = openStore(name);
    } catch {
      // conf refuses a file that is not JSON: keep it aside, then start a fresh one.
      const path = join(dataDir, `${name}.json`);
      if (existsSync(path)) quarantine(path, 'unreadable');
      store = openStore(name);
    }
    return store;
  };

  const load = (): T => {
    const file = open();
    let raw: Record<string, unknown>;
    try {
      raw = file.readAll();
    } catch {
      quarantine(file.path, 'unreadable');
      return defaults;
    }
    if (Object.keys(raw).length === 0) return defaults;
    const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
    if (version > currentVersion) {
      const movedTo = setAside(file.path, 'newer', now(), 'copy');
      report({ code: 'store.newerVersion', params: { file: basename(file.path), version, movedTo }, severity: 'warning' });
      return defaults;
    }
    let document = raw;
    if (version < currentVersion) {
      setAside(file.path, `backup-v${version}`, now(), 'copy');
      try {
        for (let step = version; step < currentVersion; step += 1) {
          const migrate = migrations[step];
          if (!migrate) throw new Error(`no migration from ${step}`);
          document = { ...migrate(document), schemaVersion: step + 1 };
        }
      } catch {
        quarantine(file.path, 'migration');
        return defaults;
      }
    }
    const parsed = schema.safeParse(document);
    if (!parsed.success) {
      quarantine(file.path, 'invalid');
      return defaults;
    }
    if (version < currentVersion) {
      file.writeAll(parsed.data as Record<string, unknown>);
      report({ code: 'store.migrated', params: { file: basename(file.path), from: version, to: currentVersion }, severity: 'info' });
    }
    return parsed.data;
  };

  return {
    get path() {
      return open().path;
    },
    read() {
      cached ??= load();
      return cached;
    },
    write(value) {
      const file = open();
      try {
        file.writeAll(value as Record<string, unknown>);
      } catch {
        throw new AppError('store.unwritable', { file: basename(file.path) });
      }
      cached = value;
    },
  };
}

