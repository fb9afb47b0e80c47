import * as z from 'zod';
import { Mode } from '../settings/settings';

/**
 * Permissions the wizard asks Meta for.
 *
 * Managing the WhatsApp Business Account and reading the business portfolio are needed for
 * every Meta step; messaging is needed to send a test message. One list so the login dialog,
 * the permissions panel and the sandbox agree.
 */
export const REQUIRED_SCOPES = ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'] as const;
export type Scope = (typeof REQUIRED_SCOPES)[number];

/**
 * What the renderer may know about the Facebook session: never the token itself.
 *
 * `needsLogin` is set when Meta refused the token (Graph error 190: expired or revoked) so the
 * wizard can offer to log in again while keeping everything else as it was.
 */
export const MetaConnection = z.strictObject({
  connected: z.boolean(),
  name: z.string().nullable(),
  mode: Mode,
  scopesGranted: z.array(z.string()),
  scopesMissing: z.array(z.string()),
  /** ISO 8601; null when not connected or when Meta gave no expiry. */
  expiresAt: z.iso.datetime().nullable(),
  /** False when the OS offers no encryption: the token then lives in memory only. */
  remembered: z.boolean(),
  needsLogin: z.boolean(),
});
export type MetaConnection = z.infer<typeof MetaConnection>;

/**
 * How to open the login dialog: a first login, asking again only for declined permissions
 * (`auth_type=rerequest`), or with another Facebook account (`auth_type=reauthenticate`).
 */
export const LoginKind = z.enum(['login', 'rerequest', 'another-account']);
export type LoginKind = z.infer<typeof LoginKind>;
export const LoginRequest = z.strictObject({ kind: LoginKind });
export type LoginRequest = z.infer<typeof LoginRequest>;

export function disconnected(mode: Mode, remembered: boolean): MetaConnection {
  return { connected: false, name: null, mode, scopesGranted: [], scopesMissing: [...REQUIRED_SCOPES], expiresAt: null, remembered, needsLogin: false };
}
