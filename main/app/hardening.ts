import { app, session, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../platform/ports';
import { isAllowedExternalUrl } from '../platform/security/external-links';
import { isPermissionAllowed } from '../platform/security/permissions';
import { APP_ORIGIN } from '../platform/security/protocol-path';
import { redactText } from '../platform/logging/redact';

/**
 * Navigation rules for windows that may leave their first page (the login window).
 *
 * Every other web contents may not navigate at all; a window that needs to registers a
 * predicate here for as long as it lives.
 */
const navigationRules = new Map<number, (url: string) => boolean>();

export function allowNavigation(contents: WebContents, isAllowed: (url: string) => boolean): void {
  navigationRules.set(contents.id, isAllowed);
  contents.once('destroyed', () => navigationRules.delete(contents.id));
}

function lockSession(target: Session): void {
  // SECURITY: no camera, notifications, reading the clipboard or anything else, for any page;
  // the app's own page may only write plain text to the clipboard (the checklists' Copy).
  target.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl, APP_ORIGIN)));
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, APP_ORIGIN));
  target.setDevicePermissionHandler(() => false);
  target.on('will-download', (event) => event.preventDefault());
}

/**
 * Locks every web contents the app will ever create, before the first window exists.
 *
 * Deny by default: navigation, new windows, webviews, permissions, downloads and certificate
 * errors. Links to an allow-listed https host open in the system browser instead.
 */
export function hardenApp(logger: Logger): void {
  app.enableSandbox();
  // Sessions exist only once the app is ready: the default one is locked then, every later one
  // (the login window's partition) as it is created.
  app.on('session-created', lockSession);
  void app.whenReady().then(() => lockSession(session.defaultSession));

  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (navigationRules.get(contents.id)?.(url)) return;
      event.preventDefault();
      logger.warn('blocked a navigation', { url: redactText(url) });
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-frame-navigate', (details) => {
      if (!details.isMainFrame) guard(details, details.url);
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      else logger.warn('blocked a new window', { url: redactText(url) });
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  // SECURITY: a bad certificate is never accepted, whatever the page.
  app.on('certificate-error', (event, _contents, url, error, _certificate, callback) => {
    event.preventDefault();
    logger.warn('refused a certificate', { url: redactText(url), error });
    callback(false);
  });
}
