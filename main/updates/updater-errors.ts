import { AppError } from '../../shared/errors/index';
import type { UpdateRelease } from '../../shared/model/updates/updates';

/** The fields of electron-updater's UpdateInfo this app shows. */
export interface UpdateInfoLike {
  readonly version: string;
  readonly releaseNotes?: string | readonly { readonly version: string; readonly note?: string | null }[] | null;
  readonly releaseDate?: string | null;
}

const MALFORMED = new Set([
  'ERR_UPDATER_INVALID_UPDATE_INFO',
  'ERR_UPDATER_INVALID_VERSION',
  'ERR_UPDATER_NO_FILES_PROVIDED',
  'ERR_UPDATER_NO_CHECKSUM',
  'ERR_UPDATER_INVALID_RELEASE_FEED',
  'ERR_UPDATER_ZIP_FILE_NOT_FOUND',
  'ERR_UPDATER_ASSET_NOT_FOUND',
]);
const NOT_FOUND = new Set(['ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'ERR_UPDATER_LATEST_VERSION_NOT_FOUND', 'ERR_UPDATER_NO_PUBLISHED_VERSIONS', 'ERR_UPDATER_RELEASE_NOT_FOUND']);

/**
 * Turns what electron-updater throws into one of the area's codes.
 *
 * Its errors are English prose with a `code` (or an HTTP `statusCode`); the prose stays in the
 * log, the renderer gets the code. Kept apart from main/app so it is tested on Node.
 */
export function mapUpdaterError(error: unknown, during: 'check' | 'download'): AppError {
  if (error instanceof AppError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown; name?: unknown };
  const code = typeof shape.code === 'string' ? shape.code : '';
  if (shape.name === 'CancellationError') return new AppError('updates.cancelled');
  if (code === 'ERR_CHECKSUM_MISMATCH') return new AppError('updates.checksumMismatch');
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return new AppError('updates.signatureInvalid');
  if (MALFORMED.has(code)) return new AppError('updates.feedMalformed');
  if (NOT_FOUND.has(code)) return new AppError('updates.feedUnreachable', { status: 404 });
  if (typeof shape.statusCode === 'number') return new AppError('updates.feedUnreachable', { status: shape.statusCode });
  return during === 'download' ? new AppError('updates.downloadInterrupted', {}) : new AppError('updates.feedUnreachable', { status: 0 });
}

/**
 * What the banner shows of a release: plain text notes, whatever the feed wrote.
 *
 * Notes may be HTML (GitHub) or a list per version; the banner renders text only, so tags are
 * dropped here rather than ever reaching the page as markup.
 */
export function releaseFromUpdateInfo(info: UpdateInfoLike): UpdateRelease {
  const notes = info.releaseNotes;
  const text = notes == null ? null : typeof notes === 'string' ? notes : notes.map((entry) => `${entry.version}: ${entry.note ?? ''}`.trim()).join('\n');
  return {
    version: info.version.slice(0, 100),
    releaseNotes: text === null ? null : text.replace(/<[^>]*>/g, '').slice(0, 20_000),
    releaseDate: info.releaseDate ? info.releaseDate.slice(0, 100) : null,
  };
}
