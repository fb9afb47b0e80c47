import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { AppError } from '../../shared/errors/index';
import { isAcceptableFeedUrl, type UpdateRelease } from '../../shared/model/updates/updates';
import type { UpdateCheckResult, UpdateDownloadProgress, Updater } from './updater-port';

/** How long latest.yml may take to arrive. */
const FEED_TIMEOUT_MS = 15_000;

/** One file of latest.yml as electron-builder writes it (sha512 is base64). */
const FeedFile = z.object({
  url: z.string().min(1).max(1000),
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  size: z.number().int().positive().optional(),
});

const ReleaseNoteInfo = z.object({ version: z.string(), note: z.string().nullable().optional() });

/** The parts of electron-builder's latest.yml this client reads; the rest is ignored. */
const FeedDocument = z.object({
  version: z.string().refine((value) => semver.valid(value) !== null),
  files: z.array(FeedFile).min(1),
  releaseDate: z.string().optional(),
  releaseNotes: z.union([z.string(), z.array(ReleaseNoteInfo)]).nullable().optional(),
});
type FeedDocument = z.infer<typeof FeedDocument>;
type FeedFile = z.infer<typeof FeedFile>;

/** The channel file electron-builder publishes for this platform. */
export function channelFileName(platform: string): string {
  return platform === 'darwin' ? 'latest-mac.yml' : 'latest.yml';
}

/** The installer this platform's updater would take: the zip on macOS, the exe on Windows. */
function pickFile(files: readonly FeedFile[], platform: string): FeedFile {
  const wanted = platform === 'darwin' ? '.zip' : platform === 'win32' ? '.exe' : '';
  return files.find((file) => wanted !== '' && file.url.toLowerCase().endsWith(wanted)) ?? (files[0] as FeedFile);
}

function notesText(notes: FeedDocument['releaseNotes']): string | null {
  if (notes == null) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((entry) => `${entry.version}: ${entry.note ?? ''}`.trim()).join('\n');
}

interface Options {
  /** The running app's version; only a strictly newer one is offered. */
  currentVersion: string;
  /** `process.platform` of the machine the update is for. */
  platform: string;
  /** Where verified downloads are kept (created when needed). */
  downloadDir: string;
  /** Node's fetch by default; streaming bodies are needed for progress. */
  fetch?: typeof fetch;
  userAgent?: string;
}

/** The Node updater, plus what the tests and the harness inspect. */
export interface NodeFeedUpdater extends Updater {
  /** The verified file, once a download has succeeded. */
  downloadedFile(): string | null;
  /** Every install request received, in order (the harness never really quits). */
  installRequests(): string[];
}

/**
 * An updater that reads electron-builder's generic feed itself, for the tests and the harness.
 *
 * It does what electron-updater does for the same feed, minus the OS signature check: read
 * `<feed>/latest.yml` (`latest-mac.yml` on macOS), compare versions, download the file it names
 * with progress, and keep it only if its sha512 and size match; anything else is deleted.
 */
export function createNodeFeedUpdater(options: Options): NodeFeedUpdater {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = options.userAgent ? { 'user-agent': options.userAgent } : {};
  let found: { feedUrl: string; file: FeedFile; release: UpdateRelease } | null = null;
  let downloaded: string | null = null;
  const installs: string[] = [];

  const cancelled = (signal: AbortSignal) => signal.aborted;

  return {
    async check(feedUrl, signal) {
      // SECURITY: the service validates the feed URL; checked again where it is used.
      if (!isAcceptableFeedUrl(feedUrl)) throw new AppError('updates.feedMalformed');
      const url = `${feedUrl.replace(/\/+$/, '')}/${channelFileName(options.platform)}`;
      let text: string;
      try {
        const response = await doFetch(url, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(FEED_TIMEOUT_MS)]), redirect: 'error' });
        if (response.status !== 200) throw new AppError('updates.feedUnreachable', { status: response.status });
        text = await response.text();
      } catch (error) {
        if (cancelled(signal)) throw new AppError('updates.cancelled');
        if (error instanceof AppError) throw error;
        throw new AppError('updates.feedUnreachable', { status: 0 });
      }
      let raw: unknown;
      try {
        raw = parseYaml(text, { maxAliasCount: 10 });
      } catch {
        throw new AppError('updates.feedMalformed');
      }
      const parsed = FeedDocument.safeParse(raw);
      if (!parsed.success) throw new AppError('updates.feedMalformed');
      const document = parsed.data;
      const release: UpdateRelease = { version: document.version, releaseNotes: notesText(document.releaseNotes), releaseDate: document.releaseDate ?? null };
      const available = semver.gt(document.version, options.currentVersion);
      found = available ? { feedUrl, file: pickFile(document.files, options.platform), release } : null;
      const result: UpdateCheckResult = { available, release };
      return result;
    },

    async download(onProgress, signal) {
      if (!found) throw new AppError('updates.nothingToDownload');
      const { feedUrl, file } = found;
      const fileUrl = new URL(file.url, `${feedUrl}/`);
      // SECURITY: the file must come from the feed's own origin, over the same scheme rules.
      if (fileUrl.origin !== new URL(feedUrl).origin || !isAcceptableFeedUrl(`${fileUrl.origin}${fileUrl.pathname}`)) throw new AppError('updates.feedMalformed');
      // SECURITY: only the last path segment names the file on disk, so `../` cannot escape.
      const name = basename(decodeURIComponent(fileUrl.pathname));
      if (name === '' || name === '.' || name === '..') throw new AppError('updates.feedMalformed');
      mkdirSync(options.downloadDir, { recursive: true });
      const partial = join(options.downloadDir, `${name}.part`);
      const target = join(options.downloadDir, name);
      downloaded = null;

      let out: WriteStream | null = null;
      const discard = async () => {
        if (out) await new Promise<void>((resolve) => out?.end(() => resolve()));
        out = null;
        rmSync(partial, { force: true });
      };

      let transferred = 0;
      const hash = createHash('sha512');
      try {
        let response: Response;
        try {
          response = await doFetch(fileUrl, { headers, signal, redirect: 'error' });
        } catch {
          throw new AppError(cancelled(signal) ? 'updates.cancelled' : 'updates.feedUnreachable', cancelled(signal) ? {} : { status: 0 });
        }
        if (response.status !== 200 || !response.body) throw new AppError('updates.feedUnreachable', { status: response.status });
        const announced = Number(response.headers.get('content-length') ?? 0);
        const total = file.size ?? (Number.isFinite(announced) ? announced : 0);
        out = createWriteStream(partial, { mode: 0o600 });
        const report = (): UpdateDownloadProgress => ({ percent: total > 0 ? Math.min(100, (transferred / total) * 100) : 0, transferred, total });
        onProgress(report());
        // Cancel must end the download even while the server sends nothing (a stalled feed):
        // the read is raced against the signal rather than trusting the body stream to fail.
        const reader = response.body.getReader();
        const stopped = new Promise<never>((_resolve, reject) => {
          const stop = () => {
            void reader.cancel().catch(() => undefined);
            reject(new AppError('updates.cancelled'));
          };
          if (signal.aborted) stop();
          else signal.addEventListener('abort', stop, { once: true });
        });
        stopped.catch(() => undefined);
        try {
          for (;;) {
            const { done, value: bytes } = await Promise.race([reader.read(), stopped]);
            if (done) break;
            transferred += bytes.byteLength;
            hash.update(bytes);
            if (!out.write(bytes)) await new Promise<void>((resolve) => out?.once('drain', () => resolve()));
            onProgress(report());
          }
        } catch {
          throw new AppError(cancelled(signal) ? 'updates.cancelled' : 'updates.downloadInterrupted', { transferred, total });
        }
        if (cancelled(signal)) throw new AppError('updates.cancelled');
        // Fewer bytes than promised is a cut connection; more, or other bytes, a different file.
        if (total > 0 && transferred < total) throw new AppError('updates.downloadInterrupted', { transferred, total });
        const digest = hash.digest('base64');
        // SECURITY: a file whose size or sha512 differs from latest.yml is never kept.
        if ((file.size !== undefined && transferred !== file.size) || digest !== file.sha512) throw new AppError('updates.checksumMismatch');
        await new Promise<void>((resolve, reject) => out?.end((error?: Error | null) => (error ? reject(error) : resolve())));
        out = null;
        renameSync(partial, target);
        downloaded = target;
      } catch (error) {
        await discard();
        if (error instanceof AppError) throw error;
        throw new AppError('updates.downloadInterrupted', { transferred, total: file.size ?? 0 });
      }
    },

    quitAndInstall() {
      if (!downloaded) throw new AppError('updates.notDownloaded');
      installs.push(downloaded);
    },

    downloadedFile: () => downloaded,
    installRequests: () => [...installs],
  };
}
