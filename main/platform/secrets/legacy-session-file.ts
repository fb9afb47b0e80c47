import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { Cipher } from './cipher';

/** Release 1's vault: one Facebook session in `<dataDir>/session.vault`. */
export const LEGACY_SESSION_FILE = 'session.vault';

/**
 * Release 1's file format: `{ version: 1, backend, ciphertext }`.
 *
 * `ciphertext` is base64 of `cipher.encrypt(JSON of the session)`, exactly what one slot of the
 * keyed vault holds, so migrating moves it as it is.
 */
const LegacyFile = z.strictObject({ version: z.literal(1), backend: z.string(), ciphertext: z.string().min(1) });

/**
 * Reads and decrypts a release-1 session file.
 *
 * Throws when the file is not in that format, was written by another encryption backend, or
 * cannot be decrypted or parsed; the caller sets it aside. The value is not checked against the
 * session schema here: the slot does that.
 */
export function readLegacySessionFile(path: string, cipher: Cipher): { ciphertext: string; value: unknown } {
  const file = LegacyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (file.backend !== cipher.backend()) throw new Error('written by another encryption backend');
  return { ciphertext: file.ciphertext, value: JSON.parse(cipher.decrypt(new Uint8Array(Buffer.from(file.ciphertext, 'base64')))) };
}
