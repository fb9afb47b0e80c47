import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountState } from '../../shared/model/meta/account';
import { TemplateReading } from '../../shared/model/templates/templates';
import {
  addPhoneNumber,
  listBusinesses,
  listClientWabas,
  listOwnedWabas,
  listPhoneNumbers,
  listTemplates,
  readProfile,
  readSubscribedApps,
  readWabaStatus,
  register,
  requestCode,
  updateProfile,
  verifyCode,
} from '../../main/meta/graph/calls';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { graphSession } from './helpers/graph-session';

/**
 * The typed calls against the simulator: what each gives the rest of the app, in the shared
 * models' terms. (graph-contract.test.ts sends the same calls through Meta's OpenAPI file.)
 */

const CONTOSO = '200000000000001';
const FABRIKAM = '200000000000002';
const WABA = '300000000000001';
const CONNECTED = '400000000000001';
const PENDING = '400000000000002';

let simulator: MetaSimulator;
beforeEach(async () => {
  simulator = await startMetaSimulator();
});
afterEach(async () => {
  await simulator.close();
});

describe('typed Graph calls', () => {
  it('list the portfolios and their accounts, owned and shared, as the account step shows them', async () => {
    const { graph } = graphSession(simulator);
    const portfolios = await listBusinesses(graph);
    expect(portfolios).toEqual([
      { id: CONTOSO, name: 'Contoso Contact Center', verificationStatus: 'verified' },
      { id: FABRIKAM, name: 'Fabrikam Services', verificationStatus: 'pending' },
    ]);
    expect(await listOwnedWabas(graph, CONTOSO)).toEqual([
      { id: WABA, name: 'Contoso Support', ownership: 'owned', accountReviewStatus: 'APPROVED', businessVerificationStatus: 'VERIFIED', currency: 'EUR', timezoneId: '71' },
    ]);
    expect(await listClientWabas(graph, CONTOSO)).toEqual([]);
    expect(await listClientWabas(graph, FABRIKAM)).toEqual([expect.objectContaining({ id: '300000000000002', ownership: 'client', accountReviewStatus: 'PENDING' })]);
  });

  it('read every number with the messaging limit of the portfolio and NOT_APPLICABLE until registered', async () => {
    const { graph } = graphSession(simulator);
    const numbers = await listPhoneNumbers(graph, WABA);
    expect(numbers).toEqual([
      {
        id: CONNECTED,
        displayPhoneNumber: '+33 7 48 11 15 24',
        verifiedName: 'Contoso Support',
        nameStatus: 'APPROVED',
        status: 'CONNECTED',
        qualityRating: 'GREEN',
        messagingLimit: 'TIER_2K',
        throughputLevel: 'STANDARD',
        platformType: 'CLOUD_API',
        codeVerificationStatus: 'VERIFIED',
        accountMode: 'LIVE',
      },
      expect.objectContaining({ id: PENDING, status: 'PENDING', throughputLevel: 'NOT_APPLICABLE', platformType: 'NOT_APPLICABLE' }),
    ]);
    // What step 2 stores must fit the IPC contract's strict model.
    const state = AccountState.parse({
      workspaceId: '00000000-0000-4000-8000-000000000000',
      selection: { businessId: CONTOSO, wabaId: WABA },
      preselectBusinessId: null,
      unlistedBusinessManagerId: null,
      portfolios: null,
      accounts: null,
      numbers: { value: numbers, readAt: '2026-03-02T10:00:00.000Z' },
      subscription: null,
      profiles: {},
      attempts: {},
      pins: {},
    });
    expect(state.numbers?.value).toHaveLength(2);
  });

  it('take a number from adding to registered: add, code by SMS, wrong code, right code, register', async () => {
    const { graph } = graphSession(simulator);
    const { id } = await addPhoneNumber(graph, { wabaId: WABA, cc: '33', phoneNumber: '612345678', verifiedName: 'Contoso Rendez-vous' });
    expect((await listPhoneNumbers(graph, WABA)).find((number) => number.id === id)).toMatchObject({ displayPhoneNumber: '+33 612345678', status: 'PENDING' });

    await requestCode(graph, { phoneNumberId: id, method: 'SMS', language: 'fr_FR' });
    const code = simulator.verificationCodeFor(id);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(verifyCode(graph, { phoneNumberId: id, code: wrong })).rejects.toMatchObject({ code: 'meta.number.wrongCode', params: { graphCode: 136025 } });
    await verifyCode(graph, { phoneNumberId: id, code: code ?? '' });
    await register(graph, { phoneNumberId: id, pin: '135790' });
    expect((await listPhoneNumbers(graph, WABA)).find((number) => number.id === id)).toMatchObject({ codeVerificationStatus: 'VERIFIED', platformType: 'CLOUD_API' });
  });

  it('check what they send before Meta sees it', async () => {
    const { graph } = graphSession(simulator);
    await expect(addPhoneNumber(graph, { wabaId: WABA, cc: '39', phoneNumber: '0612345678', verifiedName: 'Contoso' })).rejects.toMatchObject({ code: 'meta.number.invalid' });
    await expect(requestCode(graph, { phoneNumberId: PENDING, method: 'SMS', language: 'fr' })).rejects.toMatchObject({ code: 'meta.invalidRequest' });
    await expect(verifyCode(graph, { phoneNumberId: PENDING, code: '123-456' })).rejects.toMatchObject({ code: 'meta.invalidRequest' });
    await expect(listPhoneNumbers(graph, '300000000000001/../../me')).rejects.toMatchObject({ code: 'meta.invalidRequest' });
    expect(simulator.graphCalls()).toEqual([]);
  });

  it('read and update the business profile, flat or nested as Meta writes it', async () => {
    const { graph } = graphSession(simulator);
    expect(await readProfile(graph, CONNECTED)).toEqual({
      about: 'Contoso customer service, Monday to Friday 8:00-20:00.',
      address: '12 rue de la Paix, 75002 Paris',
      description: 'Customer service for Contoso customers in France.',
      email: 'support@contoso.example',
      websites: ['https://www.contoso.example/'],
      vertical: 'PROF_SERVICES',
      profilePictureUrl: null,
    });
    await updateProfile(graph, CONNECTED, { about: 'Open 7 days', websites: ['https://www.contoso.example/', 'https://shop.contoso.example/'], vertical: 'RETAIL', description: 'd'.repeat(512) });
    expect(await readProfile(graph, CONNECTED)).toMatchObject({ about: 'Open 7 days', websites: ['https://www.contoso.example/', 'https://shop.contoso.example/'], vertical: 'RETAIL', description: 'd'.repeat(512), address: '12 rue de la Paix, 75002 Paris' });
  });

  it('list templates with the rejection reason, NONE meaning none', async () => {
    const { graph } = graphSession(simulator);
    const templates = await listTemplates(graph, WABA);
    expect(templates.map((template) => TemplateReading.parse(template))).toHaveLength(templates.length);
    expect(templates.find((template) => template.name === 'black_friday_promo')).toEqual({
      id: '500000000000004',
      name: 'black_friday_promo',
      language: 'en_US',
      status: 'REJECTED',
      category: 'UTILITY',
      qualityScore: 'UNKNOWN',
      rejectedReason: 'INCORRECT_CATEGORY',
    });
    expect(templates.find((template) => template.name === 'hello_world')).toMatchObject({ rejectedReason: null, qualityScore: 'GREEN' });
  });

  it('say whether an app receives the account\'s webhooks, and which', async () => {
    const { graph } = graphSession(simulator);
    expect(await readSubscribedApps(graph, WABA)).toEqual({ subscribed: true, apps: ['WhatsApp Channel Setup Assistant (sandbox)'] });
    expect(await readSubscribedApps(graph, '300000000000002', {})).toEqual({ subscribed: false, apps: [] });
  });

  it('read an account, its numbers and its templates in one call', async () => {
    const { graph } = graphSession(simulator);
    simulator.clearGraphCalls();
    const status = await readWabaStatus(graph, WABA);
    expect(status.account).toEqual({ id: WABA, name: 'Contoso Support', accountReviewStatus: 'APPROVED', businessVerificationStatus: 'VERIFIED' });
    expect(status.numbers).toEqual(await listPhoneNumbers(graph, WABA));
    expect(status.templates).toEqual(await listTemplates(graph, WABA));
    // One call for the status read; the two after it are this test's comparison.
    expect(simulator.graphCalls().map((call) => `${call.method} ${call.path}`)).toEqual([`GET /${WABA}`, `GET /${WABA}/phone_numbers`, `GET /${WABA}/message_templates`]);
  });
});
