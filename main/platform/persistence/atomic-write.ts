import { chmodSync } from 'node:fs';
import { writeFileSync } from 'atomically';

/**
 * Writes a whole file atomically: the old content or the new, never half of either.
 *
 * atomically (the library conf itself writes with) writes a temporary file beside the target,
 * fsyncs it and renames it over the target, and removes the temporary file if anything fails.
 * Every file the app writes outside conf's stores goes through here.
 */
export function writeFileAtomic(path: string, text: string, options: { mode?: number } = {}): void {
  writeFileSync(path, text, { ...(options.mode === undefined ? {} : { mode: options.mode }), chown: false, encoding: 'utf8' });
  // The library's own chmod may be refused silently on some file systems: say it again.
  if (options.mode !== undefined) chmodSync(path, options.mode);
}
