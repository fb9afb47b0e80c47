import type { EventName, EventPayload } from '../../shared/ipc/contract/index';

/**
 * The ground floor's ports: what every area may ask of its host.
 *
 * They live beside the platform pieces (persistence, http, secrets) so that no area imports
 * upward, and nothing but main/app and the tests imports the composition root.
 */

/**
 * A JSON document on disk with atomic writes (conf / electron-store underneath).
 *
 * Opening throws when the file exists but cannot be parsed; the versioned-document layer above
 * catches that and sets the file aside instead of losing it.
 */
export interface StoreFile {
  readonly path: string;
  readAll(): Record<string, unknown>;
  /** Replaces the whole document in one atomic write. */
  writeAll(value: Record<string, unknown>): void;
}

/** Opens (creating if absent) the store file called `name` in the app's data folder. */
export type OpenStoreFile = (name: string) => StoreFile;

/** Structured log lines; adapters redact anything that looks like a secret before writing. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Pushes an event to the renderer (webContents.send in the app, the harness in tests). */
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The current time; tests pass a clock they can move. */
export type Clock = () => Date;

/** HTTP as the core needs it: global fetch on Node, Chromium's `net.fetch` in the app. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/**
 * Timers the services use for anything that waits (polling, re-checks): real timers in the app,
 * a virtual clock in the browser tests, so a test advances time instead of sleeping.
 */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A desktop notification; `tag` lets a newer one replace an older one about the same thing. */
export interface Notifier {
  show(notification: { tag: string; title: string; body: string }): void;
}

/**
 * Downloads at most `maxBytes` of a URL without following redirects (the caller decides on each
 * `location`): used to check a publicly hosted image, never for an API.
 */
export type ByteFetch = (
  url: URL,
  options: { signal: AbortSignal; maxBytes: number; headers?: Readonly<Record<string, string>> },
) => Promise<{ status: number; location: string | null; contentType: string | null; bytes: Uint8Array; truncated: boolean }>;
