import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { Mode } from '../../shared/model/settings';
import type { Logger } from '../ports';
import type { DocumentNotice } from '../persistence/versioned-document';
import { fileTimestamp, freePath } from '../persistence/versioned-document';
import type { Cipher } from './cipher';

/** What the vault keeps about a Facebook session; only main ever sees it. */
export const StoredSession = z.strictObject({
  accessToken: z.string().min(1),
  expiresAt: z.iso.datetime().nullable(),
  userId: z.string(),
  userName: z.string(),
  scopesGranted: z.array(z.string()),
  scopesMissing: z.array(z.string()),
  mode: Mode,
});
export type StoredSession = z.infer<typeof StoredSession>;

const VaultFile = z.strictObject({ version: z.literal(1), backend: z.string(), ciphertext: z.string().min(1) });

export interface TokenVault {
  /** False when the OS offers no encryption: the session is then kept in memory only. */
  readonly remembered: boolean;
  save(session: StoredSession): void;
  load(): StoredSession | null;
  clear(): void;
}

interface Options {
  cipher: Cipher;
  /** The vault file, e.g. `<userData>/session.vault`. */
  filePath: string;
  now: () => Date;
  logger: Logger;
  report: (notice: DocumentNotice) => void;
}

/**
 * The Facebook session at rest, encrypted by the operating system.
 *
 * SECURITY: the token is written only as ciphertext, in its own file readable by the user alone
 * (0600), through a temporary file and a rename so a crash never leaves half a file. Without OS
 * encryption nothing is written at all. A file that cannot be decrypted (another machine, a
 * changed keychain) is set aside, never deleted, and the admin is told to log in again.
 */
export function createTokenVault({ cipher, filePath, now, logger, report }: Options): TokenVault {
  const remembered = cipher.isAvailable();
  let memory: StoredSession | null = null;

  const setAside = (reason: string) => {
    const movedTo = freePath(join(dirname(filePath), `${basename(filePath)}.undecryptable-${fileTimestamp(now())}`));
    renameSync(filePath, movedTo);
    logger.warn('vault: set aside a session file', { reason, movedTo });
    report({ code: 'vault.undecryptable', params: { file: basename(filePath), movedTo }, severity: 'warning' });
  };

  return {
    remembered,
    save(session) {
      memory = StoredSession.parse(session);
      if (!remembered) return;
      const ciphertext = Buffer.from(cipher.encrypt(JSON.stringify(memory))).toString('base64');
      const temporary = `${filePath}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: 1, backend: cipher.backend(), ciphertext }), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, filePath);
    },
    load() {
      if (memory) return memory;
      if (!remembered || !existsSync(filePath)) return null;
      try {
        const file = VaultFile.parse(JSON.parse(readFileSync(filePath, 'utf8')));
        if (file.backend !== cipher.backend()) throw new Error('written by another encryption backend');
        memory = StoredSession.parse(JSON.parse(cipher.decrypt(new Uint8Array(Buffer.from(file.ciphertext, 'base64')))));
        return memory;
      } catch (error) {
        setAside(error instanceof Error ? error.name : 'unreadable');
        return null;
      }
    },
    clear() {
      memory = null;
      rmSync(filePath, { force: true });
    },
  };
}

/** For hosts with no OS encryption (and tests of that case): nothing is ever written. */
export const UNAVAILABLE_CIPHER: Cipher = {
  isAvailable: () => false,
  backend: () => 'none',
  encrypt: () => {
    throw new Error('no encryption available');
  },
  decrypt: () => {
    throw new Error('no encryption available');
  },
};
