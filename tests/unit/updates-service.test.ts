import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from './helpers/rejection';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import { createNodeFeedUpdater, type NodeFeedUpdater } from '../../main/updates/node-feed-client';
import { UPDATE_POLICY_FILE } from '../../main/updates/policy';
import type { EventName } from '../../shared/ipc/contract/index';
import type { UpdatesStatus } from '../../shared/model/updates/updates';
import { startUpdateFeed, type UpdateFeed } from '../e2e/harness/update-feed';

const never = () => new AbortController().signal;

/** The real services on Node adapters, with the Node feed client and a record of events. */
function boot(dataDir: string) {
  const changes: UpdatesStatus[] = [];
  const updater: NodeFeedUpdater = createNodeFeedUpdater({ currentVersion: '0.1.0', platform: 'linux', downloadDir: join(dataDir, 'pending-update') });
  const adapters = createNodeAdapters({
    dataDir,
    locale: 'en-US',
    updater,
    emit: (event: EventName, payload: unknown) => {
      if (event === 'updates:changed') changes.push(payload as UpdatesStatus);
    },
  });
  const services = createServices(adapters);
  return { updates: services.updates, changes, updater };
}

const writePolicy = (dataDir: string, policy: unknown) => writeFileSync(join(dataDir, UPDATE_POLICY_FILE), JSON.stringify(policy));


describe('the updates service', () => {
  let feed: UpdateFeed;
  let dataDir: string;

  beforeEach(async () => {
    feed = await startUpdateFeed({ size: 128 * 1024 });
    dataDir = mkdtempSync(join(tmpdir(), 'wcsa-updates-'));
  });
  afterEach(async () => {
    await feed.close();
  });

  it('does nothing at start without a feed, and says there is none on Check now', async () => {
    const { updates } = boot(dataDir);
    expect(updates.status().state).toEqual({ kind: 'idle' });
    expect((await rejection(updates.check())).code).toBe('updates.noFeed');
    expect(feed.requests()).toEqual([]);
  });

  it('checks, saves the settings and the time of the check, and announces the version', async () => {
    const { updates, changes } = boot(dataDir);
    updates.setSettings({ feedUrl: `${feed.url}/`, checkAtStart: false });
    const status = await updates.check();
    expect(status.state).toMatchObject({ kind: 'available', release: { version: '9.1.0', releaseNotes: 'Faster checks of message templates.' } });
    expect(status.lastCheckedAt).not.toBeNull();
    expect(changes.map((change) => change.state.kind)).toEqual(['idle', 'checking', 'available']);
    const saved = JSON.parse(readFileSync(join(dataDir, 'updates.json'), 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ schemaVersion: 1, feedUrl: feed.url, checkAtStart: false });
  });

  it('checks at start when a feed is saved and the switch is on', async () => {
    writeFileSync(join(dataDir, 'updates.json'), JSON.stringify({ schemaVersion: 1, feedUrl: feed.url, checkAtStart: true, lastCheckedAt: null }));
    const { changes } = boot(dataDir);
    await expect.poll(() => changes.at(-1)?.state.kind).toBe('available');
  });

  it('does not check at start when the switch is off', async () => {
    writeFileSync(join(dataDir, 'updates.json'), JSON.stringify({ schemaVersion: 1, feedUrl: feed.url, checkAtStart: false, lastCheckedAt: null }));
    const { updates } = boot(dataDir);
    await updates.checkAtStart();
    expect(feed.requests()).toEqual([]);
  });

  it('says when the feed has nothing newer', async () => {
    feed.setMode('not-available');
    const { updates } = boot(dataDir);
    updates.setSettings({ feedUrl: feed.url });
    expect((await updates.check()).state).toEqual({ kind: 'not-available' });
  });

  it('reports a malformed feed in the state, so the UI can offer Retry', async () => {
    feed.setMode('malformed');
    const { updates } = boot(dataDir);
    updates.setSettings({ feedUrl: feed.url });
    expect((await updates.check()).state).toEqual({ kind: 'error', error: { code: 'updates.feedMalformed', params: {} }, during: 'check', release: null });
    feed.setMode('available');
    expect((await updates.check()).state.kind).toBe('available');
  });

  it('refuses a feed over plain http to another machine, and keeps the saved one', () => {
    const { updates } = boot(dataDir);
    updates.setSettings({ feedUrl: 'https://updates.example.com/wcsa' });
    expect(() => updates.setSettings({ feedUrl: 'http://updates.example.com/wcsa' })).toThrow(expect.objectContaining({ code: 'updates.invalid', params: { field: 'feedUrl', message: 'validation.feedUrl' } }));
    expect(updates.status().settings.feedUrl).toBe('https://updates.example.com/wcsa');
  });

  it('downloads with progress, then installs only when asked', async () => {
    const { updates, changes, updater } = boot(dataDir);
    updates.setSettings({ feedUrl: feed.url });
    await updates.check();
    expect(() => updates.install()).toThrow(expect.objectContaining({ code: 'updates.notDownloaded' }));
    const result = await updates.download(never());
    expect(result.release.version).toBe('9.1.0');
    const downloading = changes.filter((change) => change.state.kind === 'downloading');
    expect(downloading.length).toBeGreaterThan(1);
    expect(updates.status().state.kind).toBe('downloaded');
    expect(updater.installRequests()).toEqual([]);
    expect(updates.install()).toEqual({ installing: true });
    expect(updater.installRequests()).toHaveLength(1);
  });

  it('keeps the version on offer after an interrupted download, and Retry completes it', async () => {
    const { updates } = boot(dataDir);
    updates.setSettings({ feedUrl: feed.url });
    await updates.check();
    feed.setMode('interrupt');
    expect((await rejection(updates.download(never()))).code).toBe('updates.downloadInterrupted');
    expect(updates.status().state).toMatchObject({ kind: 'error', during: 'download', error: { code: 'updates.downloadInterrupted' }, release: { version: '9.1.0' } });
    feed.setMode('available');
    await updates.download(never());
    expect(updates.status().state.kind).toBe('downloaded');
  });

  it('refuses a bad checksum and never offers it for install', async () => {
    feed.setMode('bad-checksum');
    const { updates, updater } = boot(dataDir);
    updates.setSettings({ feedUrl: feed.url });
    await updates.check();
    expect((await rejection(updates.download(never()))).code).toBe('updates.checksumMismatch');
    expect(() => updates.install()).toThrow(expect.objectContaining({ code: 'updates.notDownloaded' }));
    expect(updater.installRequests()).toEqual([]);
  });

  it('goes back to "available" when the download is cancelled', async () => {
    const { updates } = boot(dataDir);
    updates.setSettings({ feedUrl: feed.url });
    await updates.check();
    feed.holdHalfway();
    const controller = new AbortController();
    const download = updates.download(controller.signal);
    await feed.halfwaySent();
    controller.abort();
    expect((await rejection(download)).code).toBe('updates.cancelled');
    expect(updates.status().state).toMatchObject({ kind: 'available', release: { version: '9.1.0' } });
  });

  describe("the organisation's policy", () => {
    it('turns updates off: no check, not even at start, and the status says why', async () => {
      writeFileSync(join(dataDir, 'updates.json'), JSON.stringify({ schemaVersion: 1, feedUrl: feed.url, checkAtStart: true, lastCheckedAt: null }));
      writePolicy(dataDir, { enabled: false });
      const { updates } = boot(dataDir);
      await updates.checkAtStart();
      expect((await rejection(updates.check())).code).toBe('updates.disabledByPolicy');
      expect(feed.requests()).toEqual([]);
      expect(updates.status()).toMatchObject({ policy: { state: 'valid', enabled: false }, effective: { enabled: false } });
    });

    it("sets the feed over the admin's, and refuses the admin's change to it", async () => {
      writePolicy(dataDir, { feedUrl: feed.url });
      const { updates } = boot(dataDir);
      expect(updates.status().effective).toMatchObject({ feedUrl: feed.url, feedFromPolicy: true, enabled: true });
      expect(() => updates.setSettings({ feedUrl: 'https://elsewhere.example.com' })).toThrow(expect.objectContaining({ code: 'updates.lockedByPolicy', params: { field: 'feedUrl' } }));
      expect((await updates.check()).state.kind).toBe('available');
    });

    it('fails closed when the policy file cannot be read', async () => {
      writeFileSync(join(dataDir, UPDATE_POLICY_FILE), '{ "enabled": tru');
      const { updates } = boot(dataDir);
      updates.setSettings({ feedUrl: feed.url });
      expect((await rejection(updates.check())).code).toBe('updates.policyInvalid');
      expect(updates.status()).toMatchObject({ policy: { state: 'invalid' }, effective: { enabled: false } });
      expect(feed.requests()).toEqual([]);
    });

    it('is read again on each use, so IT can turn updates off without a restart', async () => {
      const { updates } = boot(dataDir);
      updates.setSettings({ feedUrl: feed.url });
      await updates.check();
      writePolicy(dataDir, { enabled: false });
      expect((await rejection(updates.download(never()))).code).toBe('updates.disabledByPolicy');
    });
  });
});
