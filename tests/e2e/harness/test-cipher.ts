import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from '../../../main/platform/secrets/cipher';

/**
 * AES-GCM with a key that lives as long as the test: stands in for the OS keychain, so the
 * vault really writes ciphertext. Shared by the browser harness and the unit tests.
 */
export function testCipher(): Cipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    backend: () => 'test-aes-gcm',
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(ciphertext) {
      const bytes = Buffer.from(ciphertext);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
