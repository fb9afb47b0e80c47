/**
 * The app's rules for comparing URLs, in one place: always parsed, never prefix-matched.
 *
 * `https://www.facebook.com.evil.example/...` is another host, `app://renderer` has an opaque
 * origin (`'null'`) that would make every app:// page equal, and a URL with credentials in it
 * is never ours. Every check that decides something from a URL goes through these.
 */

/** The parsed URL, or null when the text is not one. */
export function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

const noCredentials = (url: URL) => url.username === '' && url.password === '';

/**
 * Same scheme and host (port included), and no credentials.
 *
 * Compares protocol and host rather than `URL.origin`, so custom schemes such as
 * `app://renderer` compare by host instead of all being `'null'`.
 */
export function sameOrigin(actual: string, expected: string): boolean {
  const a = parseUrl(actual);
  const e = parseUrl(expected);
  return a !== null && e !== null && noCredentials(a) && a.protocol === e.protocol && a.host === e.host;
}

/**
 * Same scheme, host, port and path (any query or fragment), and no credentials.
 *
 * What a login redirect must match: the dialog lives on the same host as the redirect page,
 * so the path matters as much as the origin.
 */
export function sameOriginAndPath(actual: string, expected: string): boolean {
  const a = parseUrl(actual);
  const e = parseUrl(expected);
  return a !== null && e !== null && sameOrigin(actual, expected) && a.pathname === e.pathname;
}

/** Whether a URL is on one of these origins (`https://www.facebook.com`, `http://127.0.0.1:4321`). */
export function isOnOrigin(url: string, origins: readonly string[]): boolean {
  return origins.some((origin) => sameOrigin(url, origin));
}

/** The host name of a URL for an error message, or `''` when it is not one. */
export function hostOf(url: string): string {
  return parseUrl(url)?.hostname ?? '';
}
