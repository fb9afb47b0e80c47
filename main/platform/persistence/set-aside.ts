import { chmodSync, constants, copyFileSync, existsSync, renameSync } from 'node:fs';
import { OWNER_ONLY } from './store-files';

/** `20261124T135501` — sortable, and legal in file names on Windows. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

/** `path`, or `path-2`, `path-3`… when a file set aside earlier already has that name. */
export function freePath(path: string): string {
  let candidate = path;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${path}-${n}`;
  return candidate;
}

/**
 * Moves (or copies) a file out of the way as `<file>.<label>-<time>` and returns where it went.
 *
 * The one way the app keeps a file it cannot use: never deleted, never overwriting a copy set
 * aside earlier in the same second, so the admin (or support) can always get it back.
 * `label` says why: `corrupt`, `undecryptable`, `newer`, `backup-v1`, `migrated`...
 * Throws the OS error when the file cannot be moved or copied (locked, read-only folder, disk
 * full); the caller then leaves the original where it is and must not write over it.
 */
export function setAside(path: string, label: string, now: Date, how: 'move' | 'copy' = 'move'): string {
  const target = freePath(`${path}.${label}-${fileTimestamp(now)}`);
  if (how === 'move') renameSync(path, target);
  // EXCL: a copy never replaces a file that appeared since freePath looked.
  else copyFileSync(path, target, constants.COPYFILE_EXCL);
  try {
    // SECURITY: a kept copy holds what the store held (and the vault's ciphertext): owner-only,
    // whatever mode the original had before this release created files 0600.
    chmodSync(target, OWNER_ONLY);
  } catch {
    // The file is already kept; failing here must not make the caller believe it was not.
  }
  return target;
}
