import * as z from 'zod';
import { Mode } from '../../../shared/model/settings/settings';

/**
 * A named place in the secret vault, with the schema its content must pass.
 *
 * The schema is checked on the way in (a bug cannot store a half-made secret) and on the way back
 * from disk (a slot written by another version, or damaged, is dropped and reported rather than
 * trusted). Two slots must never share a name.
 */
export interface SecretSlot<T> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
}

/** `area.thing`, optionally keyed further (`meta.pin.<phone-number-id>`); names are stored in clear. */
export const SLOT_NAME = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_-]+)+$/;

/**
 * Declares a slot of the vault.
 *
 * Names are written in clear beside each slot's ciphertext (they say what kind of secret is
 * kept, never its value), so they hold no secret themselves: a phone-number id, not a PIN.
 */
export function defineSlot<T>(name: string, schema: z.ZodType<T>): SecretSlot<T> {
  if (!SLOT_NAME.test(name)) throw new Error(`invalid vault slot name: ${name}`);
  return { name, schema };
}

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

/**
 * The Facebook session (main/meta/session).
 *
 * Declared here rather than in its area because the vault moves release 1's `session.vault`
 * into it on first start; slots added later (CXone credentials, phone PINs) live in their area.
 */
export const META_SESSION = defineSlot('meta.session', StoredSession);
