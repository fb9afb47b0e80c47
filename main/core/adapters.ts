import type { Language } from '../../shared/model/settings/settings';
import type { FileDialogs } from '../drafts/file-dialogs-port';
import type { MetaLoginWindow } from '../meta/session/login-window';
import type { ByteFetch, Emit, FetchLike, Logger, Notifier, OpenStoreFile, Scheduler } from '../platform/ports';
import type { Cipher } from '../platform/secrets/cipher';
import type { Updater } from '../updates/updater-port';

/** What the core needs of a running simulator: where it is, its pages, the language they speak. */
export interface SimulatorHandle {
  readonly origin: string;
  pageUrl(page: 'phone' | 'faults' | 'rehearsal'): string;
  setLanguage(language: Language): void;
}

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
  loginWindow: MetaLoginWindow;
  /** OS encryption for the token at rest. */
  cipher: Cipher;
  /** HTTP for the Graph API (global fetch in the app). */
  fetch: FetchLike;
  /** Starts the local Meta simulator on first use (sandbox mode). */
  metaSimulator: () => Promise<SimulatorHandle>;
  /** Opens a page of a local simulator (http on 127.0.0.1) in the system browser. */
  openLoopback: (url: string) => Promise<void>;
  /** The app's own updates: electron-updater in the app, the Node feed client in tests. */
  updater: Updater;
  /** Save and open dialogs for workspace files and runbooks (Electron's in the app, folders in tests). */
  fileDialogs: FileDialogs;
  now?: () => Date;
  /** Timers for re-checks (the logo); real ones by default, a virtual clock in browser tests. */
  scheduler?: Scheduler;
  /** Reads the bytes of a public https URL (the logo check); Node's https by default. */
  byteFetch?: ByteFetch;
  /** Desktop notifications (status changes): Electron's in the app, a recorder in browser tests. */
  notifier?: Notifier;
}
