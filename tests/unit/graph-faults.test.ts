import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors/index';
import { addPhoneNumber, listPhoneNumbers, register, requestCode, verifyCode } from '../../main/meta/graph/calls';
import type { FetchLike } from '../../main/platform/ports';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { graphSession } from './helpers/graph-session';

/**
 * The Graph client against the simulator's fault switchboard: what the admin would see when
 * Meta stumbles. Only the client's own waits are faked (setTimeout), so the simulator and the
 * network run for real while a test moves the retry clock.
 */

const WABA = '300000000000001';
const PENDING = '400000000000002';
const CONNECTED = '400000000000001';
const NOW = new Date('2026-03-02T10:00:00.000Z');

let simulator: MetaSimulator;
beforeEach(async () => {
  simulator = await startMetaSimulator();
});
afterEach(async () => {
  vi.useRealTimers();
  await simulator.close();
});

const reads = () => simulator.graphCallCount(`/${WABA}/phone_numbers`, 'GET');

/** Lets the pending HTTP exchange settle without moving the faked clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Settles until `condition` holds (the call reached the simulator), or fails. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await settle();
  expect(condition()).toBe(true);
}

describe('Graph client against the fault switchboard', () => {
  it('retries a read after a temporary outage at the jittered steps, 250 then 500 ms', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { graph } = graphSession(simulator, { random: () => 0.5 });
    simulator.faults.arm('transient', { sticky: true });
    const outcome = listPhoneNumbers(graph, WABA).catch((error: unknown) => error);
    await until(() => reads() === 1);
    await vi.advanceTimersByTimeAsync(249);
    await settle();
    expect(reads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => reads() === 2);
    await vi.advanceTimersByTimeAsync(499);
    await settle();
    expect(reads()).toBe(2);
    // Meta recovers before the third try: the admin sees the numbers, not the outage.
    simulator.faults.reset();
    await vi.advanceTimersByTimeAsync(1);
    await until(() => reads() === 3);
    const numbers = await outcome;
    expect(numbers).toEqual(expect.arrayContaining([expect.objectContaining({ id: PENDING })]));
  });

  it('waits out a one-minute throttle, then reads', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { graph } = graphSession(simulator, { random: () => 0.5 });
    simulator.faults.arm('rateLimit', { minutes: 1 });
    const outcome = listPhoneNumbers(graph, WABA);
    await until(() => reads() === 1);
    await vi.advanceTimersByTimeAsync(59_999);
    await settle();
    expect(reads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toHaveLength(2);
    expect(reads()).toBe(2);
  });

  it('leaves a five-minute throttle to the admin, with the time Meta gave', async () => {
    const { graph } = graphSession(simulator, { now: () => NOW });
    simulator.faults.arm('rateLimit', { minutes: 5 });
    const failure = await listPhoneNumbers(graph, WABA).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'meta.rateLimited', params: { retryAfterMinutes: 5, retryAt: '2026-03-02T10:05:00.000Z', graphCode: 80007, userTitle: 'Too many calls' } });
    expect(reads()).toBe(1);
  });

  it.each([
    ['verify_code', (session: ReturnType<typeof graphSession>) => verifyCode(session.graph, { phoneNumberId: PENDING, code: '123456' })],
    ['register', (session: ReturnType<typeof graphSession>) => register(session.graph, { phoneNumberId: PENDING, pin: '135790' })],
  ])('never repeats %s, even on an outage that a read would retry', async (path, send) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const session = graphSession(simulator, { random: () => 0.5 });
    simulator.faults.arm('transient', { sticky: true });
    await expect(send(session)).rejects.toMatchObject({ code: 'meta.transient' });
    await vi.advanceTimersByTimeAsync(120_000);
    await settle();
    expect(simulator.graphCallCount(`/${PENDING}/${path}`, 'POST')).toBe(1);
  });

  it('ends the session when Meta expires the token (190/463), and does not retry', async () => {
    const session = graphSession(simulator);
    simulator.faults.arm('expireToken');
    await expect(listPhoneNumbers(session.graph, WABA)).rejects.toMatchObject({ code: 'meta.session.expired', params: { graphCode: 190, subcode: 463 } });
    expect(session.expired).toEqual([463]);
    expect(reads()).toBe(1);
  });

  it('reports a broken answer as such instead of failing on it later', async () => {
    const { graph } = graphSession(simulator);
    simulator.faults.arm('malformedJson');
    await expect(listPhoneNumbers(graph, WABA)).rejects.toMatchObject({ code: 'meta.malformedResponse' });
    expect(reads()).toBe(1);
  });

  it('reports no network as a network error after the read retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let tries = 0;
    const offline: FetchLike = async () => {
      tries += 1;
      throw new TypeError('fetch failed');
    };
    const { graph } = graphSession(simulator, { fetch: offline, random: () => 0.5 });
    const outcome = listPhoneNumbers(graph, WABA).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    const failure = await outcome;
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'meta.network' });
    expect(tries).toBe(3);
  });

  it('maps each onboarding refusal of the switchboard to its own code', async () => {
    const { graph } = graphSession(simulator);
    simulator.faults.arm('wrongCode');
    await expect(verifyCode(graph, { phoneNumberId: PENDING, code: '000000' })).rejects.toMatchObject({ code: 'meta.number.wrongCode' });
    // Registering needs a verified number: the pending one is refused as not verified first.
    await expect(register(graph, { phoneNumberId: PENDING, pin: '135790' })).rejects.toMatchObject({ code: 'meta.number.notRegistered', params: { graphCode: 133010 } });
    simulator.faults.arm('pinMismatch');
    await expect(register(graph, { phoneNumberId: CONNECTED, pin: '246810' })).rejects.toMatchObject({ code: 'meta.number.pinMismatch' });
    simulator.faults.arm('registerLimit');
    await expect(register(graph, { phoneNumberId: CONNECTED, pin: '246810' })).rejects.toMatchObject({ code: 'meta.number.registerLimit' });
    simulator.faults.arm('recentlyDeleted');
    await expect(register(graph, { phoneNumberId: CONNECTED, pin: '246810' })).rejects.toMatchObject({ code: 'meta.number.recentlyDeleted', params: { retryAt: expect.any(String) } });
    simulator.faults.arm('tooManyCodeRequests');
    await expect(requestCode(graph, { phoneNumberId: PENDING, method: 'SMS', language: 'fr_FR' })).rejects.toMatchObject({ code: 'meta.number.tooManyCodeRequests', params: { subcode: 2388091 } });
    simulator.faults.arm('alreadyOnWhatsApp');
    await expect(addPhoneNumber(graph, { wabaId: WABA, cc: '33', phoneNumber: '612345678', verifiedName: 'Contoso' })).rejects.toMatchObject({ code: 'meta.number.alreadyOnWhatsApp', params: { subcode: 2388001 } });
  });
});
