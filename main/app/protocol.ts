import { protocol } from 'electron';
import { APP_SCHEME, loadRendererAsset } from '../platform/security/protocol-path';

/** Must run before `app.whenReady()`: app:// behaves like https (secure context, fetch, CSP). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/**
 * Serves the built renderer from app://renderer with the app's security headers.
 *
 * No file:// anywhere: a file URL would give the page access to every file the user can read
 * and no CSP header. Paths outside the renderer folder are refused by loadRendererAsset.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = await loadRendererAsset(rendererDir, request.url);
    return new Response(Buffer.from(asset.body), { status: asset.status, headers: asset.headers });
  });
}
