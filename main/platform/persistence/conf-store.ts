import Conf from 'conf';
import type { OpenStoreFile, StoreFile } from '../ports';

/**
 * Store files on `conf`, the library electron-store is built on, for Node (tests, benchmarks).
 *
 * conf writes atomically (temp file + rename), so a crash mid-write leaves the old document.
 * Its own `migrations` and `clearInvalidConfig` are deliberately not used: migrations are ours
 * (pure, versioned, backed up) and an unreadable file must be kept aside, never cleared. With
 * clearInvalidConfig off, conf throws on a file that is not JSON, which the layer above handles.
 */
export function createConfStoreOpener(dataDir: string): OpenStoreFile {
  return (name) => {
    const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: name, clearInvalidConfig: false, accessPropertiesByDotNotation: false });
    const file: StoreFile = {
      path: conf.path,
      readAll: () => ({ ...conf.store }),
      writeAll: (value) => {
        conf.store = value;
      },
    };
    return file;
  };
}
