import electronUpdater, { type ProgressInfo } from 'electron-updater';
import { AppError } from '../../shared/errors/index';
import type { Logger } from '../platform/ports';
import { mapUpdaterError, releaseFromUpdateInfo } from '../updates/updater-errors';
import type { Updater } from '../updates/updater-port';

/**
 * The Updater port on electron-updater's `autoUpdater`, for a generic feed IT hosts.
 *
 * Nothing happens on its own: no automatic download, no install on quit. The core asks, the
 * admin clicks. electron-updater verifies what it downloads the way electron-builder signed it
 * (sha512 from latest.yml; on Windows the publisher name of the certificate, on macOS the code
 * signature through Squirrel.Mac), and that verification is left on.
 */
export function createElectronUpdater(logger: Logger): Updater {
  // electron-updater is CommonJS; its exports are read from the default import.
  const { autoUpdater, CancellationToken } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  // SECURITY: never offer an older version than the one running (a replayed old feed).
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info('updater', { message: String(message) }),
    warn: (message?: unknown) => logger.warn('updater', { message: String(message) }),
    error: (message?: unknown) => logger.error('updater', { message: String(message) }),
  };
  // SECURITY: `verifyUpdateCodeSignature` and `forceDevUpdateConfig` stay at their defaults.
  let feed: string | null = null;

  return {
    async check(feedUrl) {
      if (feed !== feedUrl) {
        autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
        feed = feedUrl;
      }
      try {
        const result = await autoUpdater.checkForUpdates();
        // null: the updater is inactive (an unpackaged build); there is nothing to offer.
        if (!result) return { available: false, release: { version: autoUpdater.currentVersion.version, releaseNotes: null, releaseDate: null } };
        return { available: result.isUpdateAvailable, release: releaseFromUpdateInfo(result.updateInfo) };
      } catch (error) {
        logger.warn('updates: check failed', { error });
        throw mapUpdaterError(error, 'check');
      }
    },

    async download(onProgress, signal) {
      const token = new CancellationToken();
      const abort = () => token.cancel();
      signal.addEventListener('abort', abort, { once: true });
      const listener = (info: ProgressInfo) => onProgress({ percent: info.percent, transferred: info.transferred, total: info.total });
      autoUpdater.on('download-progress', listener);
      try {
        await autoUpdater.downloadUpdate(token);
      } catch (error) {
        if (signal.aborted) throw new AppError('updates.cancelled');
        logger.warn('updates: download failed', { error });
        throw mapUpdaterError(error, 'download');
      } finally {
        autoUpdater.off('download-progress', listener);
        signal.removeEventListener('abort', abort);
      }
    },

    quitAndInstall() {
      // Not silent (the installer shows on Windows), and the new version starts afterwards.
      autoUpdater.quitAndInstall(false, true);
    },
  };
}
