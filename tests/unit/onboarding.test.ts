import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pinSlot } from '../../main/meta/pins';
import type { FetchLike } from '../../main/platform/ports';
import { SECRET_VAULT_FILE } from '../../main/platform/secrets/secret-vault';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { REGISTER_LIMIT } from '../../shared/model/meta/onboarding';
import { accountArea } from './helpers/account-area';
import { graphSession } from './helpers/graph-session';

/**
 * Adding a number, the code, the PIN and register, as long operations against the simulator:
 * what the admin sees after each, what the attempt log keeps, and what is never sent twice.
 */

const CONTOSO = '200000000000001';
const WABA = '300000000000001';
const PENDING = '400000000000002';
const NEW_NUMBER = '+33612345678';
const PIN = '482913';

let simulator: MetaSimulator | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await simulator?.close();
  simulator = undefined;
});

/** A clock the test moves; the simulator and the app read the same one. */
function movableClock(start = '2026-03-02T09:00:00Z') {
  let time = Date.parse(start);
  return { now: () => new Date(time), advance: (ms: number) => void (time += ms) };
}

async function start(options: { fetch?: FetchLike; clock?: ReturnType<typeof movableClock> } = {}) {
  const clock = options.clock;
  simulator = await startMetaSimulator({ now: clock?.now });
  const session = graphSession(simulator, { fetch: options.fetch, now: clock?.now });
  const area = accountArea({ graph: async () => session.graph, businessManagerId: CONTOSO, now: clock?.now, language: 'fr' });
  cleanups.push(area.remove);
  await area.handlers['meta:loadPortfolios'](undefined);
  return { ...area, session, simulator };
}

const postsTo = (path: string) => simulator?.graphCallCount(path, 'POST') ?? 0;

describe('adding a number', () => {
  it('adds it once: a second add finds it there and posts nothing', async () => {
    const { operate, account } = await start();
    const first = await operate('meta:addNumber', { wabaId: WABA, e164: '+33612345678', verifiedName: 'Jungle Support' });
    expect(first).toMatchObject({ ok: true, value: { alreadyThere: false } });
    const id = first.ok ? first.value.phoneNumberId : '';
    expect(account.state().numbers?.value.find((number) => number.id === id)).toMatchObject({ displayPhoneNumber: '+33 612345678', status: 'PENDING', codeVerificationStatus: 'NOT_VERIFIED' });

    const again = await operate('meta:addNumber', { wabaId: WABA, e164: '+33612345678', verifiedName: 'Jungle Support' });
    expect(again).toEqual({ ok: true, value: { phoneNumberId: id, alreadyThere: true } });
    expect(postsTo(`/${WABA}/phone_numbers`)).toBe(1);
    expect(account.state().attempts[id]?.map((entry) => [entry.action, entry.ok])).toEqual([
      ['addNumber', true],
      ['addNumber', true],
    ]);
  });

  it('finds the number Meta added when its answer was lost, instead of adding it again', async () => {
    let loseNextPost = true;
    const fetchLosingAnswer: FetchLike = async (url, init) => {
      const answer = await fetch(url, init);
      if (init.method === 'POST' && new URL(url).pathname.endsWith(`/${WABA}/phone_numbers`) && loseNextPost) {
        loseNextPost = false;
        throw new TypeError('fetch failed');
      }
      return answer;
    };
    const { operate } = await start({ fetch: fetchLosingAnswer });
    const result = await operate('meta:addNumber', { wabaId: WABA, e164: NEW_NUMBER, verifiedName: 'Jungle Support' });
    expect(result).toMatchObject({ ok: true, value: { alreadyThere: false } });
    expect(simulator?.world.phones.filter((phone) => phone.display_phone_number.replace(/\D/g, '') === '33612345678')).toHaveLength(1);
    expect(postsTo(`/${WABA}/phone_numbers`)).toBe(1);
  });

  it('says why Meta refuses a number still on a WhatsApp account, with its support reference', async () => {
    const { operate } = await start();
    simulator?.faults.arm('alreadyOnWhatsApp');
    const result = await operate('meta:addNumber', { wabaId: WABA, e164: NEW_NUMBER, verifiedName: 'Jungle Support' });
    expect(result).toMatchObject({ ok: false, state: 'failed', error: { code: 'meta.number.alreadyOnWhatsApp', params: { graphCode: 100, subcode: 2388001, userTitle: 'Phone number already in use' } } });
    expect(result.ok ? '' : result.error.params.traceId).toMatch(/^\S{6,}$/);
  });

  it('refuses an Italian landline, whose national number starts with 0, without asking Meta', async () => {
    const { operate } = await start();
    simulator?.clearGraphCalls();
    const result = await operate('meta:addNumber', { wabaId: WABA, e164: '+390612345678', verifiedName: 'Roma' });
    expect(result).toMatchObject({ ok: false, error: { code: 'meta.number.invalid', params: { problem: 'leadingZero' } } });
    expect(simulator?.graphCalls()).toEqual([]);
  });

  it('stops after looking when cancelled, before anything is added', async () => {
    const { operate, runner } = await start();
    simulator?.faults.arm('slow', { delayMs: 400 });
    const result = await operate('meta:addNumber', { wabaId: WABA, e164: NEW_NUMBER, verifiedName: 'Jungle Support' }, (id) => runner.cancel(id));
    expect(result).toMatchObject({ ok: false, state: 'cancelled' });
    expect(postsTo(`/${WABA}/phone_numbers`)).toBe(0);
  });
});

describe('the verification code', () => {
  it('counts the wrong codes since the last code request, and verifies the right one', async () => {
    const { operate, account } = await start();
    expect(await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'VOICE' })).toMatchObject({ ok: true, value: { method: 'VOICE' } });
    const code = simulator?.verificationCodeFor(PENDING) ?? '';
    const wrong = code === '000000' ? '111111' : '000000';

    const first = await operate('meta:verifyCode', { phoneNumberId: PENDING, code: wrong });
    expect(first).toMatchObject({ ok: false, error: { code: 'meta.number.wrongCode', params: { attemptsUsed: 1, graphCode: 136025 } } });
    expect(first.ok ? {} : first.error.params).not.toHaveProperty('attemptsLeft');
    const second = await operate('meta:verifyCode', { phoneNumberId: PENDING, code: wrong });
    expect(second).toMatchObject({ ok: false, error: { params: { attemptsUsed: 2 } } });

    // A new code starts the count again.
    await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'VOICE' });
    const fresh = simulator?.verificationCodeFor(PENDING) ?? '';
    const third = await operate('meta:verifyCode', { phoneNumberId: PENDING, code: fresh === '000000' ? '111111' : '000000' });
    expect(third).toMatchObject({ ok: false, error: { params: { attemptsUsed: 1 } } });

    // Pasted with its dash, as the SMS shows it.
    const right = await operate('meta:verifyCode', { phoneNumberId: PENDING, code: `${fresh.slice(0, 3)}-${fresh.slice(3)}` });
    expect(right).toEqual({ ok: true, value: { verified: true } });
    expect(account.state().numbers?.value.find((number) => number.id === PENDING)?.codeVerificationStatus).toBe('VERIFIED');
    expect(account.state().attempts[PENDING]?.map((entry) => `${entry.action}:${entry.method ?? ''}:${entry.ok}`)).toEqual([
      'requestCode:VOICE:true',
      'verifyCode::false',
      'verifyCode::false',
      'requestCode:VOICE:true',
      'verifyCode::false',
      'verifyCode::true',
    ]);
  });

  it('never checks a code twice on its own, even when Meta fails', async () => {
    const { operate } = await start();
    await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'SMS' });
    simulator?.faults.arm('transient');
    const result = await operate('meta:verifyCode', { phoneNumberId: PENDING, code: simulator?.verificationCodeFor(PENDING) ?? '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'meta.transient' } });
    expect(postsTo(`/${PENDING}/verify_code`)).toBe(1);
  });

  it('says when Meta will send no more codes for now', async () => {
    const { operate, account } = await start();
    simulator?.faults.arm('tooManyCodeRequests');
    expect(await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'SMS' })).toMatchObject({ ok: false, error: { code: 'meta.number.tooManyCodeRequests', params: { subcode: 2388091 } } });
    expect(account.state().attempts[PENDING]).toEqual([expect.objectContaining({ action: 'requestCode', method: 'SMS', ok: false })]);
  });

  it('stops waiting for the code request when cancelled, and logs it as cancelled', async () => {
    const { operate, runner, account } = await start();
    simulator?.faults.arm('slow', { delayMs: 5_000 });
    const started = Date.now();
    const result = await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'SMS' }, (id) => runner.cancel(id));
    expect(result).toMatchObject({ ok: false, state: 'cancelled', error: { code: 'meta.cancelled' } });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(account.state().attempts[PENDING]?.at(-1)).toMatchObject({ action: 'requestCode', ok: false, error: { code: 'meta.cancelled' } });
  });
});

describe('registering with the two-step PIN', () => {
  async function verified() {
    const started = await start();
    await started.operate('meta:requestCode', { phoneNumberId: PENDING, method: 'VOICE' });
    await started.operate('meta:verifyCode', { phoneNumberId: PENDING, code: simulator?.verificationCodeFor(PENDING) ?? '' });
    return started;
  }

  it('stores the PIN before registering, and the number is connected', async () => {
    const { operate, account, vault } = await verified();
    const result = await operate('meta:register', { phoneNumberId: PENDING, pin: PIN });
    expect(result).toEqual({ ok: true, value: { registered: true } });
    const state = account.state();
    expect(state.pins[PENDING]?.storedAt).toEqual(expect.any(String));
    expect(state.numbers?.value.find((number) => number.id === PENDING)).toMatchObject({ status: 'CONNECTED', platformType: 'CLOUD_API', throughputLevel: 'STANDARD' });
    expect(vault.get(pinSlot(PENDING))).toMatchObject({ pin: PIN });
  });

  it('keeps the PIN it was given even when Meta refuses it, and never sends or logs it anywhere else', async () => {
    const { operate, account, logger, session, everythingSent, dataDir } = await verified();
    simulator?.faults.arm('pinMismatch');
    const refused = await operate('meta:register', { phoneNumberId: PENDING, pin: PIN });
    expect(refused).toMatchObject({ ok: false, error: { code: 'meta.number.pinMismatch', params: { graphCode: 133005 } } });
    // Stored before the call: the number may now carry it.
    expect(account.state().pins[PENDING]).toBeDefined();
    // Again without a PIN: the stored one is used.
    expect(await operate('meta:register', { phoneNumberId: PENDING })).toEqual({ ok: true, value: { registered: true } });
    expect(simulator?.world.phones.find((phone) => phone.id === PENDING)?.pin).toBe(PIN);

    // SECURITY: in no event, log line or file but the encrypted vault.
    expect(everythingSent()).not.toContain(PIN);
    expect([...logger.lines(), ...session.logger.lines()].join('\n')).not.toContain(PIN);
    expect(readFileSync(join(dataDir, SECRET_VAULT_FILE), 'utf8')).not.toContain(PIN);
    expect(readFileSync(join(dataDir, 'meta', `${account.state().workspaceId}.json`), 'utf8')).not.toContain(PIN);
  });

  it('asks for the PIN when none is stored for the number, without calling Meta', async () => {
    const { operate } = await verified();
    const result = await operate('meta:register', { phoneNumberId: PENDING });
    expect(result).toMatchObject({ ok: false, error: { code: 'meta.pin.notStored' } });
    expect(postsTo(`/${PENDING}/register`)).toBe(0);
  });

  it('refuses an eleventh register call within 72 hours itself, saying when the limit lifts', async () => {
    const clock = movableClock();
    const started = await start({ clock });
    const { operate } = started;
    await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'VOICE' });
    await operate('meta:verifyCode', { phoneNumberId: PENDING, code: simulator?.verificationCodeFor(PENDING) ?? '' });
    const firstAt = clock.now().toISOString();
    for (let call = 0; call < REGISTER_LIMIT; call += 1) {
      expect(await operate('meta:register', { phoneNumberId: PENDING, pin: PIN })).toMatchObject({ ok: true });
      clock.advance(60 * 60_000);
    }
    const refused = await operate('meta:register', { phoneNumberId: PENDING });
    expect(refused).toMatchObject({ ok: false, error: { code: 'meta.number.registerLimit', params: { liftsAt: new Date(Date.parse(firstAt) + 72 * 3600_000).toISOString() } } });
    expect(postsTo(`/${PENDING}/register`)).toBe(REGISTER_LIMIT);

    // Once the oldest call is 72 hours old, the next one goes through.
    clock.advance(72 * 3600_000 - REGISTER_LIMIT * 60 * 60_000);
    expect(await operate('meta:register', { phoneNumberId: PENDING })).toMatchObject({ ok: true });
  });

  it("dates Meta's register limit from the attempt log, and waits 5 minutes for a number just deleted", async () => {
    const clock = movableClock();
    const { operate } = await start({ clock });
    await operate('meta:requestCode', { phoneNumberId: PENDING, method: 'VOICE' });
    await operate('meta:verifyCode', { phoneNumberId: PENDING, code: simulator?.verificationCodeFor(PENDING) ?? '' });
    const firstAt = clock.now().getTime();
    await operate('meta:register', { phoneNumberId: PENDING, pin: PIN });
    clock.advance(3_600_000);
    simulator?.faults.arm('registerLimit');
    expect(await operate('meta:register', { phoneNumberId: PENDING })).toMatchObject({ ok: false, error: { code: 'meta.number.registerLimit', params: { graphCode: 133016, liftsAt: new Date(firstAt + 72 * 3600_000).toISOString() } } });

    simulator?.faults.arm('recentlyDeleted');
    expect(await operate('meta:register', { phoneNumberId: PENDING })).toMatchObject({ ok: false, error: { code: 'meta.number.recentlyDeleted', params: { retryAt: new Date(clock.now().getTime() + 5 * 60_000).toISOString() } } });
  });

  it('never registers twice on its own, even when Meta fails', async () => {
    const { operate } = await verified();
    simulator?.faults.arm('transient');
    expect(await operate('meta:register', { phoneNumberId: PENDING, pin: PIN })).toMatchObject({ ok: false, error: { code: 'meta.transient' } });
    expect(postsTo(`/${PENDING}/register`)).toBe(1);
  });
});
