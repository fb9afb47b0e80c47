import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_GRAPH_API_VERSION } from '../../shared/model/settings/settings';
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
import type { PhoneStatus } from '../../main/simulators/meta/world';
import { graphSession, type GraphSession } from './helpers/graph-session';
import { KNOWN_CONTRADICTIONS, type OpenApiDocument } from './helpers/known-contradictions';
import { BYPASS, derivedDocumentFile, prismUnavailable, routeThroughPrism, startPrism, USED_OPERATIONS, type ContractRoute, type PrismProxy, type Violation } from './helpers/prism';

/**
 * Every typed Graph call, sent by the real client through Prism to a fresh Meta simulator:
 * Prism checks each request the app sends and each answer the simulator gives against Meta's
 * OpenAPI file (derived: see helpers/prism.ts). A test fails listing what Prism found.
 */

const unavailable = prismUnavailable();
if (unavailable) console.warn(`graph-contract: skipped, ${unavailable}`);

const CONTOSO = '200000000000001';
const FABRIKAM = '200000000000002';
const WABA = '300000000000001';
const CONNECTED = '400000000000001';

/** Prism's findings, one line each, so a failure reads as the list of what is wrong. */
const listed = (violations: Violation[]) => violations.map((violation) => `${violation.method} ${violation.path} -> ${violation.status} ${violation.kind}: ${violation.messages.join('; ')}`);

describe.skipIf(unavailable !== null)("typed Graph calls against Meta's OpenAPI file, through Prism", () => {
  let simulator: MetaSimulator;
  let prism: PrismProxy | undefined;
  let route: ContractRoute;
  let session: GraphSession;

  beforeAll(async () => {
    simulator = await startMetaSimulator();
    prism = await startPrism(derivedDocumentFile(), simulator.origin);
    route = routeThroughPrism({ simulatorOrigin: simulator.origin, prismOrigin: prism.origin });
    session = graphSession(simulator, { fetch: route.fetch, version: DEFAULT_GRAPH_API_VERSION });
  }, 150_000);

  afterAll(async () => {
    await prism?.stop();
    await simulator?.close();
  });

  beforeEach(() => {
    route.clear();
    simulator.faults.reset();
  });

  /**
   * Runs a test's calls, then fails first on what Prism found (a call Prism refused fails in
   * the app as well, but its own error says less than Prism's list).
   */
  async function clean(work: () => Promise<void>): Promise<void> {
    let failure: unknown = null;
    try {
      await work();
    } catch (error) {
      failure = error;
    }
    expect(listed(route.violations())).toEqual([]);
    if (failure !== null) throw failure;
  }

  it('checks against a document that keeps only the calls the app makes, patched where Meta contradicts itself', () => {
    const derived = JSON.parse(readFileSync(derivedDocumentFile(), 'utf8')) as OpenApiDocument;
    expect(Object.keys(derived.paths).sort()).toEqual(Object.keys(USED_OPERATIONS).sort());
    for (const [path, methods] of Object.entries(USED_OPERATIONS)) {
      expect(Object.keys(derived.paths[path] ?? {}).filter((key) => ['get', 'post', 'delete', 'put', 'patch'].includes(key)).sort(), path).toEqual([...methods].sort());
    }
    const phoneStatus = derived.components.schemas.WhatsAppPhoneNumberStatus as { enum: string[] };
    expect(phoneStatus.enum).toEqual(expect.arrayContaining(['PENDING', 'CONNECTED']));
    for (const contradiction of KNOWN_CONTRADICTIONS) expect(contradiction.source, contradiction.id).not.toBe('');
  });

  it("reports a request Meta's file refuses, and an answer it does not describe (the check can fail)", async () => {
    // A form body: the file gives JSON as the only body type of request_code.
    const form = await route.fetch(`${simulator.origin}/v26.0/${CONNECTED}/request_code`, {
      method: 'POST',
      headers: { Authorization: 'Bearer EAAtest', 'User-Agent': 'WhatsAppChannelSetupAssistant/0.1.0', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'code_method=SMS&language=fr_FR',
      signal: AbortSignal.timeout(20_000),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(route.violations()).toEqual([expect.objectContaining({ method: 'POST', path: `/${CONNECTED}/request_code` })]);
    route.clear();

    // A phone status no Meta source lists, inside the batched read: caught only because the
    // derived document resolves GET /{id} to the account, with its edges as connections.
    const phone = simulator.world.phones.find((candidate) => candidate.id === CONNECTED);
    if (!phone) throw new Error('seeded number missing');
    const status = phone.status;
    phone.status = 'BOGUS' as PhoneStatus;
    try {
      await expect(readWabaStatus(session.graph, WABA)).rejects.toMatchObject({ code: 'meta.transient' });
    } finally {
      phone.status = status;
    }
    expect(route.violations().map((violation) => violation.kind)).toContain('VIOLATIONS');
    expect(route.violations().flatMap((violation) => violation.messages).join('\n')).toMatch(/phone_numbers\.data\.0\.status/);
  });

  it('reads portfolios around Prism (not in the file) and their accounts through it', async () => {
    await clean(async () => {
      expect(await listBusinesses(session.graph)).toHaveLength(2);
      expect(await listOwnedWabas(session.graph, CONTOSO)).toEqual([expect.objectContaining({ id: WABA })]);
      expect(await listClientWabas(session.graph, CONTOSO)).toEqual([]);
      expect(await listOwnedWabas(session.graph, FABRIKAM)).toEqual([]);
      expect(await listClientWabas(session.graph, FABRIKAM)).toEqual([expect.objectContaining({ ownership: 'client' })]);
    });
    expect(route.bypassed()).toEqual(['GET /me/businesses']);
    expect(route.checked()).toEqual([`GET /${CONTOSO}/owned_whatsapp_business_accounts`, `GET /${CONTOSO}/client_whatsapp_business_accounts`, `GET /${FABRIKAM}/owned_whatsapp_business_accounts`, `GET /${FABRIKAM}/client_whatsapp_business_accounts`]);
  });

  it('reads numbers, profile, templates and the webhook subscription as the file describes them', async () => {
    await clean(async () => {
      expect(await listPhoneNumbers(session.graph, WABA)).not.toHaveLength(0);
      expect(await readProfile(session.graph, CONNECTED)).toMatchObject({ vertical: expect.any(String) });
      expect((await listTemplates(session.graph, WABA)).map((template) => template.status)).toEqual(expect.arrayContaining(['APPROVED', 'REJECTED', 'PAUSED']));
      expect(await readSubscribedApps(session.graph, WABA)).toMatchObject({ subscribed: true });
    });
    expect(route.bypassed()).toEqual([]);
  });

  it('reads the status board in one batched call the file describes', async () => {
    await clean(async () => {
      const status = await readWabaStatus(session.graph, WABA);
      expect(status.numbers.length).toBeGreaterThan(0);
      expect(status.templates.length).toBeGreaterThan(0);
    });
    expect(route.checked()).toEqual([`GET /${WABA}`]);
  });

  it('takes a number from adding to registered, wrong code included, with requests and answers as the file has them', async () => {
    let id = '';
    await clean(async () => {
      const national = String(600_000_000 + Math.floor(Math.random() * 99_999_999));
      ({ id } = await addPhoneNumber(session.graph, { wabaId: WABA, cc: '33', phoneNumber: national, verifiedName: 'Contoso Rendez-vous' }));
      await requestCode(session.graph, { phoneNumberId: id, method: 'VOICE', language: 'fr_FR' });
      const code = simulator.verificationCodeFor(id) ?? '';
      await expect(verifyCode(session.graph, { phoneNumberId: id, code: code === '000000' ? '111111' : '000000' })).rejects.toMatchObject({ code: 'meta.number.wrongCode' });
      await verifyCode(session.graph, { phoneNumberId: id, code });
      await register(session.graph, { phoneNumberId: id, pin: '135790' });
      await updateProfile(session.graph, id, { about: 'Rendez-vous', address: '1 rue de Rivoli, Paris', description: 'd'.repeat(512), email: 'rdv@contoso.example', websites: ['https://www.contoso.example/'], vertical: 'PROF_SERVICES' });
      expect(await readProfile(session.graph, id)).toMatchObject({ about: 'Rendez-vous', description: 'd'.repeat(512) });
    });
    expect(route.checked()).toEqual([
      `POST /${WABA}/phone_numbers`,
      `POST /${id}/request_code`,
      `POST /${id}/verify_code`,
      `POST /${id}/verify_code`,
      `POST /${id}/register`,
      `POST /${id}/whatsapp_business_profile`,
      `GET /${id}/whatsapp_business_profile`,
    ]);
  });

  it("passes Meta's refusals and their headers through unchanged", async () => {
    await clean(async () => {
      simulator.faults.arm('rateLimit', { minutes: 5 });
      await expect(listPhoneNumbers(session.graph, WABA)).rejects.toMatchObject({ code: 'meta.rateLimited', params: { retryAfterMinutes: 5, graphCode: 80007 } });
      simulator.faults.arm('pinMismatch');
      await expect(register(session.graph, { phoneNumberId: CONNECTED, pin: '246810' })).rejects.toMatchObject({ code: 'meta.number.pinMismatch', params: { graphCode: 133005 } });
      simulator.faults.arm('alreadyOnWhatsApp');
      await expect(addPhoneNumber(session.graph, { wabaId: WABA, cc: '33', phoneNumber: '655555556', verifiedName: 'Contoso' })).rejects.toMatchObject({ code: 'meta.number.alreadyOnWhatsApp' });
    });
  });

  it('sends only the documented bypass list around Prism', () => {
    expect(BYPASS.map((entry) => entry.name)).toEqual(['GET /me', 'GET /me/permissions', 'DELETE /me/permissions', 'GET /me/businesses', 'POST /oauth/access_token']);
    for (const path of Object.keys(USED_OPERATIONS)) expect(BYPASS.some((entry) => entry.path.test(path.replace('/{Version}', ''))), path).toBe(false);
  });
});
