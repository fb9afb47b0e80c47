import { sameOrigin } from '../url-rules';

/**
 * Whether a page may have a permission it asks for: only writing plain text to the clipboard,
 * and only the app's own page.
 *
 * The checklists' Copy buttons put a value the admin must type in CXone on the clipboard;
 * Chromium asks for `clipboard-sanitized-write` for that. Everything else (camera,
 * notifications, reading the clipboard, and any permission for Meta's login pages) stays
 * refused.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string, appOrigin: string): boolean {
  // SECURITY: one permission, write-only and sanitized, for our own origin's main page only.
  return permission === 'clipboard-sanitized-write' && sameOrigin(requestingUrl, appOrigin);
}
