import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginWindowOptions, mainWindowOptions } from '../../main/platform/security/window-options';
import { loadRendererAsset, mimeType, resolveRendererPath } from '../../main/platform/security/protocol-path';

describe('window options', () => {
  const locked = {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };

  it('lock down the wizard window and give it only our preload', () => {
    const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', title: 'Setup', isDev: false });
    expect(options.webPreferences).toMatchObject({ ...locked, preload: '/app/out/preload/index.cjs', devTools: false });
    expect(options.show).toBe(false);
  });

  it('give the login window no preload and its own partition', () => {
    const options = loginWindowOptions({ partition: 'login-123', title: 'Facebook' });
    expect(options.webPreferences).toMatchObject({ ...locked, partition: 'login-123', devTools: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('cannot be loosened after creation', () => {
    const options = mainWindowOptions({ preload: 'p', title: 't', isDev: true });
    expect(() => {
      (options.webPreferences as unknown as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
  });
});

describe('app:// protocol paths', () => {
  const root = resolve('/opt/app/out/renderer');

  it('serve files inside the renderer folder, index.html for the root', () => {
    expect(resolveRendererPath(root, 'app://renderer/')).toBe(join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://renderer/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererPath(root, 'app://renderer/index.html?x=1#/step/roles')).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://renderer/../main/index.js',
    'app://renderer/assets/../../main/index.js',
    'app://renderer/%2e%2e/main/index.js',
    'app://renderer/assets/%2E%2E%2F%2E%2E%2Fmain%2Findex.js',
    'app://renderer/..%5c..%5cmain%5cindex.js',
    'app://renderer/C:/Windows/win.ini',
    'app://renderer/index.html%00.png',
    'app://renderer/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://renderer/secret.key',
  ])('refuse %s', (url) => {
    expect(resolveRendererPath(root, url)).toBeNull();
  });

  it('name the content type of what they serve', () => {
    expect(mimeType('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('a/app.JS')).toBe('text/javascript; charset=utf-8');
  });
});

describe('renderer responses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcsa-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<meta property="csp-nonce" nonce="__CSP_NONCE__"><script nonce="__CSP_NONCE__" src="./a.js"></script>');
  writeFileSync(join(dir, 'a.js'), 'console.log(1)');

  it('write a fresh nonce into each page and its CSP header', async () => {
    const first = await loadRendererAsset(dir, 'app://renderer/');
    const second = await loadRendererAsset(dir, 'app://renderer/index.html');
    const nonceOf = (csp = '') => /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    const nonce = nonceOf(first.headers['Content-Security-Policy']);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new TextDecoder().decode(first.body)).toBe(`<meta property="csp-nonce" nonce="${nonce}"><script nonce="${nonce}" src="./a.js"></script>`);
    expect(nonceOf(second.headers['Content-Security-Policy'])).not.toBe(nonce);
  });

  it('serve scripts with their type and the security headers, and refuse the rest with 404', async () => {
    const script = await loadRendererAsset(dir, 'app://renderer/a.js');
    expect(script.status).toBe(200);
    expect(script.headers).toMatchObject({ 'Content-Type': 'text/javascript; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    expect((await loadRendererAsset(dir, 'app://renderer/missing.js')).status).toBe(404);
    expect((await loadRendererAsset(dir, 'app://renderer/../a.js')).status).toBe(404);
    expect((await loadRendererAsset(dir, 'http://127.0.0.1:9/a.js', 'http://127.0.0.1:9')).status).toBe(200);
    expect((await loadRendererAsset(dir, 'http://127.0.0.1:8/a.js', 'http://127.0.0.1:9')).status).toBe(404);
  });

  it('let the browser keep only files named after their content; pages and the rest are never stored', async () => {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'assets', 'index-B2-piqzk.js'), 'console.log(2)');
    writeFileSync(join(dir, 'assets', 'logo.js'), 'console.log(3)');
    const kept = 'public, max-age=31536000, immutable';
    expect((await loadRendererAsset(dir, 'app://renderer/assets/index-B2-piqzk.js')).headers['Cache-Control']).toBe(kept);
    expect((await loadRendererAsset(dir, 'app://renderer/assets/logo.js')).headers['Cache-Control']).toBe('no-store');
    expect((await loadRendererAsset(dir, 'app://renderer/index.html')).headers['Cache-Control']).toBe('no-store');
    expect((await loadRendererAsset(dir, 'app://renderer/a.js')).headers['Cache-Control']).toBe('no-store');
    expect((await loadRendererAsset(dir, 'app://renderer/assets/missing-B2-piqzk.js')).headers['Cache-Control']).toBe('no-store');
  });
});
