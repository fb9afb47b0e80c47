import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_INTERVAL_MS, MAX_INTERVAL_MS, OFFLINE_PROBE_MS } from '../../main/status/cadence';
import { bench, closeBench, CONNECTED_NUMBER, openBench, PENDING_NUMBER, WABA, WORKSPACE } from './helpers/status-bench';

/**
 * The status board's background checks, on a clock the test moves, against the simulated Meta:
 * how often they ask, what they tell, and how they wait when Meta or the network says so.
 */

beforeEach(openBench);
afterEach(closeBench);

describe('status checks', () => {
  it('read the account at once in one batched call, plus the webhook subscription, and tell nothing the first time', async () => {
    const app = bench();
    app.status.update();
    const board = await app.settled();
    expect(app.callsSince()).toEqual([
      { method: 'GET', path: `/${WABA}` },
      { method: 'GET', path: `/${WABA}/subscribed_apps` },
    ]);
    expect(board).toMatchObject({ wabaId: WABA, accountName: 'Contoso Support', lastCheckedAt: '2026-03-02T09:00:00.000Z', lastError: null, unread: 0 });
    expect(board.numbers.map((number) => [number.id, number.nameStatus, number.status])).toEqual([
      [CONNECTED_NUMBER, 'APPROVED', 'CONNECTED'],
      [PENDING_NUMBER, 'PENDING_REVIEW', 'PENDING'],
    ]);
    expect(board.subscription).toEqual({ value: { subscribed: true, apps: [expect.any(String)] }, readAt: '2026-03-02T09:00:00.000Z' });
    expect(board.polling).toEqual({ state: 'scheduled', reason: null, nextCheckAt: '2026-03-02T09:02:00.000Z', resumesAt: null });
    expect(app.shown).toEqual([]);
    expect(app.status.templates().templates?.value.find((template) => template.name === 'black_friday_promo')).toMatchObject({ status: 'REJECTED', rejectedReason: 'INCORRECT_CATEGORY' });
  });

  it('ask less often while nothing changes, exactly one Graph call per check, and come back to two minutes after a change', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.callsSince();
    const waits: number[] = [];
    for (let check = 0; check < 4; check += 1) {
      const [wait] = app.clock.waits();
      waits.push(wait!);
      app.clock.advance(wait!);
      await app.settled();
      expect(app.callsSince()).toEqual([{ method: 'GET', path: `/${WABA}` }]);
    }
    expect(waits).toEqual([FIRST_INTERVAL_MS, 180_000, 270_000, 405_000]);

    app.simulator.setNameStatus(PENDING_NUMBER, 'APPROVED');
    app.clock.advance(app.clock.waits()[0]!);
    const board = await app.settled();
    expect(board.numbers.find((number) => number.id === PENDING_NUMBER)?.nameStatus).toBe('APPROVED');
    expect(app.clock.waits()).toEqual([FIRST_INTERVAL_MS]);
  });

  it('grow the wait to fifteen minutes at most', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    for (let check = 0; check < 9; check += 1) {
      app.clock.advance(app.clock.waits()[0]!);
      await app.settled();
    }
    expect(app.clock.waits()).toEqual([MAX_INTERVAL_MS]);
  });

  it('tell an approved display name once: desktop notification, inbox and event, not again after a restart', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.simulator.setNameStatus(PENDING_NUMBER, 'APPROVED');
    app.clock.advance(FIRST_INTERVAL_MS);
    await app.settled();
    expect(app.shown).toEqual([
      { tag: `status:${WORKSPACE}:${PENDING_NUMBER}:nameApproved`, title: 'Display name approved', body: '+33 1 84 88 00 42: Meta approved the display name \u201cContoso Ventes\u201d.' },
    ]);
    expect(app.status.notifications()).toEqual([expect.objectContaining({ kind: 'nameApproved', phoneNumberId: PENDING_NUMBER, from: 'PENDING_REVIEW', to: 'APPROVED', read: false })]);
    expect(app.events.filter(({ event }) => event === 'status:notified')).toHaveLength(1);
    expect(app.board().unread).toBe(1);

    const restarted = app.restart();
    restarted.update();
    await app.settled();
    expect(app.shown).toHaveLength(1);
    expect(restarted.notifications()).toHaveLength(1);

    expect(restarted.markRead('all').every((notification) => notification.read)).toBe(true);
    expect(restarted.board().unread).toBe(0);
  });

  it('tell after a restart what changed while the app was closed', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.status.stop();
    app.simulator.setQuality(PENDING_NUMBER, 'YELLOW');
    app.simulator.setTemplateStatus('500000000000003', 'APPROVED');
    app.restart().update();
    await app.settled();
    expect(app.shown.map((notification) => notification.title)).toEqual(['Quality rating changed', 'Message template status changed']);
  });

  it('pause while Meta throttles, until the time it gives, without a single call, then resume', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.callsSince();
    app.simulator.faults.arm('rateLimit', { minutes: 5 });
    app.clock.advance(FIRST_INTERVAL_MS);
    const paused = await app.settled();
    expect(paused.polling).toEqual({ state: 'paused', reason: 'rateLimited', nextCheckAt: '2026-03-02T09:07:00.000Z', resumesAt: '2026-03-02T09:07:00.000Z' });
    expect(paused.lastError).toMatchObject({ code: 'meta.rateLimited', params: { retryAfterMinutes: 5, retryAt: '2026-03-02T09:07:00.000Z' } });
    // The last reading stays on the board with its time.
    expect(paused.numbers).toHaveLength(2);
    expect(paused.lastCheckedAt).toBe('2026-03-02T09:00:00.000Z');
    app.callsSince();

    await expect(app.status.refresh()).rejects.toMatchObject({ code: 'meta.rateLimited', params: { retryAt: '2026-03-02T09:07:00.000Z' } });
    // A restart waits too: the time Meta gave is kept.
    app.restart().update();
    expect(app.board().polling.reason).toBe('rateLimited');
    app.clock.advance(5 * 60_000 - 1);
    expect(app.callsSince()).toEqual([]);

    app.clock.advance(1);
    const resumed = await app.settled();
    // The first check since the restart reads the webhook subscription as well.
    expect(app.callsSince()).toEqual([
      { method: 'GET', path: `/${WABA}` },
      { method: 'GET', path: `/${WABA}/subscribed_apps` },
    ]);
    expect(resumed).toMatchObject({ lastError: null, lastCheckedAt: '2026-03-02T09:07:00.000Z', polling: { state: 'scheduled', reason: null } });
  });

  it('pause offline, try the network every minute, and read again once it is back', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.network.up = false;
    app.clock.advance(FIRST_INTERVAL_MS);
    const offline = await app.settled();
    expect(offline.polling).toEqual({ state: 'paused', reason: 'offline', nextCheckAt: '2026-03-02T09:03:00.000Z', resumesAt: null });
    expect(offline.lastError?.code).toBe('meta.network');
    expect(offline.numbers).toHaveLength(2);
    app.callsSince();

    app.clock.advance(OFFLINE_PROBE_MS);
    expect((await app.settled()).polling.reason).toBe('offline');
    expect(app.clock.waits()).toEqual([OFFLINE_PROBE_MS]);

    app.network.up = true;
    app.clock.advance(OFFLINE_PROBE_MS);
    const back = await app.settled();
    expect(app.callsSince()).toEqual([{ method: 'GET', path: `/${WABA}` }]);
    expect(back).toMatchObject({ lastError: null, polling: { state: 'scheduled', reason: null } });
  });

  it('back off with growing waits while Meta fails, and keep the pace once it answers', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.simulator.faults.arm('transient', { sticky: true });
    const waits: number[] = [];
    for (let failure = 0; failure < 3; failure += 1) {
      app.clock.advance(app.clock.waits()[0]!);
      const board = await app.settled();
      expect(board.polling.reason).toBe('failing');
      waits.push(app.clock.waits()[0]!);
    }
    // `random` is 1 here: the whole ceiling, doubling from 30 seconds.
    expect(waits).toEqual([30_000, 60_000, 120_000]);
    app.simulator.faults.reset();
    app.clock.advance(waits[2]!);
    expect((await app.settled()).polling).toMatchObject({ state: 'scheduled', reason: null });
  });

  it('pause when Meta refuses the token, and check at once when the admin is back', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.simulator.faults.arm('expireToken');
    app.clock.advance(FIRST_INTERVAL_MS);
    const refused = await app.settled();
    expect(refused.polling).toEqual({ state: 'paused', reason: 'needsLogin', nextCheckAt: null, resumesAt: null });
    expect(app.clock.waits()).toEqual([]);

    app.session.login();
    app.callsSince();
    app.status.update();
    await app.settled();
    expect(app.callsSince()).toEqual([
      { method: 'GET', path: `/${WABA}` },
      { method: 'GET', path: `/${WABA}/subscribed_apps` },
    ]);
  });

  it('stay off without an account chosen in step 2, and say so on Refresh', async () => {
    const app = bench({ wabaId: null });
    app.status.update();
    expect(app.board().polling).toEqual({ state: 'off', reason: 'noAccount', nextCheckAt: null, resumesAt: null });
    await expect(app.status.refresh()).rejects.toMatchObject({ code: 'meta.account.noSelection' });
    expect(app.callsSince()).toEqual([]);
    expect(app.clock.waits()).toEqual([]);
  });

  it('read again on Refresh, the subscription included, and start the two-minute pace again', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.clock.advance(FIRST_INTERVAL_MS);
    await app.settled();
    app.callsSince();
    app.clock.advance(30_000);
    const board = await app.status.refresh();
    expect(app.callsSince()).toEqual([
      { method: 'GET', path: `/${WABA}` },
      { method: 'GET', path: `/${WABA}/subscribed_apps` },
    ]);
    expect(board.lastCheckedAt).toBe('2026-03-02T09:02:30.000Z');
    expect(app.clock.waits()).toEqual([FIRST_INTERVAL_MS]);
  });

  it('follow the workspace on screen: another one without an account stops the checks, coming back checks again at once', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.callsSince();
    app.openWorkspace('11111111-1111-4111-8111-111111111111');
    expect(app.board()).toMatchObject({ wabaId: null, numbers: [], lastCheckedAt: null, polling: { state: 'off', reason: 'noAccount' } });
    expect(app.clock.waits()).toEqual([]);
    app.clock.advance(MAX_INTERVAL_MS);
    expect(app.callsSince()).toEqual([]);

    app.openWorkspace(WORKSPACE);
    const back = await app.settled();
    expect(app.callsSince()).toEqual([
      { method: 'GET', path: `/${WABA}` },
      { method: 'GET', path: `/${WABA}/subscribed_apps` },
    ]);
    expect(back.numbers).toHaveLength(2);
    expect(app.shown).toEqual([]);
  });
});
