import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../platform/persistence/atomic-write';
import * as z from 'zod';
import { setAside } from '../../platform/persistence/versioned-document';
import type { SimulatorPlugin } from './plugin';

/**
 * The state file: one text per plugin, under its name.
 *
 * Each plugin chooses its own format; the host only keeps the texts apart, so adding the CXone
 * simulator changes nothing for the Meta one.
 */
const Envelope = z.object({ simulators: z.literal(1), plugins: z.record(z.string(), z.string()) });

/** What loading the state file did, for tests and for a caller that wants to say so. */
export interface StateLoad {
  /** Plugins whose saved state was restored. */
  readonly restored: readonly string[];
  /** Where an unreadable file was moved, or null. */
  readonly setAsideTo: string | null;
  /** Sections of plugins this host does not run, written back unchanged by {@link saveState}. */
  readonly others: Readonly<Record<string, string>>;
}

/**
 * Moves an unreadable state file out of the way as `<file>.corrupt-<timestamp>`.
 *
 * Kept, not deleted: it may be the only copy of a long demo setup, and someone may want to see
 * why it did not load.
 */
function setAsideCorrupt(path: string, now: Date): string {
  return setAside(path, 'corrupt', now);
}

/**
 * Restores each plugin from the state file, if there is one.
 *
 * A file that is not JSON, not the host's format, or that a plugin refuses is set aside; the
 * plugins that could not be restored keep their seed. A file written before the host existed
 * (one plugin's own text, not wrapped) is handed whole to a single plugin, so a demo saved by
 * an earlier version survives the update.
 */
export function loadState(path: string, plugins: readonly SimulatorPlugin[], now: Date): StateLoad {
  if (!existsSync(path)) return { restored: [], setAsideTo: null, others: {} };
  const restored: string[] = [];
  let text: string;
  let json: unknown;
  try {
    text = readFileSync(path, 'utf8');
    json = JSON.parse(text);
  } catch {
    return { restored, setAsideTo: setAsideCorrupt(path, now), others: {} };
  }
  const envelope = Envelope.safeParse(json);
  const only = plugins.length === 1 ? plugins[0] : undefined;
  const isEnvelope = typeof json === 'object' && json !== null && 'simulators' in json;
  if (!envelope.success && (isEnvelope || !only)) return { restored, setAsideTo: setAsideCorrupt(path, now), others: {} };
  const texts: [SimulatorPlugin, string][] = envelope.success
    ? plugins.flatMap((plugin): [SimulatorPlugin, string][] => {
        const saved = envelope.data.plugins[plugin.name];
        return saved === undefined ? [] : [[plugin, saved]];
      })
    : only
      ? [[only, text]]
      : [];
  let failed = false;
  for (const [plugin, saved] of texts) {
    try {
      plugin.restore(saved);
      restored.push(plugin.name);
    } catch {
      failed = true;
    }
  }
  const names = new Set(plugins.map((plugin) => plugin.name));
  const others = envelope.success ? Object.fromEntries(Object.entries(envelope.data.plugins).filter(([name]) => !names.has(name))) : {};
  return { restored, setAsideTo: failed ? setAsideCorrupt(path, now) : null, others };
}

/**
 * Writes every plugin's state: to a temporary file beside the real one, then renamed over it.
 *
 * A crash or a full disk mid-write leaves the previous state whole, never half a file.
 */
export function saveState(path: string, plugins: readonly SimulatorPlugin[], others: Readonly<Record<string, string>> = {}): void {
  const envelope: z.infer<typeof Envelope> = { simulators: 1, plugins: { ...others, ...Object.fromEntries(plugins.map((plugin) => [plugin.name, plugin.serialize()])) } };
  // Owner-only like every file in the data folder: it names the admin's (simulated) accounts.
  writeFileAtomic(path, JSON.stringify(envelope), { mode: 0o600 });
}
