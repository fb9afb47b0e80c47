import type { ByteFetch, FetchLike } from '../../../main/platform/ports';

/**
 * The network as one browser test sees it: a switch between online and offline for what main
 * fetches (Graph calls, the logo check's bytes).
 *
 * Offline, a fetch fails the way Node's does without a network (undici's `TypeError: fetch
 * failed` caused by `ENOTFOUND`; `https.request`'s `ENOTFOUND`), before anything is sent, so the
 * simulator sees no call. Pages of the simulator a test opens itself are not affected.
 */
export interface HarnessNetwork {
  offline(): void;
  online(): void;
  isOnline(): boolean;
}

/** The error Node gives when the name does not resolve: what a machine without network meets. */
function unreachable(url: string): Error {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
  return cause;
}

/** A network switch, and the wrappers that make main's fetches obey it. */
export function createHarnessNetwork(): HarnessNetwork & { fetch(inner: FetchLike): FetchLike; byteFetch(inner: ByteFetch): ByteFetch } {
  let up = true;
  return {
    offline: () => {
      up = false;
    },
    online: () => {
      up = true;
    },
    isOnline: () => up,
    fetch: (inner) => async (url, init) => {
      if (!up) throw new TypeError('fetch failed', { cause: unreachable(url) });
      return inner(url, init);
    },
    byteFetch: (inner) => async (url, options) => {
      if (!up) throw unreachable(url.href);
      return inner(url, options);
    },
  };
}
