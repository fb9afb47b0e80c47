import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { builtMain, findElectronBinary, projectRoot } from './electron-binary';

const binary = findElectronBinary();
const skipReason = 'missing' in binary ? `Electron spec skipped: ${binary.missing}.` : '';
if (skipReason) console.log(skipReason);

test.describe('the real app', () => {
  test.skip(Boolean(skipReason), skipReason);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!('path' in binary)) return;
    userData = mkdtempSync(join(tmpdir(), 'wcsa-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [projectRoot],
      env: { ...process.env, WCSA_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the wizard from app:// on the requirements step, labelled sandbox', async () => {
    expect(existsSync(builtMain), `${builtMain} is built`).toBe(true);
    await expect(page).toHaveURL(/^app:\/\/renderer\/index\.html#\/step\/requirements$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Check the WhatsApp Business account requirements');
    await expect(page.getByTestId('sandbox-badge')).toHaveText('SANDBOX');
    await expect(page.getByTestId('sandbox-banner')).toBeVisible();
  });

  test('runs the page sandboxed and isolated, with no Node and no ipcRenderer', async () => {
    // Electron reports OS-level sandboxing of renderer processes on macOS and Windows.
    // Where the OS reports it (macOS, Windows), every page process is sandboxed too.
    const renderers = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((metric) => metric.type === 'Tab'));
    expect(renderers.length).toBeGreaterThan(0);
    if (process.platform !== 'linux') for (const renderer of renderers) expect(renderer.sandboxed).toBe(true);
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      setup: typeof window.setup,
      ipc: 'ipcRenderer' in window || JSON.stringify(Object.keys(window.setup)).includes('ipcRenderer'),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', setup: 'object', ipc: false });
  });

  test('serves the page with the CSP header and refuses inline script', async () => {
    const csp = await page.evaluate(async () => (await fetch('app://renderer/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
  });

  test('blocks navigation away from the app and new windows', async () => {
    // Listen where the app decides, then navigate: the answer is the decision itself, not a wait.
    const prevented = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<boolean>((resolve) => {
          const contents = BrowserWindow.getAllWindows()[0]?.webContents;
          contents?.once('will-navigate', (event) => setImmediate(() => resolve(event.defaultPrevented)));
        }),
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    expect(await prevented).toBe(true);
    await expect(page).toHaveURL(/^app:\/\/renderer\//);
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('opens the Facebook login as a modal window on its own partition, without our preload', async () => {
    await page.goto('app://renderer/index.html#/step/connect');
    await page.getByRole('button', { name: 'Log in with Facebook' }).click();
    await expect.poll(() => app.windows().length).toBe(2);
    const login = await app.evaluate(({ BrowserWindow, session }) => {
      const child = BrowserWindow.getAllWindows().find((window) => window.getParentWindow() !== null);
      if (!child) return null;
      return {
        modal: child.isModal(),
        // On disk only where the OS encrypts the session too; in memory otherwise.
        ownPartition: ['persist:meta-login', 'meta-login'].some((name) => child.webContents.session === session.fromPartition(name)),
        notDefault: child.webContents.session !== session.defaultSession,
        preloads: child.webContents.session.getPreloadScripts().length,
        url: child.webContents.getURL(),
      };
    });
    expect(login).toMatchObject({ modal: true, ownPartition: true, notDefault: true, preloads: 0 });
    expect(login?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v26\.0\/dialog\/oauth\?/);
    const dialog = app.windows().find((candidate) => candidate !== page);
    const hasBridge = await dialog?.evaluate(() => 'setup' in window);
    expect(hasBridge).toBe(false);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => app.windows().length).toBe(1);
    await expect(page.getByText('Login was cancelled. Nothing was changed.')).toBeVisible();
  });

  test('refuses a path outside the renderer folder', async () => {
    const statuses = await page.evaluate(async () => ({
      inside: (await fetch('app://renderer/index.html')).status,
      outside: (await fetch('app://renderer/%2e%2e/main/index.js')).status,
    }));
    expect(statuses).toEqual({ inside: 200, outside: 404 });
  });

  test('refuses Mark done with the reasons while the checklist is open', async () => {
    await page.goto('app://renderer/index.html#/step/roles');
    await page.getByRole('button', { name: 'Mark done' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This step cannot be marked done yet' })).toContainText('checklist items are not ticked yet');
  });
});
