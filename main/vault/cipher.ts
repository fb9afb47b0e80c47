/**
 * Encryption the operating system offers for secrets at rest.
 *
 * The Electron adapter wraps safeStorage (DPAPI on Windows, Keychain on macOS, libsecret or
 * kwallet on Linux). When none is available the vault keeps the token in memory only.
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
