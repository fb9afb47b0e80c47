/**
 * What the login flow asks of a browser window, so it runs the same in the app and in tests.
 *
 * The Electron adapter (main/app) opens a modal window on its own session partition; the test
 * harness opens a Playwright page. Both watch every navigation for the redirect URL and stop
 * it before it loads, so the token in its fragment is read by main and never rendered.
 */
export interface LoginWindowRequest {
  /** The login dialog URL (Meta's, or the sandbox's). */
  readonly url: string;
  /** Navigation to this URL (same origin and path, any query or fragment) ends the login. */
  readonly redirectUri: string;
  /** Origins the window may navigate to besides the redirect; anything else is blocked. */
  readonly allowedOrigins: readonly string[];
  /** Session partition, so Disconnect can wipe the window's cookies. */
  readonly partition: string;
  readonly timeoutMs: number;
  /** Aborting closes the window and resolves with `cancelled`. */
  readonly signal: AbortSignal;
}

export type LoginWindowResult =
  /** The redirect URL exactly as the window was sent to it, fragment included. */
  | { readonly kind: 'redirect'; readonly url: string }
  /** The admin closed the window. */
  | { readonly kind: 'closed' }
  /** The flow was aborted from the app (Cancel button). */
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout' }
  /** The dialog could not be loaded (offline, DNS, certificate refused). */
  | { readonly kind: 'network' };

export interface MetaLoginWindow {
  open(request: LoginWindowRequest): Promise<LoginWindowResult>;
  /** Forgets cookies and storage of a login partition (Disconnect, another account). */
  clearPartition(partition: string): Promise<void>;
}

/**
 * The bookkeeping every MetaLoginWindow shares: the first outcome wins, the timeout and the Cancel
 * signal end the login, and `close` runs once whatever ended it.
 */
export function settleLogin(request: LoginWindowRequest, close: (result: LoginWindowResult) => void): { promise: Promise<LoginWindowResult>; finish(result: LoginWindowResult): void; readonly settled: boolean } {
  let settled = false;
  let resolve: (result: LoginWindowResult) => void = () => undefined;
  const promise = new Promise<LoginWindowResult>((done) => {
    resolve = done;
  });
  const onAbort = () => finish({ kind: 'cancelled' });
  const timer = setTimeout(() => finish({ kind: 'timeout' }), request.timeoutMs);
  function finish(result: LoginWindowResult): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    request.signal.removeEventListener('abort', onAbort);
    close(result);
    resolve(result);
  }
  request.signal.addEventListener('abort', onAbort);
  if (request.signal.aborted) onAbort();
  return {
    promise,
    finish,
    get settled() {
      return settled;
    },
  };
}
