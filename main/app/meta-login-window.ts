import { BrowserWindow, session } from 'electron';
import { settleLogin, type MetaLoginWindow, type LoginWindowRequest } from '../meta/session/login-window';
import { matchesRedirect } from '../meta/session/redirect';
import { isOnOrigin } from '../platform/url-rules';
import type { Logger } from '../platform/ports';
import { redactText } from '../platform/logging/redact';
import { loginWindowOptions } from '../platform/security/window-options';
import { allowNavigation } from './hardening';

// Chromium's net::ERR_ABORTED: what a navigation we cancelled ourselves reports.
const ERR_ABORTED = -3;

/**
 * Meta's login in a modal window owned by main.
 *
 * SECURITY: no preload (Meta's pages get no bridge to the app), sandboxed, its own session
 * partition, navigation limited to Meta's login hosts (the sandbox's origin in sandbox mode),
 * new windows and permissions denied by the app-wide hardening. The redirect is caught in
 * will-redirect / will-navigate and cancelled, so the page carrying the token never loads and
 * the token never exists anywhere but in main.
 */
export function createElectronLoginWindow(options: { parent: () => BrowserWindow | null; title: string; logger: Logger }): MetaLoginWindow {
  return {
    open(request: LoginWindowRequest) {
      const parent = options.parent();
      const window = new BrowserWindow({ ...loginWindowOptions({ partition: request.partition, title: options.title }), ...(parent ? { parent, modal: true } : {}) });
      const contents = window.webContents;
      const login = settleLogin(request, (result) => {
        if (!window.isDestroyed()) window.destroy();
        options.logger.info('meta login window: closed', { result: result.kind });
      });
      const finish = login.finish;
      if (login.settled) return login.promise;

      allowNavigation(contents, (url) => matchesRedirect(url, request.redirectUri) || isOnOrigin(url, request.allowedOrigins));
      const catchRedirect = (event: { preventDefault(): void }, url: string) => {
        if (!matchesRedirect(url, request.redirectUri)) return;
        event.preventDefault();
        finish({ kind: 'redirect', url });
      };
      contents.on('will-redirect', catchRedirect);
      contents.on('will-navigate', catchRedirect);
      contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
        if (!isMainFrame || code === ERR_ABORTED) return;
        options.logger.warn('meta login window: page failed to load', { code, description, url: redactText(url) });
        finish({ kind: 'network' });
      });
      window.once('ready-to-show', () => window.show());
      window.on('closed', () => finish({ kind: 'closed' }));
      options.logger.info('meta login window: opening', { url: redactText(request.url) });
      window.loadURL(request.url).catch(() => undefined);
      return login.promise;
    },
    async clearPartition(partition) {
      const target = session.fromPartition(partition);
      await target.clearStorageData();
      await target.clearCache();
    },
  };
}
