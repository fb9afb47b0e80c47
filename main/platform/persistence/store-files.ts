import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Largest store file the app will parse: 10 MB.
 *
 * Real documents weigh a few kilobytes; anything bigger is damage (or a sync tool's conflict
 * file) and parsing it would freeze the first screen, so it is refused on its size alone.
 */
export const MAX_STORE_BYTES = 10 * 1024 * 1024;

/** Owner-only (`rw-------`): every file the app writes in its data folder is created so. */
export const OWNER_ONLY = 0o600;

/**
 * What a store file on disk turned out to be, before any library touches it.
 *
 * conf's own reader spreads whatever `JSON.parse` returns into an object, so `null` or `42`
 * read as an empty store and `"abc"` as `{0: 'a', ...}`: the app would start from defaults and
 * overwrite the file at the first save. Reading it ourselves first is what makes "never reset
 * silently" true.
 */
export type StoreContent =
  | { kind: 'absent' }
  /** The OS refused to read it (locked, no permission, I/O error): keep it, work in memory. */
  | { kind: 'unreadable'; error: string }
  | { kind: 'damaged'; reason: 'tooLarge' | 'notJson' | 'notAnObject' | 'badVersion' }
  | { kind: 'document'; value: Record<string, unknown>; version: number };

/** The OS error code (`EACCES`, `ENOSPC`...) of a failure, or `unknown`; never a message. */
export function osErrorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code) ? code : 'unknown';
}

/**
 * Reads and checks one store file: size first, then UTF-8 (a leading BOM is accepted), then JSON
 * that is a plain object whose `schemaVersion`, when present, is a whole number.
 *
 * PowerShell's `Set-Content -Encoding UTF8` and old Notepad write a BOM; an admin who fixed a
 * setting by hand must not lose the file for it. A file without `schemaVersion` is version 0
 * (the preview builds).
 */
export function readStoreFile(path: string): StoreContent {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return { kind: 'unreadable', error: 'EISDIR' };
    size = stats.size;
  } catch (error) {
    return osErrorCode(error) === 'ENOENT' ? { kind: 'absent' } : { kind: 'unreadable', error: osErrorCode(error) };
  }
  if (size > MAX_STORE_BYTES) return { kind: 'damaged', reason: 'tooLarge' };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { kind: 'unreadable', error: osErrorCode(error) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'damaged', reason: 'notJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'damaged', reason: 'notAnObject' };
  const document = value as Record<string, unknown>;
  const version = document.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return { kind: 'damaged', reason: 'badVersion' };
  return { kind: 'document', value: document, version };
}

/** conf's deserializer with a leading UTF-8 BOM accepted, like {@link readStoreFile}. */
export function parseStoreText(text: string): Record<string, unknown> {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

/**
 * A temporary name in atomically's own format, `<file>.tmp-<10 digits><6 hex>`
 * (node_modules/atomically/dist/utils/temp.js), so one cleaning rule covers both.
 */
function temporaryName(fileName: string): string {
  return `${fileName}.tmp-${Date.now().toString().slice(-10)}${randomBytes(3).toString('hex')}`;
}

const TEMPORARY = /^\.tmp-\d{10}[a-f0-9]{6}$/;

/**
 * Deletes the temporary files a crash left beside one store file, and returns their names.
 *
 * conf writes through atomically: a temp file beside the target, then a rename. A crash (or a
 * power cut) between the two leaves `<file>.tmp-…` behind for ever; the target itself is intact,
 * so the leftover holds nothing the app needs. Only names in atomically's exact format are
 * touched, and only while this copy of the app holds the single-instance lock.
 */
export function removeLeftoverTemporaryFiles(dataDir: string, fileName: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(fileName) || !TEMPORARY.test(name.slice(fileName.length))) continue;
    try {
      unlinkSync(join(dataDir, name));
      removed.push(name);
    } catch {
      // Locked by a scanner right now: the next start tries again; it harms nobody meanwhile.
    }
  }
  return removed;
}

/**
 * Tries to create (and removes) a file beside the store; returns the OS error code, or null.
 *
 * Asking the OS is the only test that holds everywhere: `access(W_OK)` ignores Windows ACLs and
 * root's view of a read-only mount. Done with plain fs (no retries), so a read-only folder is
 * found in a millisecond instead of the second atomically spends retrying each refused write.
 */
export function probeWritable(dataDir: string, fileName: string): string | null {
  const probe = join(dataDir, temporaryName(fileName));
  try {
    mkdirSync(dataDir, { recursive: true });
    closeSync(openSync(probe, 'wx', OWNER_ONLY));
  } catch (error) {
    return osErrorCode(error);
  }
  try {
    unlinkSync(probe);
  } catch {
    // Written but not removable: the next start's cleaning removes it (same name format).
  }
  return null;
}
