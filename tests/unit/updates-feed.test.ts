import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from './helpers/rejection';
import { AppError } from '../../shared/errors/index';
import { createNodeFeedUpdater, type NodeFeedUpdater } from '../../main/updates/node-feed-client';
import type { UpdateDownloadProgress } from '../../main/updates/updater-port';
import { mapUpdaterError, releaseFromUpdateInfo } from '../../main/updates/updater-errors';
import { startUpdateFeed, type UpdateFeed } from '../e2e/harness/update-feed';

const never = () => new AbortController().signal;


describe('the Node feed client (electron-builder generic feed)', () => {
  let feed: UpdateFeed;
  let dir: string;
  let updater: NodeFeedUpdater;

  beforeEach(async () => {
    feed = await startUpdateFeed({ size: 256 * 1024 });
    dir = mkdtempSync(join(tmpdir(), 'wcsa-update-'));
    updater = createNodeFeedUpdater({ currentVersion: '0.1.0', platform: 'win32', downloadDir: dir });
  });
  afterEach(async () => {
    await feed.close();
  });

  it('finds a newer version with its notes and date', async () => {
    const result = await updater.check(feed.url, never());
    expect(result).toEqual({ available: true, release: { version: '9.1.0', releaseNotes: 'Faster checks of message templates.', releaseDate: '2026-03-02T09:00:00.000Z' } });
    expect(feed.requests()).toEqual(['/latest.yml']);
  });

  it('reads latest-mac.yml on macOS', async () => {
    const mac = createNodeFeedUpdater({ currentVersion: '0.1.0', platform: 'darwin', downloadDir: dir });
    await mac.check(`${feed.url}/`, never());
    expect(feed.requests()).toEqual(['/latest-mac.yml']);
  });

  it('downloads with rising progress and keeps the verified file', async () => {
    await updater.check(feed.url, never());
    const seen: UpdateDownloadProgress[] = [];
    await updater.download((progress) => seen.push(progress), never());
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ percent: 100, transferred: feed.payload.length, total: feed.payload.length });
    expect(seen.map((p) => p.transferred)).toEqual([...seen.map((p) => p.transferred)].sort((a, b) => a - b));
    const saved = updater.downloadedFile();
    expect(saved).toBe(join(dir, feed.fileName));
    expect(readFileSync(saved ?? '').equals(feed.payload)).toBe(true);
  });

  it('offers nothing when the feed has the same or an older version', async () => {
    feed.setMode('not-available');
    const result = await updater.check(feed.url, never());
    expect(result.available).toBe(false);
    expect((await rejection(updater.download(() => undefined, never()))).code).toBe('updates.nothingToDownload');
  });

  it('reports a feed that is not YAML as malformed', async () => {
    feed.setMode('malformed');
    expect((await rejection(updater.check(feed.url, never()))).code).toBe('updates.feedMalformed');
  });

  it('reports a missing latest.yml and a closed port as unreachable, with the status', async () => {
    feed.setMode('missing');
    expect(await rejection(updater.check(feed.url, never()))).toMatchObject({ code: 'updates.feedUnreachable', params: { status: 404 } });
    const url = feed.url;
    await feed.close();
    expect(await rejection(updater.check(url, never()))).toMatchObject({ code: 'updates.feedUnreachable', params: { status: 0 } });
  });

  it('refuses an interrupted download and deletes the partial file', async () => {
    await updater.check(feed.url, never());
    feed.setMode('interrupt');
    expect((await rejection(updater.download(() => undefined, never()))).code).toBe('updates.downloadInterrupted');
    expect(readdirSync(dir)).toEqual([]);
    expect(updater.downloadedFile()).toBeNull();
  });

  it('refuses a file whose sha512 differs from latest.yml and deletes it', async () => {
    feed.setMode('bad-checksum');
    await updater.check(feed.url, never());
    expect((await rejection(updater.download(() => undefined, never()))).code).toBe('updates.checksumMismatch');
    expect(readdirSync(dir)).toEqual([]);
    expect(() => updater.quitAndInstall()).toThrow(AppError);
    expect(updater.installRequests()).toEqual([]);
  });

  it('stops on cancel and keeps nothing', async () => {
    await updater.check(feed.url, never());
    feed.holdHalfway();
    const controller = new AbortController();
    const download = updater.download(() => undefined, controller.signal);
    await feed.halfwaySent();
    controller.abort();
    expect((await rejection(download)).code).toBe('updates.cancelled');
    expect(existsSync(join(dir, `${feed.fileName}.part`))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('records an install request only for a verified download', async () => {
    await updater.check(feed.url, never());
    await updater.download(() => undefined, never());
    updater.quitAndInstall();
    expect(updater.installRequests()).toEqual([join(dir, feed.fileName)]);
  });
});

describe("electron-updater's errors and release info", () => {
  it('map to the area codes, never to its prose', () => {
    const coded = (code: string) => Object.assign(new Error('some English text'), { code });
    expect(mapUpdaterError(coded('ERR_CHECKSUM_MISMATCH'), 'download').code).toBe('updates.checksumMismatch');
    expect(mapUpdaterError(coded('ERR_UPDATER_INVALID_SIGNATURE'), 'download').code).toBe('updates.signatureInvalid');
    expect(mapUpdaterError(coded('ERR_UPDATER_INVALID_UPDATE_INFO'), 'check').code).toBe('updates.feedMalformed');
    expect(mapUpdaterError(coded('ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'), 'check')).toMatchObject({ code: 'updates.feedUnreachable', params: { status: 404 } });
    expect(mapUpdaterError(Object.assign(new Error('x'), { statusCode: 503 }), 'check')).toMatchObject({ code: 'updates.feedUnreachable', params: { status: 503 } });
    expect(mapUpdaterError(coded('ECONNRESET'), 'download').code).toBe('updates.downloadInterrupted');
    expect(mapUpdaterError(Object.assign(new Error('cancelled'), { name: 'CancellationError' }), 'download').code).toBe('updates.cancelled');
  });

  it('turn HTML or per-version notes into plain text', () => {
    expect(releaseFromUpdateInfo({ version: '2.0.0', releaseNotes: '<p>Fixes <b>login</b></p>', releaseDate: '2026-01-01' })).toEqual({ version: '2.0.0', releaseNotes: 'Fixes login', releaseDate: '2026-01-01' });
    expect(releaseFromUpdateInfo({ version: '2.0.0', releaseNotes: [{ version: '2.0.0', note: 'A' }, { version: '1.9.0', note: null }] }).releaseNotes).toBe('2.0.0: A\n1.9.0:');
  });
});
