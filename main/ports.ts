import type { EventName, EventPayload } from '../shared/ipc/contract';
import type { AuthWindow } from './auth/auth-window';
import type { FetchLike } from './meta/graph-client';
import type { Cipher } from './vault/cipher';

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

/** Everything the core needs from its host; main/app builds the Electron ones, tests Node ones. */
export interface Adapters {
  openStore: OpenStoreFile;
  /** Folder that holds the store files; quarantined copies are written beside them. */
  dataDir: string;
  logger: Logger;
  emit: Emit;
  /** Opens an allow-listed https URL in the system browser. */
  openExternal: (url: string) => Promise<void>;
  app: { name: string; version: string; platform: string; locale: string };
  /** The Facebook login window (an Electron window in the app, a browser page in tests). */
  authWindow: AuthWindow;
  /** OS encryption for the token at rest. */
  cipher: Cipher;
  /** HTTP for the Graph API (global fetch in the app). */
  fetch: FetchLike;
  /** Starts the Meta sandbox on first use and returns its origin. */
  sandboxOrigin: () => Promise<string>;
  now?: () => Date;
}
