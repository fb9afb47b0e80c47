import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/index';
import type { FetchLike } from '../../main/platform/ports';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { accountArea } from './helpers/account-area';
import { graphSession } from './helpers/graph-session';

/**
 * Step 2's account reads as the admin sees them: portfolios, accounts, numbers, profiles, each
 * kept with when it was read, per workspace and per mode, and shown from the last reading when
 * Meta cannot be reached.
 */

const CONTOSO = '200000000000001';
const FABRIKAM = '200000000000002';
const WABA = '300000000000001';
const CLIENT_WABA = '300000000000002';
const CONNECTED = '400000000000001';

let simulator: MetaSimulator;
const cleanups: (() => void)[] = [];
beforeEach(async () => {
  simulator = await startMetaSimulator();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await simulator.close();
});

/** A network the test can cut: offline, every call fails as a dropped connection does. */
function switchableFetch(): { fetch: FetchLike; online: boolean } {
  const network = {
    online: true,
    fetch: (async (url, init) => {
      if (!network.online) throw new TypeError('fetch failed');
      return fetch(url, init);
    }) as FetchLike,
  };
  return network;
}

function start(options: { businessManagerId?: string; fetch?: FetchLike; now?: () => Date } = {}) {
  const session = graphSession(simulator, { fetch: options.fetch, now: options.now });
  const area = accountArea({ graph: async () => session.graph, businessManagerId: options.businessManagerId, now: options.now });
  cleanups.push(area.remove);
  return { ...area, session };
}

describe('account service', () => {
  it("pre-selects step 1's portfolio, its only account, and reads that account's numbers and webhook subscription", async () => {
    const { handlers, changes } = start({ businessManagerId: ` ${CONTOSO} ` });
    const state = await handlers['meta:loadPortfolios'](undefined);
    expect(state.portfolios?.value.map((portfolio) => portfolio.name)).toEqual(['Contoso Contact Center', 'Fabrikam Services']);
    expect(state.preselectBusinessId).toBe(CONTOSO);
    expect(state.unlistedBusinessManagerId).toBeNull();
    expect(state.selection).toEqual({ businessId: CONTOSO, wabaId: WABA });
    expect(state.accounts?.value).toEqual([expect.objectContaining({ id: WABA, name: 'Contoso Support', accountReviewStatus: 'APPROVED', businessVerificationStatus: 'VERIFIED' })]);
    expect(state.numbers?.value.map((number) => [number.displayPhoneNumber, number.status])).toEqual([
      ['+33 7 48 11 15 24', 'CONNECTED'],
      ['+33 1 84 88 00 42', 'PENDING'],
    ]);
    expect(state.subscription?.value).toEqual({ subscribed: true, apps: ['WhatsApp Channel Setup Assistant (sandbox)'] });
    for (const reading of [state.portfolios, state.accounts, state.numbers, state.subscription]) expect(Date.now() - Date.parse(reading?.readAt ?? '')).toBeLessThan(60_000);
    // The page follows each reading as it lands.
    expect(changes().at(-1)).toEqual(state);
  });

  it('leaves the choice to the admin when step 1 names no portfolio they manage', async () => {
    const { handlers } = start({ businessManagerId: '999999999999999' });
    const state = await handlers['meta:loadPortfolios'](undefined);
    expect(state.preselectBusinessId).toBeNull();
    expect(state.unlistedBusinessManagerId).toBe('999999999999999');
    expect(state.selection).toEqual({ businessId: null, wabaId: null });
    expect(state.accounts).toBeNull();

    const fabrikam = await handlers['meta:selectPortfolio']({ businessId: FABRIKAM });
    expect(fabrikam.accounts?.value).toEqual([expect.objectContaining({ id: CLIENT_WABA, ownership: 'client', accountReviewStatus: 'PENDING' })]);
    expect(fabrikam.selection).toEqual({ businessId: FABRIKAM, wabaId: CLIENT_WABA });
    expect(fabrikam.subscription?.value).toEqual({ subscribed: false, apps: [] });

    // Another portfolio: the previous one's account and numbers are no longer shown.
    const contoso = await handlers['meta:selectPortfolio']({ businessId: CONTOSO });
    expect(contoso.selection).toEqual({ businessId: CONTOSO, wabaId: WABA });
    expect(contoso.numbers?.value.map((number) => number.id)).toContain(CONNECTED);
  });

  it('refuses an account that is not in the chosen portfolio, without asking Meta', async () => {
    const { handlers } = start();
    await handlers['meta:loadPortfolios'](undefined);
    await expect(handlers['meta:selectAccount']({ wabaId: WABA })).rejects.toMatchObject({ code: 'meta.account.noSelection' });
    await handlers['meta:selectPortfolio']({ businessId: FABRIKAM });
    simulator.clearGraphCalls();
    await expect(handlers['meta:selectAccount']({ wabaId: WABA })).rejects.toMatchObject({ code: 'meta.account.noSelection' });
    expect(simulator.graphCalls()).toEqual([]);
  });

  it('keeps the last reading, with its time, when Meta cannot be reached, and says why', async () => {
    let clock = new Date('2026-03-02T10:42:00Z');
    const network = switchableFetch();
    const { handlers, account } = start({ businessManagerId: CONTOSO, fetch: network.fetch, now: () => clock });
    const before = await handlers['meta:loadPortfolios'](undefined);
    expect(before.numbers?.readAt).toBe('2026-03-02T10:42:00.000Z');

    network.online = false;
    clock = new Date('2026-03-02T11:00:00Z');
    const refused = await Promise.resolve(handlers['meta:refreshNumbers'](undefined)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('meta.network');
    const offline = account.state();
    expect(offline.numbers).toEqual(before.numbers);
    expect(offline.portfolios).toEqual(before.portfolios);

    network.online = true;
    const back = await handlers['meta:refreshNumbers'](undefined);
    expect(back.numbers?.readAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it('says when Meta throttles, with the time to try again, and keeps the reading', async () => {
    const { handlers } = start({ businessManagerId: CONTOSO });
    const before = await handlers['meta:loadPortfolios'](undefined);
    simulator.faults.arm('rateLimit', { minutes: 5 });
    const refused = (await Promise.resolve(handlers['meta:refreshNumbers'](undefined)).catch((error: unknown) => error)) as AppError;
    expect(refused.code).toBe('meta.rateLimited');
    expect(refused.params.retryAfterMinutes).toBe(5);
    expect(Date.parse(String(refused.params.retryAt)) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(typeof refused.params.traceId).toBe('string');
    expect((await handlers['meta:account'](undefined)).numbers).toEqual(before.numbers);
  });

  it('keeps readings per workspace and per mode: a simulated number never shows in live mode', async () => {
    const area = start({ businessManagerId: CONTOSO });
    const sandbox = await area.handlers['meta:loadPortfolios'](undefined);
    expect(sandbox.numbers).not.toBeNull();

    area.setMode('live');
    const live = area.account.state();
    expect(live).toMatchObject({ selection: { businessId: null, wabaId: null }, portfolios: null, accounts: null, numbers: null });
    expect(area.changes().at(-1)).toEqual(live);
    area.setMode('sandbox');
    expect(area.account.state().numbers).toEqual(sandbox.numbers);

    // A duplicated workspace starts from the same readings; a new one from nothing.
    const copy = area.workspaces.duplicate(area.workspaces.current().id);
    expect(copy.currentId).not.toBe(sandbox.workspaceId);
    expect(area.account.state()).toMatchObject({ workspaceId: copy.currentId, numbers: sandbox.numbers, selection: sandbox.selection });
    area.workspaces.create({ name: 'Other', phoneNumber: '' });
    expect(area.account.state()).toMatchObject({ portfolios: null, numbers: null });
  });

  it('keeps the readings across a restart', async () => {
    const first = start({ businessManagerId: CONTOSO });
    const before = await first.handlers['meta:loadPortfolios'](undefined);
    const again = accountArea({ dataDir: first.dataDir, graph: async () => first.session.graph });
    expect(again.account.state()).toEqual({ ...before, preselectBusinessId: null, unlistedBusinessManagerId: null });
  });

  it('saves the profile fields given, reads the profile back, and logs the attempt', async () => {
    const { handlers } = start({ businessManagerId: CONTOSO });
    await handlers['meta:loadPortfolios'](undefined);
    const loaded = await handlers['meta:loadProfile']({ phoneNumberId: CONNECTED });
    expect(loaded.profiles[CONNECTED]?.value).toMatchObject({ about: 'Contoso customer service, Monday to Friday 8:00-20:00.', vertical: 'PROF_SERVICES', websites: ['https://www.contoso.example/'] });

    const description = 'd'.repeat(512);
    const saved = await handlers['meta:saveProfile']({ phoneNumberId: CONNECTED, profile: { about: 'Open 24/7', description, websites: ['https://a.example/', 'https://b.example/'], vertical: 'RETAIL' } });
    expect(saved.profiles[CONNECTED]?.value).toMatchObject({ about: 'Open 24/7', description, websites: ['https://a.example/', 'https://b.example/'], vertical: 'RETAIL', email: 'support@contoso.example' });
    expect(saved.attempts[CONNECTED]).toEqual([expect.objectContaining({ action: 'saveProfile', ok: true, error: null })]);

    // A write Meta fails is not repeated: one POST, and the failure is in the log.
    simulator.faults.arm('transient');
    simulator.clearGraphCalls();
    await expect(handlers['meta:saveProfile']({ phoneNumberId: CONNECTED, profile: { about: 'Closed' } })).rejects.toMatchObject({ code: 'meta.transient' });
    expect(simulator.graphCallCount(`/${CONNECTED}/whatsapp_business_profile`, 'POST')).toBe(1);
    const after = await handlers['meta:account'](undefined);
    expect(after.attempts[CONNECTED]?.at(-1)).toMatchObject({ action: 'saveProfile', ok: false, error: { code: 'meta.transient' } });
    expect(after.profiles[CONNECTED]?.value.about).toBe('Open 24/7');
  });

  it('reads a profile only for a number of the chosen account', async () => {
    const { handlers } = start();
    await expect(handlers['meta:loadProfile']({ phoneNumberId: CONNECTED })).rejects.toMatchObject({ code: 'meta.account.noSelection' });
  });

  it('keeps a numbers reading of the status board only for the chosen account', async () => {
    const { handlers, account } = start({ businessManagerId: CONTOSO });
    await handlers['meta:loadPortfolios'](undefined);
    const scope = account.scope();
    account.storeNumbers(scope, CLIENT_WABA, []);
    expect(account.state().numbers?.value).toHaveLength(2);
    account.storeNumbers(scope, WABA, []);
    expect(account.state().numbers?.value).toEqual([]);
    expect(account.selection()).toMatchObject({ businessId: CONTOSO, wabaId: WABA, mode: 'sandbox' });
  });
});
