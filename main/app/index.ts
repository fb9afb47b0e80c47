import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, shell } from 'electron';
import { CHANNELS, events, type EventName, type EventPayload } from '../../shared/ipc/contract/index';
import { createServices } from '../core/create-services';
import { createRouter } from '../ipc/router';
import { createOriginCheck } from '../ipc/sender';
import { isAllowedExternalUrl } from '../platform/security/external-links';
import { isOnOrigin } from '../platform/url-rules';
import { APP_ORIGIN } from '../platform/security/protocol-path';
import { mainWindowOptions } from '../platform/security/window-options';
import { createElectronLogger, createElectronStoreOpener, createSafeStorageCipher } from './adapters';
import { describeStartupFailure } from '../platform/persistence/startup-failure';
import { createElectronLoginWindow } from './meta-login-window';
import { createElectronFileDialogs } from './file-dialogs';
import { createElectronNotifier } from './notifier';
import { startMetaSimulator, type MetaSimulator } from '../simulators/meta';
import { hardenApp } from './hardening';
import { registerAppScheme, serveRenderer } from './protocol';
import { createElectronUpdater } from './updater';

/**
 * The Electron shell: adapters around the core, and nothing else.
 *
 * Everything with rules in it lives in main/ outside this folder and is tested on Node; this
 * file only connects Electron's objects to it.
 */
// Tests of the real app point it at a throw-away data folder; a packaged app ignores this.
if (!app.isPackaged && process.env.WCSA_USER_DATA_DIR) app.setPath('userData', process.env.WCSA_USER_DATA_DIR);
const logger = createElectronLogger();

/**
 * Says why the app cannot start, then quits without keeping the single-instance lock.
 *
 * A process that failed before opening its window but kept the lock made every later launch
 * quit silently; the OS error box is the one place left to tell the admin what happened.
 */
const failStartup = (error: unknown): void => {
  let dataDir: string | null = null;
  try {
    dataDir = app.getPath('userData');
  } catch {
    // The OS gave no data folder: that may be the very failure being reported.
  }
  logger.error('start failed', { error, dataDir });
  const { title, content } = describeStartupFailure({ error, dataDir, locale: app.getLocale() });
  dialog.showErrorBox(title, content);
  app.releaseSingleInstanceLock();
  app.exit(1);
};

if (!app.requestSingleInstanceLock()) {
  // A second copy would write the same store files; the first one is focused instead.
  app.quit();
} else {
  registerAppScheme();
  hardenApp(logger);
  let mainWindow: BrowserWindow | null = null;

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const checked = events[event].parse(payload);
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('setup:event', event, checked);
  };

  const createWindow = (): void => {
    const window = new BrowserWindow(
      mainWindowOptions({ preload: join(app.getAppPath(), 'out/preload/index.cjs'), title: app.getName(), isDev: !app.isPackaged }),
    );
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // The Meta simulator runs only once sandbox mode is used, on 127.0.0.1 and a random port.
  let sandbox: Promise<MetaSimulator> | null = null;
  app.on('will-quit', () => {
    void sandbox?.then((running) => running.close());
  });

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    const services = createServices({
      openStore: createElectronStoreOpener(dataDir),
      dataDir,
      logger,
      emit,
      openExternal: async (url) => {
        // SECURITY: checked again here, whoever calls.
        if (isAllowedExternalUrl(url)) await shell.openExternal(url);
      },
      app: { name: app.getName(), version: app.getVersion(), platform: process.platform, locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale() },
      loginWindow: createElectronLoginWindow({ parent: () => mainWindow, title: 'Facebook', logger }),
      cipher: createSafeStorageCipher(process.platform),
      // Chromium's network stack: the OS proxy settings and certificate store apply, as in a browser.
      fetch: (url, init) => net.fetch(url, init),
      metaSimulator: () => (sandbox ??= startMetaSimulator({ stateFile: join(dataDir, 'sandbox-state.json') })),
      openLoopback: async (url) => {
        // SECURITY: only the simulator's own pages, on the loopback address it listens on.
        const running = await sandbox;
        if (running && isOnOrigin(url, [running.origin])) await shell.openExternal(url);
      },
      updater: createElectronUpdater(logger),
      fileDialogs: createElectronFileDialogs({ parent: () => mainWindow, logger }),
      // A click on a status notification brings the window forward, as a second launch does.
      notifier: createElectronNotifier({
        onClick: () => {
          if (!mainWindow) return createWindow();
          if (mainWindow.isMinimized()) mainWindow.restore();
          mainWindow.focus();
        },
        logger,
      }),
    });
    const router = createRouter({ handlers: services.handlers, isTrustedSender: createOriginCheck(APP_ORIGIN), logger });
    for (const channel of CHANNELS) {
      ipcMain.handle(channel, (event, input: unknown) =>
        router.handle(channel, input, { url: event.senderFrame?.url ?? '', isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame }),
      );
    }
    serveRenderer(join(app.getAppPath(), 'out/renderer'));
    createWindow();
    logger.info('started', { version: app.getVersion(), platform: process.platform });
  }).catch(failStartup);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && app.isReady()) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
