import type { AttemptEntry } from '../model/meta/account';
import { REGISTER_WINDOW_HOURS } from '../model/meta/onboarding';

const REGISTER_WINDOW_MS = REGISTER_WINDOW_HOURS * 3600_000;

/**
 * Register calls that count against Meta's limit: those that reached Meta. A call that found no
 * network (or was refused by the limit itself, or by a missing session) is not counted.
 */
function countsAgainstLimit(entry: AttemptEntry): boolean {
  if (entry.action !== 'register') return false;
  const code = entry.error?.code;
  return code !== 'meta.network' && code !== 'meta.cancelled' && code !== 'meta.number.registerLimit' && code !== 'meta.session.notConnected' && code !== 'meta.session.expired';
}

/**
 * The register calls of the last 72 hours, oldest first. Main refuses another call once they
 * reach the limit; step 2's attempt log shows the same count, so both read it from here.
 */
export function registerCallsInWindow(entries: readonly AttemptEntry[], now: Date): AttemptEntry[] {
  return entries.filter((entry) => countsAgainstLimit(entry) && now.getTime() - Date.parse(entry.at) < REGISTER_WINDOW_MS);
}

/**
 * When Meta's register limit lifts, from this computer's log: 72 hours after the oldest register
 * call of the window. Meta sends no time, and calls made elsewhere (another tool, WhatsApp
 * Manager) are not in the log, so it is the earliest the limit can lift; null when the log has none.
 */
export function registerLimitLiftsAt(entries: readonly AttemptEntry[], now: Date): string | null {
  const [oldest] = registerCallsInWindow(entries, now);
  return oldest ? new Date(Date.parse(oldest.at) + REGISTER_WINDOW_MS).toISOString() : null;
}
