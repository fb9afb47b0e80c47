import type { UpdateRelease } from '../../shared/model/updates/updates';

/** What a check found: whether the feed offers a newer version, and what it says about it. */
export interface UpdateCheckResult {
  readonly available: boolean;
  readonly release: UpdateRelease;
}

/** Bytes received so far; `total` is 0 while the size is not known yet. */
export interface UpdateDownloadProgress {
  readonly percent: number;
  readonly transferred: number;
  readonly total: number;
}

/**
 * The updater as the core needs it: electron-updater in the app, a Node feed client in tests.
 *
 * Every method throws an `AppError` with an `updates.*` code, never the library's prose. The
 * download is only reported done once the file is verified (checksum and size here, plus the
 * publisher's signature in electron-updater), so "Restart to install" never offers a bad file.
 */
export interface Updater {
  /** Reads the generic feed at `feedUrl` (the folder holding latest.yml). */
  check(feedUrl: string, signal: AbortSignal): Promise<UpdateCheckResult>;
  /** Downloads the version the last check found; aborting deletes what was received. */
  download(onProgress: (progress: UpdateDownloadProgress) => void, signal: AbortSignal): Promise<void>;
  /** Quits the app and runs the downloaded installer. */
  quitAndInstall(): void;
}
