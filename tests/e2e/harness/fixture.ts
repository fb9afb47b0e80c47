import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { events, type EventName } from '../../../shared/ipc/contract/index';
import { createServices } from '../../../main/core/create-services';
import { createRouter } from '../../../main/ipc/router';
import { createOriginCheck } from '../../../main/ipc/sender';
import { createNodeAdapters } from '../../../main/core/node-adapters';
import { createNodeFeedUpdater } from '../../../main/updates/node-feed-client';
import { createNodeFileDialogs } from '../../../main/drafts/node-file-dialogs';
import { startMetaSimulator, type MetaSimulator } from '../../../main/simulators/meta';
import { createNodeByteFetch } from '../../../main/platform/http/byte-fetch';
import type { Notifier } from '../../../main/platform/ports';
import { testCipher } from './test-cipher';
import { createHarnessClock, type HarnessClock } from './clock';
import { createHarnessNetwork, type HarnessNetwork } from './network';
import { createHarnessLoginWindow } from './meta-login-page';
import { startStaticServer, type StaticServer } from './static-server';
import { bridgeBundle, rendererDir } from './paths';

type Services = ReturnType<typeof createServices>;

/** The app as a test sees it: the real renderer over the real router and services. */
export interface Harness {
  readonly page: Page;
  readonly origin: string;
  readonly dataDir: string;
  services(): Services;
  /** Opens the app at a hash route such as `#/step/roles` (default: the start screen). */
  open(hash?: string): Promise<void>;
  /** Quits and starts the app again on the same data folder, then reloads the window. */
  restart(): Promise<void>;
  /** URLs the app asked the system browser to open (Meta's pages, the simulator's pages). */
  openedOutside(): string[];
  /** Problems the page reported: CSP violations, uncaught errors, console errors. */
  problems(): string[];
  /** The Meta simulator this app talks to in sandbox mode (fresh for every test). */
  readonly simulator: MetaSimulator;
  /** The login window the app opened (a page of the same browser), once it is open. */
  loginWindow(): Promise<Page>;
  /** Files the app asked to install ("Restart to install"); the harness records, never quits. */
  installRequests(): string[];
  /** The OS file dialogs as the test drives them: what the next "open" picks, what "save" wrote. */
  readonly files: HarnessFiles;
  /**
   * Time for main's services and the simulator: `advance(ms)` fires the polls and re-checks that
   * fall due instead of waiting for them. With the `pageClock` option the page's clock jumps too.
   */
  readonly clock: HarnessClock;
  /** Takes main's Graph calls and logo fetches offline, and back online. */
  readonly network: HarnessNetwork;
  /** The desktop notifications the app showed, oldest first. */
  notifications(): RecordedNotification[];
}

/** A desktop notification the app showed, with the harness clock's time. */
export interface RecordedNotification {
  readonly tag: string;
  readonly title: string;
  readonly body: string;
  readonly at: Date;
}

/** A file the app saved through its "save" dialog. */
export interface SavedFile {
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/**
 * The file dialogs of one test: the same Node dialogs the app's core would use without a screen.
 *
 * They live as long as the test (a restart keeps them), so a file exported before a restart can
 * be imported after it.
 */
export interface HarnessFiles {
  /** Writes a file the test will have the app open (`nextOpen`), and returns its path. */
  write(name: string, text: string): string;
  /** The file the next "open" dialog picks; null answers as if the admin cancelled. */
  nextOpen(path: string | null): void;
  /** Makes the next "save" dialog answer as if the admin cancelled. */
  cancelNextSave(): void;
  /** Every file saved so far, oldest first, with its text as it is on disk now. */
  saved(): SavedFile[];
}

interface WorkerFixtures {
  rendererServer: StaticServer;
}

/**
 * Playwright fixtures for the browser tests.
 *
 * Main's services run in the test process on Node adapters (conf files in a temp folder); the
 * renderer runs in Chromium, served with the app's CSP; `window.setup` is built by the same
 * createApi as the preload and bridged with exposeBinding. Every test fails if the page hit a
 * CSP violation or an uncaught error, so a screen that would break under the app's policy
 * cannot pass here.
 */
/**
 * Per-test options.
 *
 * - `updateFeed`: `test.use({ updateFeed: feed.url })` saves that feed, with the check at start on.
 * - `trustedCertificates`: PEM certificates the logo check trusts besides Node's, for a test's own
 *   https server.
 * - `pageClock`: the page's clock is Playwright's, and `app.clock.advance` moves it too, so times
 *   the renderer computes ("2 minutes ago") agree with main's.
 */
interface TestOptions {
  updateFeed: string | null;
  trustedCertificates: string | null;
  pageClock: boolean;
}

export const test = base.extend<{ app: Harness } & TestOptions, WorkerFixtures>({
  updateFeed: [null, { option: true }],
  trustedCertificates: [null, { option: true }],
  pageClock: [false, { option: true }],

  rendererServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ page, rendererServer, locale, updateFeed, trustedCertificates, pageClock }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-e2e-'));
    // The updates document as the admin would have saved it, so the app checks at start.
    if (updateFeed) writeFileSync(join(dataDir, 'updates.json'), JSON.stringify({ schemaVersion: 1, feedUrl: updateFeed, checkAtStart: true, lastCheckedAt: null }));
    const updater = createNodeFeedUpdater({ currentVersion: '0.1.0', platform: process.platform, downloadDir: join(dataDir, 'pending-update') });
    const problems: string[] = [];
    const opened: string[] = [];
    const emit = <E extends EventName>(event: E, payload: unknown): void => {
      const checked = events[event].parse(payload);
      void page.evaluate(([name, body]) => window.__harnessEmit(name as EventName, body), [event, checked] as const).catch(() => undefined);
    };
    const clock = createHarnessClock();
    const network = createHarnessNetwork();
    const notifications: RecordedNotification[] = [];
    const notifier: Notifier = { show: (notification) => void notifications.push({ ...notification, at: clock.now() }) };
    // One time for the app and the simulated Meta: a token or a register window ages with the polls.
    const simulator = await startMetaSimulator({ now: clock.now });
    if (pageClock) await page.clock.install({ time: clock.now() });
    const loginWindow = createHarnessLoginWindow(page.context());
    const cipher = testCipher();
    const fileDialogs = createNodeFileDialogs({ saveDir: join(dataDir, 'saved-files') });
    const files: HarnessFiles = {
      write(name, text) {
        const folder = join(dataDir, 'files-to-open');
        mkdirSync(folder, { recursive: true });
        const path = join(folder, basename(name));
        writeFileSync(path, text, 'utf8');
        return path;
      },
      nextOpen: (path) => fileDialogs.chooseNextFile(path),
      cancelNextSave: () => fileDialogs.cancelNextSave(),
      saved: () => fileDialogs.saved().map((path) => ({ name: basename(path), path, text: readFileSync(path, 'utf8') })),
    };
    const boot = () => {
      const adapters = createNodeAdapters({
        dataDir,
        locale: locale ?? 'en-US',
        emit,
        loginWindow,
        cipher,
        metaSimulator: async () => simulator,
        now: clock.now,
        scheduler: clock.scheduler,
        notifier,
        fetch: network.fetch((url, init) => fetch(url, init)),
        byteFetch: network.byteFetch(createNodeByteFetch(trustedCertificates ? { ca: trustedCertificates } : {})),
        openExternal: async (url) => void opened.push(url),
        openLoopback: async (url) => void opened.push(url),
        updater,
        fileDialogs,
      });
      const services = createServices(adapters);
      const router = createRouter({
        handlers: services.handlers,
        isTrustedSender: createOriginCheck(rendererServer.origin),
        logger: adapters.logger,
      });
      return { services, router };
    };
    let current = boot();

    await page.exposeBinding('__harnessInvoke', (source, channel: unknown, input: unknown) =>
      current.router.handle(channel, input, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
    );
    await page.addInitScript({ path: bridgeBundle });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });

    const harness: Harness = {
      page,
      origin: rendererServer.origin,
      dataDir,
      services: () => current.services,
      async open(hash = '') {
        await page.goto(`${rendererServer.origin}/index.html${hash}`);
      },
      async restart() {
        // Quitting ends the old services' timers: only the new ones poll and re-check.
        clock.cancelAll();
        current = boot();
        await page.reload();
      },
      problems: () => [...problems],
      openedOutside: () => [...opened],
      simulator,
      loginWindow: () => loginWindow.nextPage(),
      installRequests: () => updater.installRequests(),
      files,
      clock: {
        now: clock.now,
        scheduler: clock.scheduler,
        pending: clock.pending,
        cancelAll: clock.cancelAll,
        async advance(ms) {
          await clock.advance(ms);
          if (pageClock) await page.clock.fastForward(ms);
        },
      },
      network,
      notifications: () => [...notifications],
    };

    await use(harness);
    clock.dispose();
    await simulator.close();

    rmSync(dataDir, { recursive: true, force: true });
    expect(problems, 'the page reported errors or CSP violations').toEqual([]);
  },
});

export { expect };
