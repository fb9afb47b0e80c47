import { chmodSync } from 'node:fs';
import { parse, join } from 'node:path';
import type { Logger } from '../ports';
import { toLogText } from './redact';

/**
 * The log file's rules, written against the shape of electron-log v5 and tested on Node.
 *
 * main/app/ hands its electron-log instance to `configureFileLogger`; the tests hand it
 * electron-log's Node build and read the file it writes. Nothing here imports electron-log, so
 * the ground floor stays free of the library (lint forbids it).
 */

/** Owner read and write, nobody else: the log names businesses, numbers and hosts. */
export const OWNER_ONLY = 0o600;

/**
 * The mode a new log file is created with, or undefined to keep electron-log's default.
 *
 * Windows ignores POSIX modes (the file inherits the profile folder's ACL, which is the user's
 * alone), so only macOS and Linux get one.
 */
export function logFileMode(platform: NodeJS.Platform): number | undefined {
  // SECURITY: the log file is readable by its owner only on POSIX systems; never widen.
  return platform === 'win32' ? undefined : OWNER_ONLY;
}

/**
 * Wraps electron-log's path function so each log file is narrowed to `mode` the first time it is used.
 *
 * `writeOptions.mode` only applies when the file is created; a file an older version created
 * (0644 under the usual umask) and its rotated `.old` copy keep their mode, so they are
 * chmod-ed before the first line is written to them.
 */
export function restrictOnFirstUse<A extends unknown[]>(
  resolvePath: (...args: A) => string,
  mode: number,
  chmod: (path: string, mode: number) => void = chmodSync,
): (...args: A) => string {
  const done = new Set<string>();
  return (...args: A) => {
    const path = resolvePath(...args);
    if (!done.has(path)) {
      done.add(path);
      const { dir, name, ext } = parse(path);
      for (const file of [path, join(dir, `${name}.old${ext}`)]) {
        try {
          chmod(file, mode);
        } catch {
          // Not there yet: electron-log creates it with writeOptions.mode.
        }
      }
    }
    return path;
  };
}

/** What electron-log passes to a hook: the message's values, and more we keep as they are. */
interface HookMessage {
  data: unknown[];
}

/**
 * electron-log hook: every value of every message becomes redacted text before any transport.
 *
 * Errors become their name, message and stack as JSON (electron-log would print `{}` for an
 * Error nested in an object), so the file holds what support needs and no token.
 */
export function redactLogMessage<M extends HookMessage>(message: M): M {
  return { ...message, data: message.data.map((item) => toLogText(item)) };
}

/** The parts of electron-log's error handler used here (MainErrorHandlerOptions). */
interface UncaughtHandlerOptions {
  showDialog: boolean;
  onError(options: { error: Error; errorName: string }): boolean;
}

/** The parts of an electron-log logger `configureFileLogger` touches. */
export interface FileLoggerTarget<M extends HookMessage, P extends unknown[]> {
  hooks: ((message: M, ...rest: never[]) => M | false)[];
  transports: {
    file: {
      writeOptions?: { flag?: string; mode?: number; encoding?: string };
      resolvePathFn: (...args: P) => string;
    };
  };
  errorHandler: { startCatching(options: UncaughtHandlerOptions): void };
  info(...params: unknown[]): void;
  warn(...params: unknown[]): void;
  error(...params: unknown[]): void;
}

/**
 * Turns an electron-log logger into our Logger: redacting hook, owner-only file, uncaught errors.
 *
 * Uncaught exceptions and unhandled rejections are written through the same Logger (so the same
 * serializer) and no dialog is shown: the user sees the app's own error screens, support reads
 * the file.
 */
export function configureFileLogger<M extends HookMessage, P extends unknown[]>(log: FileLoggerTarget<M, P>, platform: NodeJS.Platform): Logger {
  const file = log.transports.file;
  const mode = logFileMode(platform);
  if (mode !== undefined) {
    // SECURITY: owner-only log file, including files left by older versions.
    file.writeOptions = { flag: 'a', encoding: 'utf8', ...file.writeOptions, mode };
    file.resolvePathFn = restrictOnFirstUse(file.resolvePathFn, mode);
  }
  // SECURITY: the hook runs for every transport and every message, ours or a library's.
  log.hooks.push(redactLogMessage);
  const write = (level: 'info' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) => {
    if (meta) log[level](message, meta);
    else log[level](message);
  };
  const logger: Logger = { info: write('info'), warn: write('warn'), error: write('error') };
  log.errorHandler.startCatching({
    showDialog: false,
    onError: ({ error, errorName }) => {
      logger.error(errorName === 'Unhandled rejection' ? 'unhandled rejection' : 'uncaught exception', { error });
      // Already written above; false stops electron-log writing it a second time.
      return false;
    },
  });
  return logger;
}
