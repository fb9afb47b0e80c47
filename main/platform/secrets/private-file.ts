import { chmodSync } from 'node:fs';
import { writeFileSync } from 'atomically';

/**
 * Writes a file only its owner can read, atomically.
 *
 * atomically (the library conf itself writes with) writes a temporary file beside the target,
 * fsyncs it and renames it over the target, and removes the temporary file if anything fails, so
 * a crash leaves the old file or the new one, never half of either.
 */
export function writePrivateFile(path: string, text: string): void {
  // SECURITY: 0600 from the temporary file's creation, so the secret is never readable by others, even for an instant.
  writeFileSync(path, text, { mode: 0o600, chown: false, encoding: 'utf8' });
  // SECURITY: and again on the final file, in case the library's own chmod was refused silently.
  chmodSync(path, 0o600);
}
