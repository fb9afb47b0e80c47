import type { MetaLoginWindow } from '../meta/session/login-window';
import type { FetchLike } from '../meta/graph/client';
import type { Adapters, SimulatorHandle } from './adapters';
import type { ByteFetch, Emit, Logger, Notifier, Scheduler } from '../platform/ports';
import type { Cipher } from '../platform/secrets/cipher';
import { UNAVAILABLE_CIPHER } from '../platform/secrets/cipher';
import { redactText, toLogText } from '../platform/logging/redact';
import { createConfStoreOpener } from '../platform/persistence/conf-store';
import { join } from 'node:path';
import { createNodeFeedUpdater } from '../updates/node-feed-client';
import type { FileDialogs } from '../drafts/file-dialogs-port';
import { createNodeFileDialogs } from '../drafts/node-file-dialogs';
import type { Updater } from '../updates/updater-port';

/**
 * A logger that keeps redacted lines in memory, so tests can prove what was (not) logged.
 *
 * Its lines go through the serializer the log file uses (`toLogText`), so an Error in `meta`
 * shows its name, message and stack here exactly as support would read it in the file.
 */
export function createMemoryLogger(): Logger & { lines(): string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(`${level} ${redactText(message)}${meta ? ` ${toLogText(meta)}` : ''}`);
  };
  return { info: write('info'), warn: write('warn'), error: write('error'), lines: () => [...lines] };
}

interface NodeAdapterOptions {
  dataDir: string;
  locale: string;
  emit?: Emit;
  logger?: Logger;
  openExternal?: (url: string) => Promise<void>;
  now?: () => Date;
  loginWindow?: MetaLoginWindow;
  cipher?: Cipher;
  fetch?: FetchLike;
  metaSimulator?: () => Promise<SimulatorHandle>;
  openLoopback?: (url: string) => Promise<void>;
  updater?: Updater;
  /** File dialogs; by default saves land in `<dataDir>/saved-files` and opens pick nothing. */
  fileDialogs?: FileDialogs;
  scheduler?: Scheduler;
  byteFetch?: ByteFetch;
  notifier?: Notifier;
}

/** Without a login window (a service-only test), every login ends as if the window was closed. */
const NO_AUTH_WINDOW: MetaLoginWindow = {
  open: async () => ({ kind: 'closed' }),
  clearPartition: async () => undefined,
};

/**
 * The core's adapters on plain Node: conf files in `dataDir`, a memory logger.
 *
 * Used by the browser-test harness, the unit tests and the benchmarks; the app builds the
 * Electron equivalents in main/app.
 */
export function createNodeAdapters(options: NodeAdapterOptions): Adapters & { opened: string[] } {
  const opened: string[] = [];
  return {
    openStore: createConfStoreOpener(options.dataDir),
    dataDir: options.dataDir,
    logger: options.logger ?? createMemoryLogger(),
    emit: options.emit ?? (() => undefined),
    openExternal:
      options.openExternal ??
      (async (url) => {
        opened.push(url);
      }),
    app: { name: 'WhatsApp Channel Setup Assistant', version: '0.1.0', platform: process.platform, locale: options.locale },
    loginWindow: options.loginWindow ?? NO_AUTH_WINDOW,
    cipher: options.cipher ?? UNAVAILABLE_CIPHER,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    metaSimulator: options.metaSimulator ?? (() => Promise.reject(new Error('no Meta simulator in this host'))),
    openLoopback:
      options.openLoopback ??
      (async (url) => {
        opened.push(url);
      }),
    updater: options.updater ?? createNodeFeedUpdater({ currentVersion: '0.1.0', platform: process.platform, downloadDir: join(options.dataDir, 'pending-update') }),
    fileDialogs: options.fileDialogs ?? createNodeFileDialogs({ saveDir: join(options.dataDir, 'saved-files') }),
    now: options.now,
    scheduler: options.scheduler,
    byteFetch: options.byteFetch,
    notifier: options.notifier,
    opened,
  };
}
