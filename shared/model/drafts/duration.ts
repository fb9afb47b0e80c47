import * as z from 'zod';

/**
 * Upper bound for the days of an SLA time.
 *
 * Unconfirmed: CXone's SLA screen offers days, hours and minutes from drop-down lists whose
 * longest day count is not documented; one year is generous and keeps sums far from overflow.
 */
export const MAX_DURATION_DAYS = 365;

/**
 * A time as CXone's SLA screen sets it: days, hours and minutes picked from drop-down lists.
 *
 * Kept in the screen's own units (not seconds) so the form shows exactly what the admin will
 * pick in CXone; hours and minutes stay within a day and an hour as the lists do.
 */
export const Duration = z.strictObject({
  days: z.number().int().min(0).max(MAX_DURATION_DAYS),
  hours: z.number().int().min(0).max(23),
  minutes: z.number().int().min(0).max(59),
});
export type Duration = z.infer<typeof Duration>;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The duration in seconds, to compare two durations or show a total. */
export function durationToSeconds(duration: Duration): number {
  return duration.days * DAY + duration.hours * HOUR + duration.minutes * MINUTE;
}

/**
 * Days, hours and minutes from seconds, the way the SLA screen would hold them.
 *
 * Seconds below a minute are dropped (the screen has no seconds) and negative or non-finite
 * input gives zero, so the result is always a well-formed duration apart from the day bound,
 * which is left to the schema to report.
 */
export function secondsToDuration(seconds: number): Duration {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds / MINUTE) * MINUTE : 0;
  return {
    days: Math.floor(total / DAY),
    hours: Math.floor((total % DAY) / HOUR),
    minutes: Math.floor((total % HOUR) / MINUTE),
  };
}

/** The empty time: what a new SLA form starts with. */
export const ZERO_DURATION: Duration = { days: 0, hours: 0, minutes: 0 };
