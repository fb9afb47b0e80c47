import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_API_VERSION } from '../../shared/model/settings/settings';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { accountArea } from './helpers/account-area';
import { graphSession } from './helpers/graph-session';
import { derivedDocumentFile, prismUnavailable, routeThroughPrism, startPrism, type ContractRoute, type PrismProxy, type Violation } from './helpers/prism';

/**
 * Step 2 end to end, as the app runs it, through Prism: every request the account reads and the
 * onboarding send, and every answer the simulator gives, checked against Meta's OpenAPI file
 * (derived, see helpers/prism.ts). Only the calls the file does not describe go around it.
 */

const unavailable = prismUnavailable();
if (unavailable) console.warn(`onboarding-contract: skipped, ${unavailable}`);

const CONTOSO = '200000000000001';
const WABA = '300000000000001';

const listed = (violations: Violation[]) => violations.map((violation) => `${violation.method} ${violation.path} -> ${violation.status} ${violation.kind}: ${violation.messages.join('; ')}`);

describe.skipIf(unavailable !== null)("step 2 against Meta's OpenAPI file, through Prism", () => {
  let simulator: MetaSimulator;
  let prism: PrismProxy | undefined;
  let route: ContractRoute;

  beforeAll(async () => {
    simulator = await startMetaSimulator();
    prism = await startPrism(derivedDocumentFile(), simulator.origin);
    route = routeThroughPrism({ simulatorOrigin: simulator.origin, prismOrigin: prism.origin });
  }, 150_000);

  afterAll(async () => {
    await prism?.stop();
    await simulator?.close();
  });

  it('reads the account, adds a number, checks a wrong then the right code, registers it, and edits its profile, all within the contract', async () => {
    const session = graphSession(simulator, { fetch: route.fetch, version: DEFAULT_GRAPH_API_VERSION });
    const { handlers, operate, remove } = accountArea({ graph: async () => session.graph, businessManagerId: CONTOSO, language: 'fr' });
    try {
      const account = await handlers['meta:loadPortfolios'](undefined);
      expect(account.selection).toEqual({ businessId: CONTOSO, wabaId: WABA });

      const added = await operate('meta:addNumber', { wabaId: WABA, e164: '+33612345678', verifiedName: 'Jungle Support' });
      expect(added).toMatchObject({ ok: true, value: { alreadyThere: false } });
      const id = added.ok ? added.value.phoneNumberId : '';
      expect(await operate('meta:addNumber', { wabaId: WABA, e164: '+33612345678', verifiedName: 'Jungle Support' })).toMatchObject({ ok: true, value: { alreadyThere: true } });

      expect(await operate('meta:requestCode', { phoneNumberId: id, method: 'SMS' })).toMatchObject({ ok: true });
      const code = simulator.verificationCodeFor(id) ?? '';
      expect(await operate('meta:verifyCode', { phoneNumberId: id, code: code === '000000' ? '111111' : '000000' })).toMatchObject({ ok: false, error: { code: 'meta.number.wrongCode', params: { attemptsUsed: 1 } } });
      expect(await operate('meta:verifyCode', { phoneNumberId: id, code: `${code.slice(0, 3)} ${code.slice(3)}` })).toMatchObject({ ok: true });
      expect(await operate('meta:register', { phoneNumberId: id, pin: '482913' })).toMatchObject({ ok: true });

      await handlers['meta:loadProfile']({ phoneNumberId: id });
      const saved = await handlers['meta:saveProfile']({ phoneNumberId: id, profile: { about: 'The Jungle, open every day', description: 'Parrots and more.', email: 'contact@jungle.example', websites: ['https://jungle.example/'], vertical: 'RETAIL', address: '1 rue des Lianes' } });
      expect(saved.profiles[id]?.value).toMatchObject({ about: 'The Jungle, open every day', vertical: 'RETAIL' });
      expect(saved.numbers?.value.find((number) => number.id === id)).toMatchObject({ status: 'CONNECTED', codeVerificationStatus: 'VERIFIED' });
    } finally {
      remove();
    }
    expect(listed(route.violations())).toEqual([]);
    // Only the portfolios list is outside the contract; everything else was checked.
    expect([...new Set(route.bypassed())]).toEqual(['GET /me/businesses']);
    expect(route.checked()).toEqual(
      expect.arrayContaining([
        `GET /${CONTOSO}/owned_whatsapp_business_accounts`,
        `GET /${CONTOSO}/client_whatsapp_business_accounts`,
        `GET /${WABA}/phone_numbers`,
        `GET /${WABA}/subscribed_apps`,
        `POST /${WABA}/phone_numbers`,
        expect.stringMatching(/^POST \/\d+\/request_code$/),
        expect.stringMatching(/^POST \/\d+\/verify_code$/),
        expect.stringMatching(/^POST \/\d+\/register$/),
        expect.stringMatching(/^GET \/\d+\/whatsapp_business_profile$/),
        expect.stringMatching(/^POST \/\d+\/whatsapp_business_profile$/),
      ]),
    );
  }, 60_000);
});
