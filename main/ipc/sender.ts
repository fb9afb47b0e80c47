import { sameOrigin } from '../platform/url-rules';
import type { Sender } from './router';

/**
 * Accepts messages only from the main frame of a page served from `origin`.
 *
 * Compares protocol and host rather than `URL.origin`, because custom schemes such as
 * `app://renderer` have an opaque origin (`'null'`) that would make every app:// page equal.
 */
export function createOriginCheck(origin: string): (sender: Sender) => boolean {
  return (sender) => {
    // SECURITY: subframes never talk to main, even from our own origin.
    if (!sender.isMainFrame) return false;
    return sameOrigin(sender.url, origin);
  };
}
