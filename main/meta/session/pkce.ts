import { createHash, randomBytes } from 'node:crypto';

/**
 * A PKCE verifier and its S256 challenge (RFC 7636).
 *
 * 32 random bytes give a 43-character verifier, the minimum length the RFC allows and more
 * entropy than it asks for.
 */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

/**
 * The S256 challenge of a verifier: base64url of its SHA-256, without padding.
 *
 * Apart from the random verifier so the derivation can be checked against RFC 7636's example.
 */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
