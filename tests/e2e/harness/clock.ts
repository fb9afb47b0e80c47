import type { Scheduler } from '../../../main/platform/ports';

/**
 * The time of one browser test: what main's services and the Meta simulator read as "now", and
 * the timers they set (polls, re-checks, back-offs).
 *
 * Time runs as it does on the wall clock, so nothing changes for a test that ignores it; a test
 * that would have to wait (the next poll in two minutes, a re-check in thirty seconds) jumps
 * ahead with `advance` instead, which fires every timer falling due on the way, in order.
 */
export interface HarnessClock {
  /** The services' and the simulator's "now": the wall clock plus every `advance` so far. */
  now(): Date;
  /** What main's services use instead of real timers. */
  readonly scheduler: Scheduler;
  /**
   * Moves time forward by `ms`, firing each timer due on the way at its own time (a timer a
   * callback sets that falls due within `ms` fires too). Resolves once the last one has run
   * and the work it started synchronously has had a turn; what that work awaits (a Graph call)
   * goes on in real time, so assert on its outcome with a waiting `expect`.
   */
  advance(ms: number): Promise<void>;
  /** How many timers are waiting, for a test that checks something was (not) scheduled. */
  pending(): number;
  /** Drops every waiting timer, as quitting the app does (the harness calls it on restart). */
  cancelAll(): void;
}

interface Timer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/** Lets callbacks' synchronous follow-ups (promise reactions, a timer set at once) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clock for one test; `dispose` when the test ends so no real timer outlives it. */
export function createHarnessClock(): HarnessClock & { dispose(): void } {
  let offset = 0;
  let nextId = 1;
  let timers: Timer[] = [];
  let wakeUp: ReturnType<typeof setTimeout> | null = null;
  const nowMs = () => Date.now() + offset;

  const fire = (timer: Timer) => {
    timers = timers.filter((candidate) => candidate.id !== timer.id);
    try {
      timer.fn();
    } catch {
      // A failing callback must not stop the others, as with real timers (the service logs its own).
    }
  };

  const earliest = (): Timer | undefined => timers.reduce<Timer | undefined>((first, timer) => (!first || timer.due < first.due || (timer.due === first.due && timer.id < first.id) ? timer : first), undefined);

  /** One real timer, for the earliest virtual one: time flows for timers nobody jumps to. */
  const arm = () => {
    if (wakeUp) clearTimeout(wakeUp);
    wakeUp = null;
    const first = earliest();
    if (!first) return;
    wakeUp = setTimeout(
      () => {
        wakeUp = null;
        for (let due = earliest(); due && due.due <= nowMs(); due = earliest()) fire(due);
        arm();
      },
      Math.max(0, first.due - nowMs()),
    );
    wakeUp.unref();
  };

  const scheduler: Scheduler = {
    setTimeout(fn, ms) {
      const timer: Timer = { id: nextId++, due: nowMs() + Math.max(0, ms), fn };
      timers.push(timer);
      arm();
      return timer.id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
      arm();
    },
  };

  return {
    now: () => new Date(nowMs()),
    scheduler,
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance needs a duration in milliseconds, not ${ms}`);
      const target = nowMs() + ms;
      for (let next = earliest(); next && next.due <= target; next = earliest()) {
        // Time stands where this timer falls due while it runs, as it would have.
        offset += Math.max(0, next.due - nowMs());
        fire(next);
        await settle();
      }
      offset += Math.max(0, target - nowMs());
      arm();
      await settle();
    },
    pending: () => timers.length,
    cancelAll() {
      timers = [];
      arm();
    },
    dispose() {
      timers = [];
      if (wakeUp) clearTimeout(wakeUp);
      wakeUp = null;
    },
  };
}
