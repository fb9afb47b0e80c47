import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import type { Mode } from '../../../shared/model/settings/settings';
import type { StatusBoard } from '../../../shared/model/status/status';
import { createMemoryLogger } from '../../../main/core/node-adapters';
import { createGraphClient } from '../../../main/meta/graph/client';
import { userAgent } from '../../../main/platform/http/json-client';
import { createConfStoreOpener } from '../../../main/platform/persistence/conf-store';
import type { Emit, FetchLike, Scheduler } from '../../../main/platform/ports';
import { createStatusRepository, type StatusRepository } from '../../../main/status/repository';
import { createStatusService, type StatusService } from '../../../main/status/service';
import { createTemplatesService, type TemplatesService } from '../../../main/templates/service';
import { startMetaSimulator, type MetaSimulator } from '../../../main/simulators/meta';
import { newToken, SIMULATOR_SCOPES, tokenHash } from '../../../main/simulators/meta/world';

/**
 * The status and templates services over the simulated Meta, on a clock the test moves: a fresh
 * simulator and data folder per test (`openBench` in beforeEach, `closeBench` in afterEach).
 */

export const WORKSPACE = '00000000-0000-4000-8000-000000000000';
export const BUSINESS = '200000000000001';
export const WABA = '300000000000001';
export const PENDING_NUMBER = '400000000000002';
export const CONNECTED_NUMBER = '400000000000001';

/** Timers the test fires by moving time, as the app's scheduler port allows. */
export function manualClock(start = Date.parse('2026-03-02T09:00:00.000Z')) {
  let now = start;
  let nextId = 1;
  let timers: { id: number; due: number; fn: () => void }[] = [];
  const scheduler: Scheduler = {
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ id, due: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.id !== handle);
    },
  };
  return {
    now: () => new Date(now),
    scheduler,
    /** The waits of the timers set, from now. */
    waits: () => timers.map((timer) => timer.due - now),
    /** Moves time by `ms`, firing the timers due on the way (each at its own time). */
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...timers].sort((a, b) => a.due - b.due)[0];
        if (!due || due.due > target) break;
        timers = timers.filter((timer) => timer.id !== due.id);
        now = due.due;
        due.fn();
      }
      now = target;
    },
  };
}

export interface Bench {
  simulator: MetaSimulator;
  /** Opens another workspace, as the switcher does; its account is the one `selection` names for it. */
  openWorkspace(id: string): void;
  clock: ReturnType<typeof manualClock>;
  status: StatusService;
  /** Step 5's service over the same status service (rebuilt by `restart`). */
  templates: TemplatesService;
  repository: StatusRepository;
  shown: { tag: string; title: string; body: string }[];
  events: { event: string; payload: unknown }[];
  network: { up: boolean };
  /** Whether Meta refused the token; `login` gives a fresh one, as logging in again does. */
  session: { expired: boolean; login(): void };
  /** Starts the service again on the same files, as a restart of the app does. */
  restart(): StatusService;
  /** Graph calls the simulator answered since the last time this was asked. */
  callsSince(): { method: string; path: string }[];
  board(): StatusBoard;
  /** Waits until no check is under way. */
  settled(): Promise<StatusBoard>;
}

let simulator: MetaSimulator;
let dataDir: string;
let services: StatusService[] = [];

/** A fresh simulator and data folder: call in beforeEach. */
export async function openBench(): Promise<void> {
  simulator = await startMetaSimulator();
  dataDir = mkdtempSync(join(tmpdir(), 'wcsa-status-'));
}

/** Stops every service's timers, the simulator, and removes the folder: call in afterEach. */
export async function closeBench(): Promise<void> {
  services.forEach((service) => service.stop());
  services = [];
  await simulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The services of one test, checking Camille's Contoso account in sandbox mode. */
export function bench(options: { wabaId?: string | null } = {}): Bench {
  const clock = manualClock();
  const shown: Bench['shown'] = [];
  const events: Bench['events'] = [];
  const network = { up: true };
  const session = { expired: false, login: () => undefined as void };
  const logger = createMemoryLogger();
  const repository = createStatusRepository({ openStore: createConfStoreOpener(dataDir), dataDir, now: clock.now, report: () => undefined });
  const person = simulator.world.people.find((candidate) => candidate.id === '10001')!;
  for (const scope of SIMULATOR_SCOPES) person.permissions.set(scope, 'granted');
  let token = '';
  const login = () => {
    token = newToken();
    simulator.world.tokens.set(tokenHash(token), { person: person.id, expiresAt: new Date(Date.now() + 24 * 3_600_000), invalid: null });
  };
  login();
  session.login = () => {
    login();
    session.expired = false;
  };
  const fetchLike: FetchLike = async (url, init) => {
    if (!network.up) throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    return fetch(url, init);
  };
  const graph = createGraphClient({
    http: { fetch: fetchLike, logger, userAgent: userAgent('0.1.0') },
    baseUrl: () => simulator.graphBase,
    version: () => 'v23.0',
    token: () => (session.expired ? null : token),
    onSessionExpired: () => {
      session.expired = true;
    },
    now: clock.now,
    // Reads the client retries by itself do so at once here: the checks' own waits are under test.
    retry: { sleep: async () => undefined, random: () => 0.5 },
  });
  const emit: Emit = (event, payload) => void events.push({ event, payload });
  const workspace = { current: WORKSPACE as string, listeners: [] as ((all: never) => void)[] };
  const mode: Mode = 'sandbox';
  const start = () => {
    const service = createStatusService({
      repository,
      workspaces: {
        current: () => ({ id: workspace.current }) as never,
        onChange: (listener) => {
          workspace.listeners.push(listener);
          return () => undefined;
        },
      },
      session: {
        status: () => ({ connected: !session.expired, needsLogin: session.expired, mode }),
        graph: async () => graph,
      },
      selection: (workspaceId) => ({ businessId: BUSINESS, wabaId: workspaceId !== WORKSPACE ? null : options.wabaId === undefined ? WABA : options.wabaId }),
      now: clock.now,
      scheduler: clock.scheduler,
      random: () => 1,
      notifier: { show: (notification) => void shown.push(notification) },
      language: () => 'en',
      emit,
      logger,
    });
    services.push(service);
    return service;
  };
  let calls = 0;
  const result: Bench = {
    simulator,
    clock,
    status: start(),
    templates: null as unknown as TemplatesService,
    repository,
    shown,
    events,
    network,
    session,
    openWorkspace(id) {
      workspace.current = id;
      for (const listener of workspace.listeners) listener({ currentId: id } as never);
    },
    restart() {
      result.status.stop();
      result.status = start();
      result.templates = createTemplatesService({ session: { graph: async () => graph }, status: result.status });
      return result.status;
    },
    callsSince() {
      const all = simulator.graphCalls();
      const fresh = all.slice(calls);
      calls = all.length;
      return fresh.map(({ method, path }) => ({ method, path }));
    },
    board: () => result.status.board(),
    async settled() {
      await vi.waitFor(() => expect(result.status.board().polling.state).not.toBe('checking'), { timeout: 5_000, interval: 5 });
      return result.status.board();
    },
  };
  result.templates = createTemplatesService({ session: { graph: async () => graph }, status: result.status });
  return result;
}

