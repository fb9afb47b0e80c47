import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphClient } from '../../main/meta/graph/client';
import type { ByteFetch } from '../../main/platform/ports';
import { checkLogo } from '../../main/requirements/logo-check';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import * as z from 'zod';
import { createHarnessClock } from '../e2e/harness/clock';
import { createHarnessNetwork } from '../e2e/harness/network';
import { createMemoryLogger } from '../../main/core/node-adapters';

/** The browser tests' controls of time and network, checked on their own. */

const clocks: ReturnType<typeof createHarnessClock>[] = [];
const newClock = () => {
  const clock = createHarnessClock();
  clocks.push(clock);
  return clock;
};
afterEach(() => {
  clocks.splice(0).forEach((clock) => clock.dispose());
});

describe('harness clock', () => {
  it('fires the timers due within an advance, in order, each at its own time, and leaves the later ones', async () => {
    const clock = newClock();
    const start = clock.now().getTime();
    const fired: [string, number][] = [];
    const at = (name: string) => () => void fired.push([name, clock.now().getTime() - start]);
    clock.scheduler.setTimeout(at('poll'), 120_000);
    clock.scheduler.setTimeout(at('recheck'), 30_000);
    clock.scheduler.setTimeout(at('later'), 10 * 60_000);
    // A callback setting its next run within the same advance sees it run too, as time passes.
    clock.scheduler.setTimeout(() => {
      at('backoff')();
      clock.scheduler.setTimeout(at('backoff again'), 60_000);
    }, 45_000);

    await clock.advance(120_000);
    expect(fired.map(([name]) => name)).toEqual(['recheck', 'backoff', 'backoff again', 'poll']);
    // The wall clock moves a little meanwhile; each timer ran at (or just after) its due time.
    for (const [name, elapsed] of fired) expect(elapsed, name).toBeGreaterThanOrEqual({ recheck: 30_000, backoff: 45_000, 'backoff again': 105_000, poll: 120_000 }[name] ?? 0);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(120_000);
    expect(clock.pending()).toBe(1);
  });

  it('forgets a cleared timer, and every timer on cancelAll (a restart)', async () => {
    const clock = newClock();
    const fn = vi.fn();
    const handle = clock.scheduler.setTimeout(fn, 1_000);
    clock.scheduler.clearTimeout(handle);
    clock.scheduler.setTimeout(fn, 2_000);
    clock.cancelAll();
    await clock.advance(5_000);
    expect(fn).not.toHaveBeenCalled();
    expect(clock.pending()).toBe(0);
  });

  it('lets time flow for a timer nobody jumps to', async () => {
    const clock = newClock();
    const fn = vi.fn();
    clock.scheduler.setTimeout(fn, 0);
    clock.scheduler.setTimeout(fn, 30);
    await vi.waitFor(() => expect(fn).toHaveBeenCalledTimes(2));
  });

  it('refuses to go back in time', async () => {
    await expect(newClock().advance(-1)).rejects.toThrow(/duration/);
  });
});

describe('harness network', () => {
  let simulator: MetaSimulator | null = null;
  afterEach(async () => {
    await simulator?.close();
    simulator = null;
  });

  it('makes Graph calls fail as Meta unreachable while offline, without reaching the simulator', async () => {
    simulator = await startMetaSimulator();
    const network = createHarnessNetwork();
    const graph = createGraphClient({
      http: { fetch: network.fetch((url, init) => fetch(url, init)), logger: createMemoryLogger(), userAgent: 'WhatsAppChannelSetupAssistant/0.1.0' },
      baseUrl: () => simulator?.graphBase ?? '',
      version: () => 'v26.0',
      token: () => 'EAAnotatoken',
      onSessionExpired: () => undefined,
      retry: { sleep: async () => undefined },
    });
    network.offline();
    expect(network.isOnline()).toBe(false);
    await expect(graph.get({ path: '/me', schema: z.object({ id: z.string() }) })).rejects.toMatchObject({ code: 'meta.network' });
    expect(simulator.graphCalls()).toEqual([]);
    network.online();
    // Online again, the call reaches the simulator (which refuses this made-up token).
    await expect(graph.get({ path: '/me', schema: z.object({ id: z.string() }) })).rejects.toMatchObject({ code: 'meta.session.expired' });
    expect(simulator.graphCallCount('/me', 'GET')).toBe(1);
  });

  it('makes the logo check find no network while offline, without fetching', async () => {
    const network = createHarnessNetwork();
    const inner = vi.fn<ByteFetch>(async () => ({ status: 404, location: null, contentType: null, bytes: new Uint8Array(0), truncated: false }));
    const deps = { byteFetch: network.byteFetch(inner), scheduler: newClock().scheduler, now: () => new Date(), userAgent: 'WhatsAppChannelSetupAssistant/0.1.0' };
    network.offline();
    expect(await checkLogo('https://cdn.contoso.example/logo.png', deps)).toEqual({ kind: 'offline' });
    expect(inner).not.toHaveBeenCalled();
    network.online();
    expect(await checkLogo('https://cdn.contoso.example/logo.png', deps)).toMatchObject({ kind: 'checked', check: { failure: 'httpStatus', httpStatus: 404 } });
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
