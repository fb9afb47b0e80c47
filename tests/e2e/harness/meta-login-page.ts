import type { BrowserContext, Page } from '@playwright/test';
import { settleLogin, type MetaLoginWindow, type LoginWindowRequest } from '../../../main/meta/session/login-window';
import { matchesRedirect } from '../../../main/meta/session/redirect';
import { isOnOrigin } from '../../../main/platform/url-rules';

export interface HarnessAuthWindow extends MetaLoginWindow {
  /** The login page the app opened next (or already has open). */
  nextPage(): Promise<Page>;
  /** How many times the app asked to clear the login partition. */
  readonly cleared: string[];
}

/**
 * The login window for browser tests: a Playwright page in the same browser, watched the way
 * the Electron adapter watches its window.
 *
 * Every navigation is fetched by the harness first; a redirect whose Location is the app's
 * redirect URI ends the login with that URL (fragment included) and the page never loads it.
 * Navigation outside the allowed origins is blocked; closing the page is "closed".
 */
export function createHarnessLoginWindow(context: BrowserContext): HarnessAuthWindow {
  let current: Page | null = null;
  const waiting: ((page: Page) => void)[] = [];
  const cleared: string[] = [];

  return {
    cleared,
    nextPage() {
      if (current && !current.isClosed()) return Promise.resolve(current);
      return new Promise((resolve) => waiting.push(resolve));
    },
    async open(request: LoginWindowRequest) {
      const page = await context.newPage();
      current = page;
      const login = settleLogin(request, () => {
        if (current === page) current = null;
        if (!page.isClosed()) void page.close().catch(() => undefined);
      });
      const finish = login.finish;
      page.on('close', () => finish({ kind: 'closed' }));

      void page
        .route('**/*', async (route) => {
          const url = route.request().url();
          if (matchesRedirect(url, request.redirectUri)) {
            // A client-side navigation straight to the redirect (no server hop).
            await route.abort().catch(() => undefined);
            return finish({ kind: 'redirect', url });
          }
          if (!isOnOrigin(url, request.allowedOrigins)) return route.abort('blockedbyclient').catch(() => undefined);
          if (!route.request().isNavigationRequest()) return route.continue().catch(() => undefined);
          let response;
          try {
            response = await route.fetch({ maxRedirects: 0 });
          } catch {
            await route.abort().catch(() => undefined);
            return finish({ kind: 'network' });
          }
          const location = response.headers()['location'];
          if (location) {
            const target = new URL(location, url).href;
            if (matchesRedirect(target, request.redirectUri)) {
              await route.abort().catch(() => undefined);
              return finish({ kind: 'redirect', url: target });
            }
          }
          await route.fulfill({ response }).catch(() => undefined);
        })
        .then(() => page.goto(request.url))
        .catch(() => {
          if (!login.settled && !page.isClosed()) finish({ kind: 'network' });
        });
      waiting.splice(0).forEach((notify) => notify(page));
      return login.promise;
    },
    async clearPartition(partition) {
      cleared.push(partition);
      await context.clearCookies();
    },
  };
}
