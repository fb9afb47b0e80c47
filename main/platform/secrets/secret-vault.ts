import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as z from 'zod';
import type { Logger } from '../ports';
import type { DocumentNotice } from '../persistence/versioned-document';
import { setAside } from '../persistence/set-aside';
import type { Cipher } from './cipher';
import { LEGACY_SESSION_FILE, readLegacySessionFile } from './legacy-session-file';
import { writePrivateFile } from './private-file';
import { META_SESSION, SLOT_NAME, type SecretSlot } from './slots';

export { defineSlot, type SecretSlot } from './slots';

/** The vault file in the data folder; every slot lives in it. */
export const SECRET_VAULT_FILE = 'secrets.vault';

/**
 * The vault file: `{ version: 2, backend, slots: { "<slot name>": "<ciphertext>" } }`.
 *
 * Each slot is sealed on its own: its ciphertext is base64 of `cipher.encrypt(JSON of the value)`
 * (version 1 was release 1's one-session `session.vault`, whose ciphertext is the same thing).
 * Sealing slots separately means one damaged slot is dropped without losing the others, and a
 * slot can be removed from the file (Disconnect) even in a run that has no encryption.
 */
const VaultFile = z.strictObject({
  version: z.literal(2),
  backend: z.string().min(1),
  slots: z.record(z.string().regex(SLOT_NAME), z.string().min(1)),
});

/**
 * Every secret the app keeps at rest, each in a named slot.
 *
 * Reading a slot is the only way back from disk, so content that cannot be trusted is dealt with
 * in one place: set aside, reported, and read as absent.
 */
export interface SecretVault {
  /** False when the OS offers no encryption: secrets are then kept in memory only, for this run. */
  readonly remembered: boolean;
  /** The slot's content, or null when there is none (or none that could be read). */
  get<T>(slot: SecretSlot<T>): T | null;
  /** Replaces the slot's content; throws if it does not pass the slot's schema (a bug). */
  set<T>(slot: SecretSlot<T>, value: T): void;
  /** Forgets the slot, in memory and on disk. */
  delete<T>(slot: SecretSlot<T>): void;
}

interface Options {
  cipher: Cipher;
  /** The app's data folder: the vault is `<dataDir>/secrets.vault`. */
  dataDir: string;
  now: () => Date;
  logger: Logger;
  report: (notice: DocumentNotice) => void;
}

/**
 * The secret vault: secrets at rest, encrypted by the operating system.
 *
 * SECURITY: secrets are written only as ciphertext, in one file readable by the user alone
 * (0600), through a temporary file and a rename so a crash never leaves half a file. Without OS
 * encryption nothing is written at all. Content that cannot be decrypted (another machine, a
 * changed keychain) or that fails its slot's schema is set aside, never deleted, and reported.
 *
 * On first start it moves release 1's `session.vault` into the `meta.session` slot, removing the
 * old file only once the new one is written, so a remembered session survives the upgrade.
 */
export function createSecretVault({ cipher, dataDir, now, logger, report }: Options): SecretVault {
  const remembered = cipher.isAvailable();
  const filePath = join(dataDir, SECRET_VAULT_FILE);
  const legacyPath = join(dataDir, LEGACY_SESSION_FILE);
  /** Ciphertexts as on disk, by slot name; read lazily, only when encryption is available. */
  let sealed = new Map<string, string>();
  /** Contents decrypted and checked (or set) this run, by slot name. */
  const values = new Map<string, unknown>();
  let loaded = false;

  const announce = (path: string, params: Record<string, string>) =>
    report({ code: 'vault.undecryptable', params: { file: basename(path), ...params }, severity: 'warning' });

  /** Moves (or copies) a file aside and tells the admin; a file that cannot be moved must not stop the app. */
  const keepAside = (path: string, label: string, how: 'move' | 'copy', reason: string, params: Record<string, string> = {}) => {
    try {
      const movedTo = setAside(path, label, now(), how);
      logger.warn('vault: set aside a vault file', { file: basename(path), reason, movedTo, ...params });
      announce(path, { ...params, movedTo });
    } catch (error) {
      logger.warn('vault: could not set aside a vault file', { file: basename(path), reason, error: errorName(error), ...params });
      announce(path, params);
    }
  };

  const write = (backend: string, slots: ReadonlyMap<string, string>) => {
    if (slots.size === 0) {
      rmSync(filePath, { force: true });
      return;
    }
    const entries = Object.fromEntries([...slots].sort(([a], [b]) => a.localeCompare(b)));
    writePrivateFile(filePath, JSON.stringify({ version: 2, backend, slots: entries }));
  };

  /** The vault file's slots as sealed on disk, or null when there is none or it is not a vault. */
  const readFile = (): z.infer<typeof VaultFile> | null => {
    if (!existsSync(filePath)) return null;
    return VaultFile.parse(JSON.parse(readFileSync(filePath, 'utf8')));
  };

  function load(): void {
    if (loaded) return;
    loaded = true;
    // Without encryption nothing is read either: it could not be decrypted, and must not be lost.
    if (!remembered) return;
    try {
      const file = readFile();
      if (file && file.backend !== cipher.backend()) throw new Error('written by another encryption backend');
      sealed = new Map(Object.entries(file?.slots ?? {}));
    } catch (error) {
      keepAside(filePath, 'undecryptable', 'move', errorName(error));
    }
    migrateLegacySession();
  }

  /** Release 1's `session.vault` becomes the `meta.session` slot; its ciphertext moves as it is. */
  function migrateLegacySession(): void {
    if (!existsSync(legacyPath)) return;
    let moved: { ciphertext: string; value: unknown };
    try {
      moved = readLegacySessionFile(legacyPath, cipher);
      const checked = META_SESSION.schema.safeParse(moved.value);
      if (!checked.success) throw new Error('not a session');
      moved.value = checked.data;
    } catch (error) {
      keepAside(legacyPath, 'undecryptable', 'move', errorName(error));
      return;
    }
    // A newer session already in the vault wins: the old file is left over from an interrupted move.
    if (!sealed.has(META_SESSION.name)) {
      sealed.set(META_SESSION.name, moved.ciphertext);
      values.set(META_SESSION.name, moved.value);
      try {
        write(cipher.backend(), sealed);
      } catch (error) {
        // The session is usable this run; the old file stays, and the move is tried again next start.
        logger.warn('vault: could not write the vault, kept the release-1 session file', { error: errorName(error) });
        return;
      }
    }
    rmSync(legacyPath, { force: true });
    logger.info('vault: moved the release-1 session file into the vault', { slot: META_SESSION.name });
  }

  /** Takes one slot out of the live file, keeping a copy of the file as it was. */
  function drop(name: string, label: 'undecryptable' | 'invalid', error: unknown): void {
    keepAside(filePath, label, 'copy', errorName(error), { slot: name });
    sealed.delete(name);
    try {
      write(cipher.backend(), sealed);
    } catch (failure) {
      logger.warn('vault: could not rewrite the vault without a dropped slot', { slot: name, error: errorName(failure) });
    }
  }

  /** Without encryption: removes a slot a run with encryption left in the file, without decrypting anything. */
  function removeSealedWithoutCipher(name: string): void {
    let file: z.infer<typeof VaultFile> | null;
    try {
      file = readFile();
    } catch {
      // Not a vault this run can read: a run with encryption will set it aside and say so.
      return;
    }
    if (!file || !(name in file.slots)) return;
    const rest = new Map(Object.entries(file.slots));
    rest.delete(name);
    write(file.backend, rest);
  }

  return {
    remembered,
    get<T>(slot: SecretSlot<T>): T | null {
      load();
      if (values.has(slot.name)) return values.get(slot.name) as T;
      const ciphertext = sealed.get(slot.name);
      if (ciphertext === undefined) return null;
      let plaintext: string;
      try {
        plaintext = cipher.decrypt(new Uint8Array(Buffer.from(ciphertext, 'base64')));
      } catch (error) {
        drop(slot.name, 'undecryptable', error);
        return null;
      }
      let value: T;
      try {
        // SECURITY: only the error's class is ever logged; JSON.parse quotes what it failed on.
        value = slot.schema.parse(JSON.parse(plaintext));
      } catch (error) {
        drop(slot.name, 'invalid', error);
        return null;
      }
      values.set(slot.name, value);
      return value;
    },
    set<T>(slot: SecretSlot<T>, value: T): void {
      load();
      const checked = slot.schema.parse(value);
      values.set(slot.name, checked);
      if (!remembered) return;
      sealed.set(slot.name, Buffer.from(cipher.encrypt(JSON.stringify(checked))).toString('base64'));
      write(cipher.backend(), sealed);
    },
    delete<T>(slot: SecretSlot<T>): void {
      load();
      values.delete(slot.name);
      // SECURITY: a release-1 file not yet moved (a failed write, or a run without encryption) goes too.
      if (slot.name === META_SESSION.name) rmSync(legacyPath, { force: true });
      if (!remembered) {
        removeSealedWithoutCipher(slot.name);
        return;
      }
      if (sealed.delete(slot.name)) write(cipher.backend(), sealed);
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
