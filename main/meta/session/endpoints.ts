import type { Mode } from '../../../shared/model/settings/settings';

/** Where login and Graph calls go, for the mode the app runs in. */
export interface MetaEndpoints {
  readonly mode: Mode;
  /** Origin of the login dialog (`https://www.facebook.com`, or the sandbox). */
  readonly dialogBase: string;
  /** Origin of the Graph API (`https://graph.facebook.com`, or the sandbox). */
  readonly graphBase: string;
  readonly redirectUri: string;
  /** Origins the login window may visit; everything else is blocked. */
  readonly allowedOrigins: readonly string[];
  readonly clientId: string;
}

/**
 * Meta's redirect for desktop apps: the page exists only to carry the token back; the login
 * window stops on it before it loads.
 */
export const META_REDIRECT_URI = 'https://www.facebook.com/connect/login_success.html';

/**
 * Hosts Meta's login flow moves through: the dialog, the mobile and web variants it may bounce
 * to, two-factor checkpoints, and Login for Business configuration screens.
 */
export const META_LOGIN_ORIGINS = ['https://www.facebook.com', 'https://web.facebook.com', 'https://m.facebook.com', 'https://business.facebook.com', 'https://accountscenter.facebook.com'];

/** The App ID the sandbox registers; it is not a real Meta app. */
export const SANDBOX_APP_ID = '100000000000001';

export function liveEndpoints(appId: string): MetaEndpoints {
  return {
    mode: 'live',
    dialogBase: 'https://www.facebook.com',
    graphBase: 'https://graph.facebook.com',
    redirectUri: META_REDIRECT_URI,
    allowedOrigins: META_LOGIN_ORIGINS,
    clientId: appId,
  };
}

export function sandboxEndpoints(origin: string): MetaEndpoints {
  return {
    mode: 'sandbox',
    dialogBase: origin,
    graphBase: origin,
    redirectUri: `${origin}/connect/login_success.html`,
    allowedOrigins: [origin],
    clientId: SANDBOX_APP_ID,
  };
}
