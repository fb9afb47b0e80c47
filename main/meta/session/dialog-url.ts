import { randomBytes } from 'node:crypto';
import type { LoginKind } from '../../../shared/model/meta/connection';

/**
 * Everything the login dialog URL is built from.
 *
 * The endpoints (Meta or the sandbox) and the Graph version come from settings; the state and
 * the PKCE challenge are fresh for every login, so a redirect can be tied to the login that
 * asked for it.
 */
export interface DialogUrlOptions {
  /** `https://www.facebook.com`, or the sandbox's origin. */
  readonly dialogBase: string;
  readonly graphApiVersion: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
  readonly kind: LoginKind;
  readonly scopes?: readonly string[];
  /** Login for Business configuration: replaces `scope`, as Meta requires. */
  readonly configId?: string;
  /** Authorization-code flow with PKCE instead of the token in the fragment. */
  readonly pkce?: { readonly challenge: string };
}

/**
 * A fresh login state: 32 random bytes, base64url.
 *
 * Meta echoes it back in the redirect; a redirect without our state was not asked for by this
 * login (CSRF, or a stale window) and is refused.
 */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The Facebook Login dialog URL for a desktop app (Meta's "manual login flow").
 *
 * `display=popup` fits the small login window; `auth_type=rerequest` asks again for declined
 * permissions (Meta otherwise silently keeps them declined); `auth_type=reauthenticate` makes
 * Meta ask for a password, so another account can be used.
 */
export function buildDialogUrl(options: DialogUrlOptions): string {
  // An origin typed or configured with a trailing slash must not yield `//vNN.0/dialog/oauth`.
  const base = options.dialogBase.replace(/\/+$/, '');
  const url = new URL(`${base}/${options.graphApiVersion}/dialog/oauth`);
  const params = url.searchParams;
  params.set('client_id', options.clientId);
  params.set('redirect_uri', options.redirectUri);
  params.set('state', options.state);
  params.set('response_type', options.pkce ? 'code' : 'token');
  if (options.configId) params.set('config_id', options.configId);
  else params.set('scope', (options.scopes ?? []).join(','));
  params.set('display', 'popup');
  if (options.kind === 'rerequest') params.set('auth_type', 'rerequest');
  if (options.kind === 'another-account') params.set('auth_type', 'reauthenticate');
  if (options.pkce) {
    params.set('code_challenge', options.pkce.challenge);
    params.set('code_challenge_method', 'S256');
  }
  return url.href;
}
