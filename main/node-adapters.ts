import type { Adapters, Emit, Logger } from './ports';
import { redact, redactText } from './logging/redact';
import { createConfStoreOpener } from './persistence/conf-store';

/** A logger that keeps redacted lines in memory, so tests can prove what was (not) logged. */
export function createMemoryLogger(): Logger & { lines(): string[] } {
  const lines: string[] = [];
  const write = (level: string) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(`${level} ${redactText(message)}${meta ? ` ${JSON.stringify(redact(meta))}` : ''}`);
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
}

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
    now: options.now,
    opened,
  };
}
