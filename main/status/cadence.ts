/**
 * How often the status board asks Meta, in one place.
 *
 * A number's review or status changes over hours (the manual: Meta may take several hours to
 * approve a number), so checking every two minutes is plenty, and an account that stays the same
 * is asked less and less often. Any change, or a Refresh, brings the pace back. Failures wait
 * longer each time, and Meta's own word on throttling (`estimated_time_to_regain_access`) is
 * always honoured.
 */

/** The wait after a first reading, a reading that changed something, or a Refresh. */
export const FIRST_INTERVAL_MS = 120_000;
/** Each reading that changed nothing makes the next wait this much longer... */
export const INTERVAL_GROWTH = 1.5;
/** ...up to this. */
export const MAX_INTERVAL_MS = 15 * 60_000;

/** After a failure Meta says is temporary (or an unexpected one), the first wait's ceiling; doubled each time. */
export const FIRST_FAILURE_WAIT_MS = 30_000;
/** The longest wait after failures in a row. */
export const MAX_FAILURE_WAIT_MS = 15 * 60_000;
/** The shortest wait after a failure, so jitter never turns into a tight loop. */
export const MIN_FAILURE_WAIT_MS = 1_000;

/** While offline, how often the network is tried again. */
export const OFFLINE_PROBE_MS = 60_000;

/** When Meta throttles without saying for how long: wait this. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60_000;

/** The wait before the next check after a successful one. */
export function nextInterval(current: number, changed: boolean): number {
  if (changed) return FIRST_INTERVAL_MS;
  return Math.min(Math.round(current * INTERVAL_GROWTH), MAX_INTERVAL_MS);
}

/**
 * The wait after `failures` failed checks in a row (1 for the first): "full jitter", a random
 * time up to a ceiling that doubles each time, so many apps failing together do not all come
 * back at once.
 */
export function failureWait(failures: number, random: () => number): number {
  const ceiling = Math.min(FIRST_FAILURE_WAIT_MS * 2 ** Math.max(0, failures - 1), MAX_FAILURE_WAIT_MS);
  return Math.max(MIN_FAILURE_WAIT_MS, Math.round(random() * ceiling));
}

/**
 * When a throttle lifts: `retryAfterMinutes` from now when Meta said how long (its
 * `estimated_time_to_regain_access`, counted on this clock from when the answer came), else
 * `retryAt` when it is in the future, otherwise {@link DEFAULT_RATE_LIMIT_WAIT_MS} from now.
 */
export function rateLimitLifts(params: Readonly<Record<string, unknown>>, now: Date): Date {
  const minutes = params.retryAfterMinutes;
  if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0) return new Date(now.getTime() + minutes * 60_000);
  const at = typeof params.retryAt === 'string' ? Date.parse(params.retryAt) : Number.NaN;
  return Number.isFinite(at) && at > now.getTime() ? new Date(at) : new Date(now.getTime() + DEFAULT_RATE_LIMIT_WAIT_MS);
}
