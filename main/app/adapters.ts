import { safeStorage } from 'electron';
import log from 'electron-log/main';
import Store from 'electron-store';
import type { Logger, OpenStoreFile, StoreFile } from '../platform/ports';
import type { Cipher } from '../platform/secrets/cipher';
import { redact, redactText } from '../platform/logging/redact';

/**
 * Store files on electron-store, in the app's data folder.
 *
 * Same contract as the conf adapter the tests use (electron-store is conf underneath): atomic
 * writes, no library migrations, an unreadable file throws so the layer above sets it aside.
 */
export function createElectronStoreOpener(dataDir: string): OpenStoreFile {
  return (name) => {
    const store = new Store<Record<string, unknown>>({ name, cwd: dataDir, clearInvalidConfig: false, accessPropertiesByDotNotation: false });
    const file: StoreFile = {
      path: store.path,
      readAll: () => ({ ...store.store }),
      writeAll: (value) => {
        store.store = value;
      },
    };
    return file;
  };
}

/**
 * electron-log with redaction on every line it writes, ours or a library's.
 *
 * SECURITY: the hook runs for every transport, so even an error electron-log catches by itself
 * (an unhandled rejection carrying a URL with a token) is scrubbed before it reaches the file.
 */
export function createElectronLogger(): Logger {
  log.transports.file.level = 'info';
  log.transports.console.level = 'warn';
  log.hooks.push((message) => ({ ...message, data: message.data.map((item: unknown) => redact(item)) }));
  log.errorHandler.startCatching({ showDialog: false });
  const write = (level: 'info' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) => {
    if (meta) log[level](redactText(message), redact(meta));
    else log[level](redactText(message));
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
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
