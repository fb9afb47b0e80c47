/**
 * Encryption the operating system offers for secrets at rest.
 *
 * The Electron adapter wraps safeStorage (DPAPI on Windows, Keychain on macOS, libsecret or
 * kwallet on Linux). When none is available the vault keeps secrets in memory only.
 */
export interface Cipher {
  /** False when encryption is off, or when Linux would fall back to a hard-coded key (`basic_text`). */
  isAvailable(): boolean;
  /** A name stored beside the ciphertext, so a blob from another backend is recognised. */
  backend(): string;
  encrypt(plaintext: string): Uint8Array;
  /** Throws when the blob cannot be decrypted (keychain changed, reinstall, other machine). */
  decrypt(ciphertext: Uint8Array): string;
}

/** For hosts with no OS encryption (and tests of that case): the vault then writes nothing at all. */
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
