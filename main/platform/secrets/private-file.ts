import { writeFileAtomic } from '../persistence/atomic-write';

/**
 * Writes a file only its owner can read, atomically.
 *
 * SECURITY: 0600 from the temporary file's creation and again on the final file, so a secret is
 * never readable by others, even for an instant; a crash leaves the old file or the new one.
 */
export function writePrivateFile(path: string, text: string): void {
  writeFileAtomic(path, text, { mode: 0o600 });
}
