import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createServices } from '../../main/core/create-services';
import { createMemoryLogger, createNodeAdapters } from '../../main/core/node-adapters';
import type { MetaLoginWindow } from '../../main/meta/session/login-window';
import { createOperationRunner, type OperationHandlers } from '../../main/operations/runner';
import { AppError } from '../../shared/errors/index';
import type { EventName, EventPayload } from '../../shared/ipc/contract/index';
import type { OperationProgress } from '../../shared/ipc/contract/operations';

const ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const connection = { connected: true, name: 'Camille Martin', mode: 'sandbox' as const, scopesGranted: [], scopesMissing: [], expiresAt: null, remembered: false, needsLogin: false };

function runner(login: OperationHandlers['meta:login']) {
  const events: OperationProgress[] = [];
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (event === 'operations:progress') events.push(payload as OperationProgress);
  };
  const unused = () => Promise.reject(new Error('not part of this test'));
  return { events, runner: createOperationRunner({ handlers: { 'meta:login': login, 'meta:addNumber': unused, 'meta:requestCode': unused, 'meta:verifyCode': unused, 'meta:register': unused, 'updates:download': unused }, emit, logger: createMemoryLogger() }) };
}

/** Resolves when the handler's signal is aborted, as the login window does on Cancel. */
const untilAborted = (signal: AbortSignal) => new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(new AppError('meta.session.cancelled'))));

describe('long operations', () => {
  it('reports each step, then the result, in order', async () => {
    const { runner: r, events } = runner(async (_input, context) => {
      context.step('openingLogin', 1, 3);
      context.step('readingPermissions', 3, 3);
      return connection;
    });
    expect(r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } })).toEqual({ id: ID });
    const final = await r.settled(ID);
    expect(final).toMatchObject({ state: 'succeeded', result: connection, error: null });
    expect(events.map((event) => [event.state, event.step?.code ?? null])).toEqual([
      ['running', null],
      ['running', 'openingLogin'],
      ['running', 'readingPermissions'],
      ['succeeded', 'readingPermissions'],
    ]);
  });

  it('cancels half-way through the signal and says so, with the handler’s own code', async () => {
    const { runner: r, events } = runner(async (_input, context) => {
      context.step('waitingForLogin', 2, 3);
      return untilAborted(context.signal);
    });
    r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } });
    await Promise.resolve();
    await Promise.resolve();
    expect(r.cancel(ID)).toEqual({ cancelled: true });
    expect(await r.settled(ID)).toMatchObject({ state: 'cancelled', error: { code: 'meta.session.cancelled' } });
    expect(events.at(-1)?.state).toBe('cancelled');
    // Cancelling what has ended does nothing.
    expect(r.cancel(ID)).toEqual({ cancelled: false });
  });

  it('stops offering Cancel once the handler has started what cannot be taken back', async () => {
    let go: () => void = () => undefined;
    const { runner: r, events } = runner(async (_input, context) => {
      context.step('waitingForLogin', 1, 2);
      await new Promise<void>((resolve) => (go = resolve));
      context.pastCancelling();
      context.step('readingPermissions', 2, 2);
      await new Promise<void>((resolve) => (go = resolve));
      return connection;
    });
    r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } });
    await Promise.resolve();
    await Promise.resolve();
    expect(events.at(-1)).toMatchObject({ step: { code: 'waitingForLogin' }, cancellable: true });
    go();
    await Promise.resolve();
    await Promise.resolve();
    expect(events.at(-1)).toMatchObject({ step: { code: 'readingPermissions' }, cancellable: false });
    expect(() => r.cancel(ID)).toThrow(AppError);
    go();
    expect(await r.settled(ID)).toMatchObject({ state: 'succeeded', cancellable: false });
  });

  it('refuses an unknown operation, a duplicate id and an invalid input before running anything', async () => {
    let runs = 0;
    const { runner: r } = runner(async () => {
      runs += 1;
      return connection;
    });
    expect(() => r.start({ id: ID, operation: 'shell:exec', input: {} })).toThrowError(expect.objectContaining({ code: 'operations.unknown' }));
    expect(() => r.start({ id: ID, operation: 'meta:login', input: { kind: 'root' } })).toThrowError(expect.objectContaining({ code: 'ipc.invalidInput', params: expect.objectContaining({ field: 'kind' }) }));
    r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } });
    expect(() => r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } })).toThrowError(expect.objectContaining({ code: 'operations.duplicateId' }));
    await r.settled(ID);
    expect(runs).toBe(1);
  });

  it('drops a result carrying a field its contract does not declare (a token)', async () => {
    const { runner: r, events } = runner(async () => ({ ...connection, accessToken: 'EAAGm0PX4ZCpsBAKZCZAsecret' }) as never);
    r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } });
    expect(await r.settled(ID)).toMatchObject({ state: 'failed', error: { code: 'ipc.invalidOutput' } });
    expect(JSON.stringify(events)).not.toContain('EAAGm0PX4ZCpsBAKZCZAsecret');
  });

  it('turns an unexpected failure into "internal", never its message', async () => {
    const { runner: r, events } = runner(async () => {
      throw new Error('boom with a secret inside');
    });
    r.start({ id: ID, operation: 'meta:login', input: { kind: 'login' } });
    expect(await r.settled(ID)).toMatchObject({ state: 'failed', error: { code: 'internal' } });
    expect(JSON.stringify(events)).not.toContain('secret');
  });
});

describe('login as a long operation', () => {
  it('stops a login waiting in the window when the admin cancels, and changes nothing', async () => {
    let opened: AbortSignal | null = null;
    const loginWindow: MetaLoginWindow = {
      open: (request) =>
        new Promise((resolve) => {
          opened = request.signal;
          request.signal.addEventListener('abort', () => resolve({ kind: 'cancelled' }));
        }),
      clearPartition: async () => undefined,
    };
    const events: OperationProgress[] = [];
    const adapters = createNodeAdapters({
      dataDir: mkdtempSync(join(tmpdir(), 'wcsa-ops-')),
      locale: 'en-US',
      loginWindow,
      emit: (event, payload) => {
        if (event === 'operations:progress') events.push(z.custom<OperationProgress>().parse(payload));
      },
      metaSimulator: async () => ({ origin: 'http://127.0.0.1:9', pageUrl: () => 'http://127.0.0.1:9/sandbox/phone', setLanguage: () => undefined }),
    });
    const services = createServices(adapters);
    const before = services.session.status();
    await services.handlers['operations:start']({ id: ID, operation: 'meta:login', input: { kind: 'login' } });
    await expect.poll(() => events.at(-1)?.step?.code).toBe('waitingForLogin');
    expect(opened).not.toBeNull();
    await services.handlers['operations:cancel']({ id: ID });
    expect(await services.operations.settled(ID)).toMatchObject({ state: 'cancelled', error: { code: 'meta.session.cancelled' } });
    expect(services.session.status()).toEqual(before);
    // A new login may start at once: the cancelled one let go of its lock.
    await services.handlers['operations:start']({ id: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', operation: 'meta:login', input: { kind: 'login' } });
    await expect.poll(() => events.at(-1)?.step?.code).toBe('waitingForLogin');
  });
});
