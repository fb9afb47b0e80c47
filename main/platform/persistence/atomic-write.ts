import { chmodSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { writeFileSync } from 'atomically';
import { removeLeftoverTemporaryFiles } from './store-files';

/**
 * Writes a whole file atomically: the old content or the new, never half of either.
 *
 * atomically (the library conf itself writes with) writes a temporary file beside the target,
 * fsyncs it and renames it over the target, and removes the temporary file if anything fails.
 * Every file the app writes outside conf's stores goes through here, owner-only by default.
 */
export function writeFileAtomic(path: string, text: string, options: { mode?: number } = {}): void {
  // SECURITY: owner-only unless a caller says otherwise: the data folder names the admin's accounts.
  const mode = options.mode ?? 0o600;
  try {
    writeFileSync(path, text, { mode, chown: false, encoding: 'utf8' });
  } catch (error) {
    // atomically purges its temporary file only later (or at exit) when the rename fails; a
    // refused write must not leave a stray copy of the text beside the target meanwhile.
    removeLeftoverTemporaryFiles(dirname(path), basename(path));
    throw error;
  }
  // The library's own chmod may be refused silently on some file systems: say it again.
  chmodSync(path, mode);
}

/**
 * Replaces a store document: the tab-indented JSON conf itself writes, through {@link writeFileAtomic}.
 *
 * What the store openers write with instead of conf's `store` setter, which first reads and parses
 * the whole file again to carry over its `__internal__` key (the bookkeeping of conf's own
 * migrations, which this app never runs): on a large drafts file that doubled every save. Same
 * bytes, same atomic write (temp file, fsync, rename), owner-only, so conf reads the file as its own.
 */
export function writeStoreDocument(path: string, value: Record<string, unknown>): void {
  writeFileAtomic(path, JSON.stringify(value, undefined, '\t'));
}
