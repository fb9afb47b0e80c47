import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import type { ByteFetch, Scheduler } from '../../main/platform/ports';
import { FIRST_LOGO_RECHECK_MS, MAX_LOGO_RECHECK_MS } from '../../main/requirements/service';
import { AppError } from '../../shared/errors/index';
import type { EventName } from '../../shared/ipc/contract/index';
import { emptyRequirements, type Requirements, type RequirementsState } from '../../shared/model/requirements/requirements';
import { png } from './helpers/images';

/** Timers a test fires by hand: nothing waits for real time. */
function manualScheduler(): Scheduler & { pending(): number[]; fire(): void } {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    setTimeout(fn, ms) {
      const id = next++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    pending: () => [...timers.values()].map((timer) => timer.ms),
    fire() {
      const due = [...timers.entries()];
      timers.clear();
      for (const [, timer] of due) timer.fn();
    },
  };
}

/** A network the test switches on and off; online, every URL answers with a 640 × 640 PNG. */
function switchableNetwork(): { fetch: ByteFetch; online: boolean; calls: string[] } {
  const network = {
    online: true,
    calls: [] as string[],
    fetch: (async (url) => {
      network.calls.push(url.href);
      if (!network.online) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return { status: 200, location: null, contentType: 'image/png', bytes: new Uint8Array(png(640, 640)), truncated: false };
    }) as ByteFetch,
  };
  return network;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function boot(options: { dataDir?: string; network?: ReturnType<typeof switchableNetwork>; scheduler?: ReturnType<typeof manualScheduler>; now?: () => Date } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wcsa-requirements-'));
  if (!options.dataDir) folders.push(dataDir);
  const network = options.network ?? switchableNetwork();
  const scheduler = options.scheduler ?? manualScheduler();
  const events: { event: EventName; payload: unknown }[] = [];
  const services = createServices(
    createNodeAdapters({ dataDir, locale: 'en-US', scheduler, byteFetch: network.fetch, now: options.now, emit: (event, payload) => void events.push({ event, payload }) }),
  );
  const changes = () => events.filter((entry) => entry.event === 'requirements:changed').map((entry) => entry.payload as RequirementsState);
  return { dataDir, network, scheduler, services, requirements: services.requirements, changes };
}

function filled(change: Partial<Requirements> = {}): Requirements {
  return { ...emptyRequirements(), businessName: 'The Jungle at Classics', phone: { country: 'FR', national: '07 48 11 15 24', e164: '' }, ...change };
}

/** Lets the promise callbacks of a check run (the fake network answers at once). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('requirements service', () => {
  it('keeps what the admin typed across a restart, with when it was saved', () => {
    const first = boot();
    const id = first.services.workspaces.current().id;
    expect(first.requirements.get().savedAt).toBeNull();
    first.requirements.save(id, filled({ businessManagerId: 'not digits yet' }));
    const again = boot({ dataDir: first.dataDir });
    const state = again.requirements.get();
    expect(state.requirements.businessName).toBe('The Jungle at Classics');
    expect(state.requirements.businessManagerId).toBe('not digits yet');
    expect(state.savedAt).not.toBeNull();
  });

  it('reads the number itself, whatever e164 the page sent, and makes a valid one the workspace number', () => {
    const { services, requirements } = boot();
    const id = services.workspaces.current().id;
    const saved = requirements.save(id, filled({ phone: { country: 'FR', national: '07 48 11 15 24', e164: '+19999999999' } }));
    expect(saved.requirements.phone.e164).toBe('+33748111524');
    expect(services.workspaces.current().phoneNumber).toBe('+33748111524');

    // A number that does not read is kept as typed, and leaves the workspace number alone.
    const short = requirements.save(id, filled({ phone: { country: 'FR', national: '36 15', e164: '' } }));
    expect(short.requirements.phone).toEqual({ country: 'FR', national: '36 15', e164: '' });
    expect(services.workspaces.current().phoneNumber).toBe('+33748111524');
  });

  it('starts from the number the workspace already has, until the first save', () => {
    const { services, requirements } = boot();
    services.workspaces.create({ name: 'Jungle', phoneNumber: '+33184880042' });
    expect(requirements.get().requirements.phone).toEqual({ country: 'FR', national: '+33 1 84 88 00 42', e164: '+33184880042' });
  });

  it('refuses to save for a workspace that no longer exists', () => {
    const { requirements } = boot();
    expect(() => requirements.save('0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11', filled())).toThrow(AppError);
    try {
      requirements.save('0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11', filled());
    } catch (error) {
      expect((error as AppError).code).toBe('requirements.staleWorkspace');
    }
  });

  it('checks the logo when its URL changes, not on every save, and tells the page the result', async () => {
    const { services, requirements, network, changes } = boot();
    const id = services.workspaces.current().id;
    const saved = requirements.save(id, filled({ logoUrl: 'https://jungle.example.com/logo.png' }));
    expect(saved.logo).toMatchObject({ url: 'https://jungle.example.com/logo.png', state: 'checking' });
    await settle();
    expect(requirements.get().logo).toMatchObject({ state: 'passed', width: 640, height: 640, format: 'png' });
    expect(changes().at(-1)?.logo.state).toBe('passed');

    requirements.save(id, filled({ logoUrl: 'https://jungle.example.com/logo.png', businessName: 'Jungle' }));
    await settle();
    expect(network.calls).toEqual(['https://jungle.example.com/logo.png']);

    // Emptied: nothing to check, nothing measured.
    expect(requirements.save(id, filled({ logoUrl: '' })).logo).toMatchObject({ url: '', state: 'notChecked', width: null });
  });

  it('waits for the network: checks again after 30 s, then twice as long, and passes once online', async () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    const { services, requirements, network, scheduler } = boot({ now: () => now });
    network.online = false;
    const id = services.workspaces.current().id;
    requirements.save(id, filled({ logoUrl: 'https://jungle.example.com/logo.png' }));
    await settle();
    expect(requirements.get().logo).toMatchObject({ state: 'waitingForNetwork', nextAttemptAt: '2026-03-02T10:00:30.000Z' });
    expect(scheduler.pending()).toEqual([FIRST_LOGO_RECHECK_MS]);

    scheduler.fire();
    await settle();
    expect(requirements.get().logo.state).toBe('waitingForNetwork');
    expect(scheduler.pending()).toEqual([2 * FIRST_LOGO_RECHECK_MS]);

    network.online = true;
    scheduler.fire();
    await settle();
    expect(requirements.get().logo).toMatchObject({ state: 'passed', width: 640 });
    expect(scheduler.pending()).toEqual([]);
    expect(network.calls.length).toBe(3);
  });

  it('never waits more than 10 minutes between two checks', async () => {
    const { services, requirements, network, scheduler } = boot();
    network.online = false;
    requirements.save(services.workspaces.current().id, filled({ logoUrl: 'https://jungle.example.com/logo.png' }));
    await settle();
    for (let round = 0; round < 8; round += 1) {
      scheduler.fire();
      await settle();
    }
    expect(scheduler.pending()).toEqual([MAX_LOGO_RECHECK_MS]);
  });

  it('checks at once when asked, and answers with the result', async () => {
    const { services, requirements, network } = boot();
    const id = services.workspaces.current().id;
    network.online = false;
    requirements.save(id, filled({ logoUrl: 'https://jungle.example.com/logo.png' }));
    await settle();
    network.online = true;
    const checked = await requirements.checkLogo();
    expect(checked.logo).toMatchObject({ state: 'passed', nextAttemptAt: null });
  });

  it('picks up a check a restart interrupted', async () => {
    const scheduler = manualScheduler();
    const network = switchableNetwork();
    network.online = false;
    const first = boot({ scheduler, network });
    first.requirements.save(first.services.workspaces.current().id, filled({ logoUrl: 'https://jungle.example.com/logo.png' }));
    await settle();
    const later = manualScheduler();
    network.online = true;
    const again = boot({ dataDir: first.dataDir, scheduler: later, network });
    expect(again.requirements.get().logo.state).toBe('waitingForNetwork');
    expect(later.pending().length).toBe(1);
    later.fire();
    await settle();
    expect(again.requirements.get().logo.state).toBe('passed');
  });

  it('follows the workspace: copied with it, kept aside when it is deleted, back when it is restored', async () => {
    const { services, requirements, network, scheduler, changes } = boot();
    const original = services.workspaces.current().id;
    requirements.save(original, filled({ businessManagerId: '1234567890' }));

    const copy = services.workspaces.duplicate(original).currentId;
    expect(requirements.get()).toMatchObject({ workspaceId: copy, requirements: { businessManagerId: '1234567890' } });
    expect(changes().at(-1)?.workspaceId).toBe(copy);

    // A check waiting for the network stops with its workspace and never writes its file back.
    network.online = false;
    requirements.save(copy, filled({ businessManagerId: '1234567890', logoUrl: 'https://jungle.example.com/logo.png' }));
    await settle();
    services.workspaces.remove(copy);
    network.online = true;
    scheduler.fire();
    await settle();
    expect(network.calls.length).toBe(1);

    services.workspaces.restore(copy);
    expect(requirements.get()).toMatchObject({ workspaceId: copy, requirements: { businessManagerId: '1234567890' } });
    expect(requirements.read(original).businessManagerId).toBe('1234567890');
  });
});
