import Conf from 'conf';
import type { OpenStoreFile, StoreFile } from '../ports';
import { writeStoreDocument } from './atomic-write';
import { OWNER_ONLY, parseStoreText } from './store-files';

/**
 * Store files on `conf`, the library electron-store is built on, for Node (tests, benchmarks).
 *
 * conf opens and reads the file; writes go through `writeStoreDocument` (atomically, the library
 * conf writes with: temp file, fsync, rename), so a crash mid-write leaves the old document.
 * Its own `migrations` and `clearInvalidConfig` are deliberately not used: migrations are ours
 * (pure, versioned, backed up) and an unreadable file must be kept aside, never cleared. With
 * clearInvalidConfig off, conf throws on a file that is not JSON, which the layer above handles.
 * Same options as the electron-store opener in main/app/adapters.ts: keep the two in step.
 */
export function createConfStoreOpener(dataDir: string): OpenStoreFile {
  return (name) => {
    const conf = new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: name,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      // SECURITY: settings and workspaces name the admin's Meta and CXone accounts: owner-only.
      configFileMode: OWNER_ONLY,
      // A file saved by PowerShell or old Notepad starts with a BOM, which JSON.parse refuses.
      deserialize: parseStoreText,
    });
    const file: StoreFile = {
      path: conf.path,
      readAll: () => ({ ...conf.store }),
      // Not `conf.store = value`: that setter reads and parses the whole file before each write.
      writeAll: (value) => writeStoreDocument(conf.path, value),
    };
    return file;
  };
}
