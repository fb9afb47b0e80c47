import { safeStorage } from 'electron';
import log from 'electron-log/main';
import Store from 'electron-store';
import type { Logger, OpenStoreFile, StoreFile } from '../platform/ports';
import type { Cipher } from '../platform/secrets/cipher';
import { configureFileLogger } from '../platform/logging/file-logger';
import { writeStoreDocument } from '../platform/persistence/atomic-write';
import { OWNER_ONLY, parseStoreText } from '../platform/persistence/store-files';

/**
 * Store files on electron-store, in the app's data folder.
 *
 * Same contract as the conf adapter the tests use (electron-store is conf underneath): atomic
 * writes, no library migrations, an unreadable file throws so the layer above sets it aside.
 * Same options as main/platform/persistence/conf-store.ts: keep the two in step.
 */
export function createElectronStoreOpener(dataDir: string): OpenStoreFile {
  return (name) => {
    const store = new Store<Record<string, unknown>>({
      name,
      cwd: dataDir,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      // SECURITY: settings and workspaces name the admin's Meta and CXone accounts: owner-only.
      configFileMode: OWNER_ONLY,
      // A file saved by PowerShell or old Notepad starts with a BOM, which JSON.parse refuses.
      deserialize: parseStoreText,
    });
    const file: StoreFile = {
      path: store.path,
      readAll: () => ({ ...store.store }),
      // Not `store.store = value`: that setter reads and parses the whole file before each write.
      writeAll: (value) => writeStoreDocument(store.path, value),
    };
    return file;
  };
}

/**
 * electron-log as the Logger: redacted lines in an owner-only file, uncaught errors included.
 *
 * The rules live in main/platform/logging/file-logger.ts and are tested there on electron-log's
 * Node build; this only picks the levels and hands over the Electron instance.
 */
export function createElectronLogger(): Logger {
  log.transports.file.level = 'info';
  log.transports.console.level = 'warn';
  return configureFileLogger(log, process.platform);
}

/**
 * safeStorage as the vault's cipher.
 *
 * On Linux without a keyring, Chromium would "encrypt" with a hard-coded key (`basic_text`);
 * that is treated as unavailable so the token is kept in memory only and the admin is told.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform): Cipher {
  const backend = () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi');
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable() && backend() !== 'basic_text' && backend() !== 'unknown',
    backend,
    encrypt: (plaintext) => new Uint8Array(safeStorage.encryptString(plaintext)),
    decrypt: (ciphertext) => safeStorage.decryptString(Buffer.from(ciphertext)),
  };
}
