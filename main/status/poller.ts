import { AppError } from '../../shared/errors/index';
import type { PollingState } from '../../shared/model/status/status';
import type { Clock, Logger, Scheduler } from '../platform/ports';
import { failureWait, FIRST_INTERVAL_MS, nextInterval, OFFLINE_PROBE_MS, rateLimitLifts } from './cadence';

/**
 * Whether there is something to check, as the poller asks each time something changes.
 *
 * `ready` names its target (`key`: the workspace and account); a new key starts again from a
 * first check. `pausedUntil` is a throttle Meta asked for earlier (kept across restarts).
 */
export type PollGate =
  | { readonly kind: 'off'; readonly reason: 'noAccount' | 'notConnected' }
  | { readonly kind: 'needsLogin' }
  | { readonly kind: 'ready'; readonly key: string; readonly pausedUntil: Date | null };

/** The outcome of one check. */
export interface CheckOutcome {
  /** Whether the reading differs from the previous one: the pace comes back to its start. */
  readonly changed: boolean;
}

export interface PollerDeps {
  now: Clock;
  scheduler: Scheduler;
  random: () => number;
  logger: Logger;
  gate(): PollGate;
  /**
   * One check of the account (one Graph call, two with the webhook subscription); throws a coded
   * AppError. Must not apply its reading once `signal` is aborted (the target changed).
   */
  check(options: { subscription: boolean; signal: AbortSignal }): Promise<CheckOutcome>;
  /** The polling state changed (shown on the board). */
  onState(state: PollingState): void;
}

export interface Poller {
  state(): PollingState;
  /** Reads the gate again (workspace, account or session changed) and acts on it. */
  update(): void;
  /**
   * Refresh: checks now and starts the pace again; rejects with the check's error. While Meta
   * asks to wait, it is refused without a call (`meta.rateLimited` with when it lifts).
   */
  checkNow(): Promise<void>;
  /** Meta throttled another call on the same account: no check before `until`. */
  hold(until: Date): void;
  /** Stops every timer and the check under way (quitting). */
  stop(): void;
}

const OFF: PollingState = { state: 'off', reason: 'noAccount', nextCheckAt: null, resumesAt: null };

/**
 * The background checks of the status board, on the cadence of `cadence.ts`.
 *
 * One check at once when there is something to check, then one per interval; failures decide the
 * next wait: offline, the network is probed every minute; throttled, nothing is sent until Meta's
 * time; a refused token pauses until the admin logs in again (`update` on `meta:changed`);
 * anything else backs off with jitter. Time goes through `scheduler`, so tests advance it.
 */
export function createPoller(deps: PollerDeps): Poller {
  const { scheduler } = deps;
  let current: PollingState = OFF;
  let timer: unknown = null;
  /** The target checked; null while there is none. */
  let key: string | null = null;
  let interval = FIRST_INTERVAL_MS;
  /** Whether the target has had a successful check since it became the target. */
  let read = false;
  let failures = 0;
  /** The webhook subscription is read at the first check of a target, and on Refresh. */
  let subscriptionRead = false;
  let pausedUntil: Date | null = null;
  let running: { controller: AbortController; done: Promise<void> } | null = null;
  let stopped = false;

  /** The first state is not news: nobody has seen another one yet (and no file is read for it). */
  let shownOnce = false;
  const show = (next: PollingState): void => {
    if (!shownOnce) {
      shownOnce = true;
      current = next;
      return;
    }
    if (current.state === next.state && current.reason === next.reason && current.nextCheckAt === next.nextCheckAt && current.resumesAt === next.resumesAt) return;
    current = next;
    deps.onState(next);
  };
  const inMs = (ms: number) => new Date(deps.now().getTime() + ms).toISOString();
  const clearTimer = (): void => {
    if (timer !== null) scheduler.clearTimeout(timer);
    timer = null;
  };
  const abortRunning = (): void => {
    running?.controller.abort();
    running = null;
  };
  const wake = (ms: number, shown: PollingState): void => {
    clearTimer();
    timer = scheduler.setTimeout(
      () => {
        timer = null;
        cycle(false).catch(() => undefined);
      },
      Math.max(0, ms),
    );
    show(shown);
  };
  const scheduleNext = (ms: number, reason: PollingState['reason'] = null): void => wake(ms, { state: 'scheduled', reason, nextCheckAt: inMs(ms), resumesAt: null });
  const pauseUntil = (until: Date): void => {
    pausedUntil = until;
    const at = until.toISOString();
    wake(until.getTime() - deps.now().getTime(), { state: 'paused', reason: 'rateLimited', nextCheckAt: at, resumesAt: at });
  };

  function failed(error: unknown): void {
    const code = error instanceof AppError ? error.code : 'internal';
    if (code === 'meta.network') {
      wake(OFFLINE_PROBE_MS, { state: 'paused', reason: 'offline', nextCheckAt: inMs(OFFLINE_PROBE_MS), resumesAt: null });
      return;
    }
    if (code === 'meta.rateLimited' && error instanceof AppError) {
      // The service said when on this clock (`retryAt`); an error straight from Meta is read here.
      const at = typeof error.params.retryAt === 'string' ? Date.parse(error.params.retryAt) : Number.NaN;
      pauseUntil(Number.isFinite(at) && at > deps.now().getTime() ? new Date(at) : rateLimitLifts(error.params, deps.now()));
      return;
    }
    if (code === 'meta.session.expired' || code === 'meta.session.notConnected') {
      // The gate says what is left to do (log in again); if it still says ready, back off.
      if (deps.gate().kind !== 'ready') {
        update();
        return;
      }
    }
    failures += 1;
    scheduleNext(failureWait(failures, deps.random), 'failing');
    if (!(error instanceof AppError)) deps.logger.error('status check failed', { error });
  }

  async function cycle(manual: boolean): Promise<void> {
    if (key === null || stopped) return;
    const target = key;
    clearTimer();
    const controller = new AbortController();
    const subscription = manual || !subscriptionRead;
    show({ state: 'checking', reason: null, nextCheckAt: null, resumesAt: null });
    const done = deps.check({ subscription, signal: controller.signal }).then(
      ({ changed }) => {
        if (controller.signal.aborted || key !== target) return;
        if (subscription) subscriptionRead = true;
        failures = 0;
        pausedUntil = null;
        interval = !read || manual ? FIRST_INTERVAL_MS : nextInterval(interval, changed);
        read = true;
        scheduleNext(interval);
      },
      (error: unknown) => {
        // A check the target no longer wants ends quietly; a newer one is under way or none is due.
        if (controller.signal.aborted || key !== target) throw error;
        failed(error);
        throw error;
      },
    );
    running = { controller, done: done.then(() => undefined, () => undefined) };
    try {
      await done;
    } finally {
      if (running?.controller === controller) running = null;
    }
  }

  function update(): void {
    if (stopped) return;
    const gate = deps.gate();
    if (gate.kind !== 'ready') {
      clearTimer();
      abortRunning();
      key = null;
      pausedUntil = null;
      show(gate.kind === 'off' ? { state: 'off', reason: gate.reason, nextCheckAt: null, resumesAt: null } : { state: 'paused', reason: 'needsLogin', nextCheckAt: null, resumesAt: null });
      return;
    }
    // The same target: its pace goes on.
    if (gate.key === key) return;
    clearTimer();
    abortRunning();
    key = gate.key;
    interval = FIRST_INTERVAL_MS;
    read = false;
    failures = 0;
    subscriptionRead = false;
    pausedUntil = null;
    if (gate.pausedUntil && gate.pausedUntil.getTime() > deps.now().getTime()) pauseUntil(gate.pausedUntil);
    // At once, not through the scheduler: a first reading never waits for time to move.
    else cycle(false).catch(() => undefined);
  }

  return {
    state: () => current,
    update,
    async checkNow() {
      update();
      const gate = deps.gate();
      if (gate.kind === 'off') throw new AppError(gate.reason === 'noAccount' ? 'meta.account.noSelection' : 'meta.session.notConnected');
      if (gate.kind === 'needsLogin') throw new AppError('meta.session.expired');
      const now = deps.now().getTime();
      if (pausedUntil && pausedUntil.getTime() > now) {
        // Meta asked not to call before this time: a Refresh does not override it.
        throw new AppError('meta.rateLimited', { retryAt: pausedUntil.toISOString(), retryAfterMinutes: Math.ceil((pausedUntil.getTime() - now) / 60_000) });
      }
      if (running) await running.done;
      await cycle(true);
    },
    hold(until) {
      if (key === null || stopped || until.getTime() <= deps.now().getTime()) return;
      abortRunning();
      pauseUntil(until);
    },
    stop() {
      stopped = true;
      clearTimer();
      abortRunning();
    },
  };
}
