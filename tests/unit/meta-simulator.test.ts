import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { restoreWorld, seedWorld, serializeWorld } from '../../main/simulators/meta/world';

let simulator: MetaSimulator;
beforeEach(async () => {
  simulator = await startMetaSimulator();
});
afterEach(async () => {
  await simulator.close();
});

const APP = '100000000000001';
const redirectUri = () => `${simulator.origin}/connect/login_success.html`;

function dialog(params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    client_id: APP,
    redirect_uri: redirectUri(),
    state: 'state-123',
    response_type: 'token',
    scope: 'business_management,whatsapp_business_management,whatsapp_business_messaging',
    display: 'popup',
    ...params,
  });
  return `${simulator.origin}/v26.0/dialog/oauth?${query}`;
}

/** Submits one of the dialog's forms the way a browser would. */
async function submit(path: string, fields: [string, string][], cookie = ''): Promise<Response> {
  return fetch(`${simulator.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Logs Camille in through the dialog, ticking `grant`, and returns the redirect URL. */
async function logIn(grant = ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'], extra: Record<string, string> = {}): Promise<URL> {
  const query = new URL(dialog(extra)).search.slice(1);
  const chosen = await submit('/sandbox/login', [
    ['q', query],
    ['action', 'choose'],
    ['person', '10001'],
  ]);
  // Meta skips the permissions screen when everything asked was already answered.
  if (chosen.status === 302) return new URL(chosen.headers.get('location') ?? '');
  expect(chosen.status).toBe(200);
  expect(await chosen.text()).toContain('is requesting access');
  const consent = await submit('/sandbox/consent', [['q', query], ['person', '10001'], ['action', 'continue'], ...grant.map((scope): [string, string] => ['grant', scope])]);
  expect(consent.status).toBe(302);
  return new URL(consent.headers.get('location') ?? '');
}

async function tokenFor(grant?: string[]): Promise<string> {
  const redirect = await logIn(grant);
  return new URLSearchParams(redirect.hash.slice(1)).get('access_token') ?? '';
}

async function graph(token: string, path: string, init: { method?: string; form?: Record<string, string>; json?: Record<string, unknown> } = {}) {
  const response = await fetch(path.startsWith('http') ? path : `${simulator.origin}/v26.0${path}`, {
    method: init.method ?? (init.json ? 'POST' : 'GET'),
    headers: { Authorization: `Bearer ${token}`, ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...(init.json ? { 'Content-Type': 'application/json' } : {}) },
    body: init.form ? new URLSearchParams(init.form).toString() : init.json ? JSON.stringify(init.json) : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // left as text: the malformed-answer fault
  }
  return { status: response.status, body: body as Body, headers: response.headers };
}

type Connection = { data: Record<string, unknown>[]; paging?: { cursors: { before: string; after: string }; next?: string; previous?: string } };
type Body = Record<string, unknown> & { error?: Record<string, unknown>; data?: Record<string, unknown>[]; paging?: Connection['paging'] };

const WABA = '300000000000001';
const CONNECTED = '400000000000001';
const PENDING = '400000000000002';

describe('Meta simulator login dialog', () => {
  it('offers the sample people, labelled as a sandbox, without any script', async () => {
    const response = await fetch(dialog());
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('Log in as Camille Martin');
    expect(page).toContain('Log in as Alex Tremblay');
    expect(page).toContain('Sandbox');
    expect(page).not.toMatch(/<script/i);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('redirects with the token in the fragment, as Meta does for desktop apps', async () => {
    const redirect = await logIn();
    expect(redirect.origin + redirect.pathname).toBe(redirectUri());
    const fragment = new URLSearchParams(redirect.hash.slice(1));
    expect(fragment.get('access_token')).toMatch(/^EAA[A-Za-z0-9]{60,}$/);
    expect(fragment.get('state')).toBe('state-123');
    expect(Number(fragment.get('expires_in'))).toBeGreaterThan(0);
    expect(redirect.search).toBe('');
  });

  it('records a declined permission and asks again only with auth_type=rerequest', async () => {
    const token = await tokenFor(['business_management', 'whatsapp_business_management']);
    const permissions = await graph(token, '/me/permissions');
    expect(permissions.body.data).toContainEqual({ permission: 'whatsapp_business_messaging', status: 'declined' });

    const cookie = 'sandbox_person=10001';
    const silent = await fetch(dialog(), { headers: { Cookie: cookie } });
    expect(await silent.text()).toContain('Continue as Camille Martin');
    const query = new URL(dialog()).search.slice(1);
    const straight = await submit('/sandbox/login', [['q', query], ['action', 'continue'], ['person', '10001']], cookie);
    expect(straight.status).toBe(302);

    const rerequest = new URL(dialog({ auth_type: 'rerequest' })).search.slice(1);
    const asked = await submit('/sandbox/login', [['q', rerequest], ['action', 'continue'], ['person', '10001']], cookie);
    const consent = await asked.text();
    expect(consent).toContain('value="whatsapp_business_messaging"');
    expect(consent).not.toContain('value="business_management"');
  });

  it('shows the account chooser for another account even when someone is logged in', async () => {
    const page = await (await fetch(dialog({ auth_type: 'reauthenticate' }), { headers: { Cookie: 'sandbox_person=10001' } })).text();
    expect(page).toContain('Log in as Alex Tremblay');
    expect(page).not.toContain('Continue as');
  });

  it('answers Cancel with access_denied/user_denied in the query, as Meta does', async () => {
    const response = await submit('/sandbox/login', [
      ['q', new URL(dialog()).search.slice(1)],
      ['action', 'cancel'],
    ]);
    const location = new URL(response.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: 'state-123' });
    expect(location.hash).toBe('#_=_');
  });

  it('refuses a redirect URI the app did not register', async () => {
    const response = await fetch(dialog({ redirect_uri: 'https://evil.example/steal' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('URL blocked');
  });

  it('runs the PKCE code flow and refuses a wrong verifier or a reused code', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirect = await logIn(undefined, { response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256' });
    const code = redirect.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    expect(redirect.hash).toBe('#_=_');
    const exchange = (codeVerifier: string) =>
      fetch(`${simulator.origin}/v26.0/oauth/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: APP, redirect_uri: redirectUri(), code, code_verifier: codeVerifier }).toString(),
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

    const other = await logIn(undefined, { response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256' });
    const wrong = await fetch(`${simulator.origin}/v26.0/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: APP, redirect_uri: redirectUri(), code: other.searchParams.get('code') ?? '', code_verifier: 'not-the-verifier' }).toString(),
    });
    expect(wrong.status).toBe(400);

    const good = await exchange(verifier);
    expect(good).toMatchObject({ status: 200, body: { token_type: 'bearer' } });
    expect(String(good.body.access_token)).toMatch(/^EAA/);
    expect((await exchange(verifier)).status).toBe(400);
  });
});

describe('Meta simulator Graph API', () => {
  it('answers 190 to any call without a valid token', async () => {
    for (const token of ['', 'EAAnotatoken']) {
      const answer = await graph(token, '/me');
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ code: 190, type: 'OAuthException' });
      expect(answer.body.error?.fbtrace_id).toEqual(expect.any(String));
    }
  });

  it('walks from the person to businesses, accounts, numbers and templates', async () => {
    const token = await tokenFor();
    expect((await graph(token, '/me?fields=id,name')).body).toEqual({ id: '10001', name: 'Camille Martin' });
    const businesses = await graph(token, '/me/businesses');
    expect(businesses.body.data?.map((business) => business.name)).toEqual(['Contoso Contact Center', 'Fabrikam Services']);
    const wabas = await graph(token, '/200000000000001/owned_whatsapp_business_accounts');
    expect(wabas.body.data?.[0]).toMatchObject({ id: '300000000000001', account_review_status: 'APPROVED' });
    expect((await graph(token, '/200000000000002/client_whatsapp_business_accounts')).body.data?.[0]).toMatchObject({ name: 'Fabrikam Helpdesk' });
    const phones = await graph(token, '/300000000000001/phone_numbers');
    expect(phones.body.data?.[0]).toMatchObject({ verified_name: 'Contoso Support', name_status: 'APPROVED', quality_rating: 'GREEN', messaging_limit_tier: 'TIER_2K' });
    expect(phones.body.data?.[1]).toMatchObject({ status: 'PENDING', name_status: 'PENDING_REVIEW' });
    const templates = await graph(token, '/300000000000001/message_templates');
    expect(templates.body.data?.map((template) => template.status)).toEqual(expect.arrayContaining(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']));
    expect(templates.body.data?.find((template) => template.status === 'REJECTED')).toMatchObject({ rejected_reason: 'INCORRECT_CATEGORY' });
  });

  it('pages lists with cursors', async () => {
    const token = await tokenFor();
    const first = await graph(token, '/300000000000001/message_templates?limit=4');
    expect(first.body.data).toHaveLength(4);
    const after = (first.body.paging as { cursors: { after: string } }).cursors.after;
    const second = await graph(token, `/300000000000001/message_templates?limit=4&after=${after}`);
    expect(second.body.data).toHaveLength(2);
  });

  it('hides objects of businesses the person has no role in', async () => {
    const redirect = await (async () => {
      const query = new URL(dialog()).search.slice(1);
      await submit('/sandbox/login', [['q', query], ['action', 'choose'], ['person', '10002']]);
      const consent = await submit('/sandbox/consent', [['q', query], ['person', '10002'], ['action', 'continue'], ['grant', 'business_management'], ['grant', 'whatsapp_business_management']]);
      return new URL(consent.headers.get('location') ?? '');
    })();
    const token = new URLSearchParams(redirect.hash.slice(1)).get('access_token') ?? '';
    expect((await graph(token, '/me')).body).toMatchObject({ name: 'Alex Tremblay' });
    expect((await graph(token, '/300000000000001')).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('refuses WhatsApp calls when whatsapp_business_management was declined', async () => {
    const token = await tokenFor(['business_management']);
    expect((await graph(token, '/300000000000001/phone_numbers')).body.error).toMatchObject({ code: 200 });
  });

  it('sends a verification code to the sandbox phone, verifies it, and locks after too many wrong ones', async () => {
    const token = await tokenFor();
    const phone = '400000000000002';
    expect((await graph(token, `/${phone}/request_code`, { method: 'POST', form: { code_method: 'SMS', language: 'fr_FR' } })).body).toEqual({ success: true });
    const code = simulator.verificationCodeFor(phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(await (await fetch(`${simulator.origin}/sandbox/phone`)).text()).toContain(code ?? 'missing');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await graph(token, `/${phone}/verify_code`, { method: 'POST', form: { code: '000000' === code ? '111111' : '000000' } })).body.error).toMatchObject({ code: 136025 });
    }
    expect((await graph(token, `/${phone}/verify_code`, { method: 'POST', form: { code: code ?? '' } })).body.error).toMatchObject({ code: 136024 });
    await graph(token, `/${phone}/request_code`, { method: 'POST', form: { code_method: 'VOICE', language: 'fr_FR' } });
    const fresh = simulator.verificationCodeFor(phone) ?? '';
    expect((await graph(token, `/${phone}/verify_code`, { method: 'POST', form: { code: fresh } })).body).toEqual({ success: true, id: phone });
    expect((await graph(token, `/${phone}/register`, { method: 'POST', form: { messaging_product: 'whatsapp', pin: '135790' } })).body).toEqual({ success: true });
    expect((await graph(token, `/${phone}`)).body).toMatchObject({ status: 'CONNECTED', code_verification_status: 'VERIFIED' });
  });

  it('allows 10 register calls per number in 72 hours, then answers 133016', async () => {
    const token = await tokenFor();
    const register = () => graph(token, '/400000000000001/register', { method: 'POST', form: { messaging_product: 'whatsapp', pin: '246810' } });
    for (let call = 0; call < 10; call += 1) expect((await register()).body).toEqual({ success: true });
    expect((await register()).body.error).toMatchObject({ code: 133016 });
  });

  it('refuses a register with another PIN than the one set (133005)', async () => {
    const token = await tokenFor();
    const answer = await graph(token, '/400000000000001/register', { method: 'POST', form: { messaging_product: 'whatsapp', pin: '999999' } });
    expect(answer.body.error).toMatchObject({ code: 133005 });
  });

  it('adds a number, and refuses one already on WhatsApp (100/2388001)', async () => {
    const token = await tokenFor();
    const added = await graph(token, '/300000000000001/phone_numbers', { method: 'POST', form: { cc: '33', phone_number: '612345678', verified_name: 'Contoso Help' } });
    expect(added.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    expect((await graph(token, '/300000000000001/phone_numbers')).body.data).toHaveLength(3);
    simulator.faults.arm('alreadyOnWhatsApp');
    const refused = await graph(token, '/300000000000001/phone_numbers', { method: 'POST', form: { cc: '33', phone_number: '699999999', verified_name: 'Contoso Help' } });
    expect(refused.body.error).toMatchObject({ code: 100, error_subcode: 2388001 });
  });

  it('updates the business profile within Meta\'s limits', async () => {
    const token = await tokenFor();
    expect((await graph(token, '/400000000000001/whatsapp_business_profile', { method: 'POST', form: { messaging_product: 'whatsapp', about: 'Open 9-18' } })).body).toEqual({ success: true });
    expect((await graph(token, '/400000000000001/whatsapp_business_profile')).body.data?.[0]).toMatchObject({ about: 'Open 9-18', messaging_product: 'whatsapp' });
    expect((await graph(token, '/400000000000001/whatsapp_business_profile', { method: 'POST', form: { messaging_product: 'whatsapp', about: 'x'.repeat(140) } })).body.error).toMatchObject({ code: 100 });
  });

  it('revokes every token of the person on DELETE /me/permissions (190/460)', async () => {
    const token = await tokenFor();
    expect((await graph(token, '/me/permissions', { method: 'DELETE' })).body).toEqual({ success: true });
    expect((await graph(token, '/me')).body.error).toMatchObject({ code: 190, error_subcode: 460 });
  });
});

describe('Meta simulator faults', () => {
  it('expires or revokes tokens already handed out', async () => {
    const token = await tokenFor();
    simulator.faults.expireTokens();
    expect((await graph(token, '/me')).body.error).toMatchObject({ code: 190, error_subcode: 463 });
    const second = await tokenFor();
    expect((await graph(second, '/me')).status).toBe(200);
    simulator.faults.revokeTokens();
    expect((await graph(second, '/me')).body.error).toMatchObject({ code: 190, error_subcode: 460 });
  });

  it('rate limits with 80007 and says when in X-Business-Use-Case-Usage, once unless sticky', async () => {
    const token = await tokenFor();
    simulator.faults.arm('rateLimit', { minutes: 7 });
    const limited = await graph(token, '/300000000000001/phone_numbers');
    expect(limited.body.error).toMatchObject({ code: 80007 });
    expect(JSON.parse(limited.headers.get('x-business-use-case-usage') ?? '{}')['300000000000001'][0].estimated_time_to_regain_access).toBe(7);
    expect((await graph(token, '/300000000000001/phone_numbers')).status).toBe(200);
    simulator.faults.arm('transient', { sticky: true });
    expect((await graph(token, '/me')).body.error).toMatchObject({ code: 2, is_transient: true });
    expect((await graph(token, '/me')).status).toBe(500);
    simulator.faults.reset();
    expect((await graph(token, '/me')).status).toBe(200);
  });

  it('answers slowly, or with broken JSON, when asked', async () => {
    const token = await tokenFor();
    simulator.faults.arm('slow', { delayMs: 300 });
    const started = Date.now();
    await graph(token, '/me');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    simulator.faults.arm('malformedJson');
    const broken = await graph(token, '/me');
    expect(typeof broken.body).toBe('string');
  });

  it('can be driven over HTTP for demos', async () => {
    const post = (fault: string) => fetch(`${simulator.origin}/sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fault, sticky: 'true' }) });
    expect(await (await post('wrongCode')).json()).toEqual({ active: ['wrongCode'] });
    expect((await post('nonsense')).status).toBe(400);
    expect(await (await fetch(`${simulator.origin}/sandbox/faults`, { method: 'DELETE' })).json()).toEqual({ active: [] });
  });
});

describe('Meta simulator state between runs', () => {
  it('keeps sessions, permissions and numbers across a restart, without storing the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-sandbox-'));
    const stateFile = join(dir, 'sandbox-state.json');
    await simulator.close();
    simulator = await startMetaSimulator({ stateFile });
    const token = await tokenFor(['business_management', 'whatsapp_business_management']);
    await graph(token, '/300000000000001/phone_numbers', { method: 'POST', form: { cc: '33', phone_number: '611112222', verified_name: 'Contoso Help' } });
    await simulator.close();

    expect(readFileSync(stateFile, 'utf8')).not.toContain(token);
    simulator = await startMetaSimulator({ stateFile });
    expect((await graph(token, '/me')).body).toMatchObject({ name: 'Camille Martin' });
    expect((await graph(token, '/me/permissions')).body.data).toContainEqual({ permission: 'whatsapp_business_messaging', status: 'declined' });
    expect((await graph(token, '/300000000000001/phone_numbers')).body.data).toHaveLength(3);
  });

  it('sets an unreadable state file aside and starts from the seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-sandbox-'));
    const stateFile = join(dir, 'sandbox-state.json');
    writeFileSync(stateFile, '{"version": 1, "people": [');
    await simulator.close();
    simulator = await startMetaSimulator({ stateFile });
    expect(readdirSync(dir).some((name) => name.startsWith('sandbox-state.json.corrupt-'))).toBe(true);
    const token = await tokenFor();
    expect((await graph(token, '/300000000000001/phone_numbers')).body.data).toHaveLength(2);
  });
});

describe('Meta simulator fields and paging', () => {
  it('expands the account\'s numbers and templates in one read, each a connection with its own limit', async () => {
    const token = await tokenFor();
    const fields = 'id,name,account_review_status,phone_numbers.limit(1){id,display_phone_number,status,throughput},message_templates.limit(100){id,name,status,rejected_reason}';
    const read = await graph(token, `/${WABA}?fields=${encodeURIComponent(fields)}`);
    expect(read.status).toBe(200);
    const numbers = read.body.phone_numbers as Connection;
    const templates = read.body.message_templates as Connection;
    expect(read.body).toMatchObject({ id: WABA, name: 'Contoso Support', account_review_status: 'APPROVED' });
    expect(numbers.data).toEqual([{ id: CONNECTED, display_phone_number: '+33 7 48 11 15 24', status: 'CONNECTED', throughput: { level: 'STANDARD' } }]);
    expect(templates.data).toHaveLength(6);
    expect(templates.data.find((template) => template.name === 'black_friday_promo')).toEqual({ id: '500000000000004', name: 'black_friday_promo', status: 'REJECTED', rejected_reason: 'INCORRECT_CATEGORY' });
    expect(templates.paging?.next).toBeUndefined();

    // The next page of an edge is its own list endpoint, asking the same fields from the cursor on.
    const next = new URL(numbers.paging?.next ?? 'http://missing');
    expect(next.origin + next.pathname).toBe(`${simulator.origin}/v26.0/${WABA}/phone_numbers`);
    expect(next.searchParams.get('fields')).toBe('id,display_phone_number,status,throughput');
    expect(next.searchParams.get('limit')).toBe('1');
    const second = await graph(token, next.href);
    expect(second.body.data).toEqual([{ id: PENDING, display_phone_number: '+33 1 84 88 00 42', status: 'PENDING', throughput: { level: 'NOT_APPLICABLE' } }]);
    expect(second.body.paging?.next).toBeUndefined();
    expect(second.body.paging?.previous).toEqual(expect.any(String));
  });

  it('says paging.next only when there is more, and previous only when there is something before', async () => {
    const token = await tokenFor();
    const all = await graph(token, `/${WABA}/message_templates?limit=6`);
    expect(all.body.data).toHaveLength(6);
    expect(all.body.paging?.next).toBeUndefined();
    expect(all.body.paging?.previous).toBeUndefined();
    const first = await graph(token, `/${WABA}/message_templates?limit=4&status=APPROVED`);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.paging?.next).toBeUndefined();
    const paged = await graph(token, `/${WABA}/message_templates?limit=4`);
    expect(new URL(paged.body.paging?.next ?? 'http://missing').searchParams.get('after')).toBe(paged.body.paging?.cursors.after);
    const last = await graph(token, paged.body.paging?.next ?? '');
    expect(last.body.data).toHaveLength(2);
    expect(last.body.paging?.next).toBeUndefined();
    expect((await graph(token, '/me/businesses?limit=1')).body.paging?.next).toEqual(expect.any(String));
    expect((await graph(token, '/200000000000001/owned_whatsapp_business_accounts')).body.paging?.next).toBeUndefined();
    expect((await graph(token, `/${WABA}/phone_numbers?limit=100`)).body.paging?.next).toBeUndefined();
  });

  it('refuses a field the node does not have (100) and a broken fields value (2500), as Graph does', async () => {
    const token = await tokenFor();
    const unknown = await graph(token, `/${WABA}?fields=id,name_status`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 100, message: expect.stringContaining('nonexisting field (name_status) on node type (WhatsAppBusinessAccount)') });
    const broken = await graph(token, `/${WABA}?fields=${encodeURIComponent('id,phone_numbers{id')}`);
    expect(broken.body.error).toMatchObject({ code: 2500, message: expect.stringContaining('Syntax error') });
    // Fields Meta has but the simulator leaves empty are simply absent, as Graph leaves out empty fields.
    expect((await graph(token, `/${CONNECTED}?fields=id,host_platform`)).body).toEqual({ id: CONNECTED });
  });

  it('answers the portfolio\'s messaging limit and Cloud API provisioning on every number', async () => {
    const token = await tokenFor();
    const numbers = await graph(token, `/${WABA}/phone_numbers?fields=id,whatsapp_business_manager_messaging_limit,platform_type,throughput`);
    expect(numbers.body.data).toEqual([
      { id: CONNECTED, whatsapp_business_manager_messaging_limit: 'TIER_2K', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' } },
      { id: PENDING, whatsapp_business_manager_messaging_limit: 'TIER_2K', platform_type: 'NOT_APPLICABLE', throughput: { level: 'NOT_APPLICABLE' } },
    ]);
  });
});

describe('Meta simulator request rules (the contract\'s patterns)', () => {
  it('refuses a national number with a leading 0, a long country code or a short display name, and adds nothing', async () => {
    const token = await tokenFor();
    for (const body of [
      { cc: '33', phone_number: '0612345678', verified_name: 'Contoso Help' },
      { cc: '3333', phone_number: '612345678', verified_name: 'Contoso Help' },
      { cc: '33', phone_number: '61234', verified_name: 'Contoso Help' },
      { cc: '33', phone_number: '612345678', verified_name: 'C' },
      { cc: '33', phone_number: '612345678', verified_name: 'C'.repeat(76) },
    ]) {
      const answer = await graph(token, `/${WABA}/phone_numbers`, { json: body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 100 });
    }
    expect(simulator.world.phones).toHaveLength(2);
    expect((await graph(token, `/${WABA}/phone_numbers`, { json: { cc: '33', phone_number: '612345678', verified_name: 'Contoso Help' } })).body).toEqual({ id: expect.stringMatching(/^\d+$/) });
  });

  it('wants a language with its region and sends nothing otherwise', async () => {
    const token = await tokenFor();
    for (const language of ['fr', 'FR_fr', '']) {
      expect((await graph(token, `/${PENDING}/request_code`, { json: { code_method: 'SMS', language } })).body.error).toMatchObject({ code: 100 });
    }
    expect(simulator.verificationCodeFor(PENDING)).toBeNull();
    expect((await graph(token, `/${PENDING}/request_code`, { json: { code_method: 'SMS', language: 'fr_FR' } })).body).toEqual({ success: true });
  });

  it('refuses a code that is not six digits without counting it, and a wrong one with 136025/2388093', async () => {
    const token = await tokenFor();
    await graph(token, `/${PENDING}/request_code`, { json: { code_method: 'SMS', language: 'en_US' } });
    const code = simulator.verificationCodeFor(PENDING) ?? '';
    expect((await graph(token, `/${PENDING}/verify_code`, { json: { code: `${code.slice(0, 3)}-${code.slice(3)}` } })).body.error).toMatchObject({ code: 100 });
    expect(simulator.world.phones[1]?.wrongCodeAttempts).toBe(0);
    const wrong = await graph(token, `/${PENDING}/verify_code`, { json: { code: code === '000000' ? '111111' : '000000' } });
    expect(wrong.body.error).toMatchObject({ code: 136025, error_subcode: 2388093 });
    expect((await graph(token, `/${PENDING}/verify_code`, { json: { code } })).body).toEqual({ success: true, id: PENDING });
  });

  it('refuses a PIN that is not six digits without counting it as a registration', async () => {
    const token = await tokenFor();
    for (const body of [{ messaging_product: 'whatsapp', pin: '12345' }, { messaging_product: 'sms', pin: '246810' }, { pin: '246810' }]) {
      expect((await graph(token, `/${CONNECTED}/register`, { json: body })).body.error).toMatchObject({ code: 100 });
    }
    expect(simulator.world.phones[0]?.registerCalls).toEqual([]);
  });

  it('checks the profile\'s industry, email, websites and text limits, and takes a JSON websites array', async () => {
    const token = await tokenFor();
    const profile = (body: Record<string, unknown>) => graph(token, `/${CONNECTED}/whatsapp_business_profile`, { json: { messaging_product: 'whatsapp', ...body } });
    for (const body of [{ vertical: 'BOGUS' }, { email: 'not-an-email' }, { websites: ['ftp://files.contoso.example/'] }, { websites: ['https://a.example/', 'https://b.example/', 'https://c.example/'] }, { description: 'd'.repeat(513) }, { about: '' }]) {
      expect((await profile(body)).body.error, JSON.stringify(body)).toMatchObject({ code: 100 });
    }
    expect((await profile({ description: 'd'.repeat(512), vertical: 'RETAIL', email: 'help@contoso.example', websites: ['https://www.contoso.example/', 'https://shop.contoso.example/'] })).body).toEqual({ success: true });
    expect((await graph(token, `/${CONNECTED}/whatsapp_business_profile?fields=vertical,websites,email`)).body.data).toEqual([
      { vertical: 'RETAIL', websites: ['https://www.contoso.example/', 'https://shop.contoso.example/'], email: 'help@contoso.example', messaging_product: 'whatsapp' },
    ]);
  });
});

describe('Meta simulator onboarding faults', () => {
  it('refuses a code request with 136024/2388091 and sends no code', async () => {
    const token = await tokenFor();
    simulator.faults.arm('tooManyCodeRequests');
    const refused = await graph(token, `/${PENDING}/request_code`, { json: { code_method: 'VOICE', language: 'en_US' } });
    expect(refused.body.error).toMatchObject({ code: 136024, error_subcode: 2388091, error_user_title: expect.any(String) });
    expect(simulator.verificationCodeFor(PENDING)).toBeNull();
    expect((await graph(token, `/${PENDING}/request_code`, { json: { code_method: 'VOICE', language: 'en_US' } })).body).toEqual({ success: true });
  });

  it('refuses a registration as recently deleted (133015), or at the 72-hour limit at once (133016)', async () => {
    const token = await tokenFor();
    const register = () => graph(token, `/${CONNECTED}/register`, { json: { messaging_product: 'whatsapp', pin: '246810' } });
    simulator.faults.arm('recentlyDeleted');
    expect((await register()).body.error).toMatchObject({ code: 133015 });
    simulator.faults.arm('registerLimit');
    expect((await register()).body.error).toMatchObject({ code: 133016 });
    expect((await register()).body).toEqual({ success: true });
  });

  it('registers a verified pending number: connected, on Cloud API, with throughput', async () => {
    const token = await tokenFor();
    await graph(token, `/${PENDING}/request_code`, { json: { code_method: 'SMS', language: 'fr_FR' } });
    await graph(token, `/${PENDING}/verify_code`, { json: { code: simulator.verificationCodeFor(PENDING) ?? '' } });
    expect((await graph(token, `/${PENDING}?fields=code_verification_status,platform_type,throughput`)).body).toEqual({ id: PENDING, code_verification_status: 'VERIFIED', platform_type: 'NOT_APPLICABLE', throughput: { level: 'NOT_APPLICABLE' } });
    expect((await graph(token, `/${PENDING}/register`, { json: { messaging_product: 'whatsapp', pin: '135790' } })).body).toEqual({ success: true });
    expect((await graph(token, `/${PENDING}?fields=status,platform_type,throughput`)).body).toEqual({ id: PENDING, status: 'CONNECTED', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' } });
  });
});

describe('Meta simulator test helpers', () => {
  it('plays Meta\'s reviews: what the helpers set is what the next read answers', async () => {
    const token = await tokenFor();
    simulator.setNameStatus(PENDING, 'APPROVED');
    simulator.setNumberStatus(CONNECTED, 'FLAGGED');
    simulator.setQuality(CONNECTED, 'YELLOW');
    simulator.setTemplateStatus('500000000000003', 'REJECTED', 'TAG_CONTENT_MISMATCH');
    simulator.setTemplateStatus('500000000000004', 'APPROVED');
    simulator.renameBusiness('Northwind Traders', 'Northwind Support');
    const read = await graph(token, `/${WABA}?fields=${encodeURIComponent('name,phone_numbers{name_status,status,quality_rating},message_templates{name,status,rejected_reason}')}`);
    expect(read.body.name).toBe('Northwind Support');
    expect((read.body.phone_numbers as Connection).data).toEqual([
      { id: CONNECTED, name_status: 'APPROVED', status: 'FLAGGED', quality_rating: 'YELLOW' },
      { id: PENDING, name_status: 'APPROVED', status: 'PENDING', quality_rating: 'NA' },
    ]);
    const templates = (read.body.message_templates as Connection).data;
    expect(templates.find((template) => template.name === 'rappel_rendez_vous')).toMatchObject({ status: 'REJECTED', rejected_reason: 'TAG_CONTENT_MISMATCH' });
    expect(templates.find((template) => template.name === 'black_friday_promo')).toMatchObject({ status: 'APPROVED', rejected_reason: 'NONE' });
    expect((await graph(token, '/me/businesses')).body.data?.[0]).toMatchObject({ name: 'Northwind Traders' });
  });

  it('puts the admin\'s number on the pending seed, and refuses what cannot be', async () => {
    const token = await tokenFor();
    simulator.useNumber('+33 6 12 34 56 78');
    expect((await graph(token, `/${PENDING}?fields=display_phone_number,status,code_verification_status`)).body).toEqual({ id: PENDING, display_phone_number: '+33 6 12 34 56 78', status: 'PENDING', code_verification_status: 'NOT_VERIFIED' });
    // Adding that number is then refused as Meta refuses a number already on an account.
    expect((await graph(token, `/${WABA}/phone_numbers`, { json: { cc: '33', phone_number: '612345678', verified_name: 'Contoso Help' } })).body.error).toMatchObject({ code: 100, error_subcode: 2388001 });
    expect(() => simulator.useNumber('+33 7 48 11 15 24')).toThrow(/numberTaken/);
    expect(() => simulator.useNumber('0612345678')).toThrow(/invalidNumber/);
    expect(() => simulator.setNameStatus('499999999999999', 'APPROVED')).toThrow(/unknownTarget/);
    expect(() => simulator.renameBusiness('  ')).toThrow(/badName/);
  });

  it('counts Graph calls per path without keeping the token', async () => {
    const token = await tokenFor();
    simulator.clearGraphCalls();
    await graph(token, `/${WABA}?fields=id,name`);
    await graph(token, `/${WABA}/phone_numbers?access_token=${token}`);
    await graph(token, `/${WABA}?fields=id`);
    expect(simulator.graphCallCount(`/${WABA}`)).toBe(2);
    expect(simulator.graphCallCount(`/${WABA}/phone_numbers`, 'GET')).toBe(1);
    expect(simulator.graphCallCount(`/${WABA}/phone_numbers`, 'POST')).toBe(0);
    expect(JSON.stringify(simulator.graphCalls())).not.toContain(token);
  });
});

describe('Meta simulator saved worlds', () => {
  it('restores a version 1 file: numbers, subscriptions and sessions, with the seeded names and reviews', () => {
    const world = seedWorld();
    world.wabas[1]!.subscribed = true;
    world.phones[1]!.code_verification_status = 'VERIFIED';
    const v2 = JSON.parse(serializeWorld(world)) as Record<string, unknown>;
    const v1 = { version: 1, people: v2.people, wabas: world.wabas.map((waba) => ({ id: waba.id, subscribed: waba.subscribed })), phones: v2.phones, tokens: v2.tokens };
    const restored = restoreWorld(JSON.stringify(v1));
    expect(restored.wabas[1]?.subscribed).toBe(true);
    expect(restored.phones[1]?.code_verification_status).toBe('VERIFIED');
    expect(restored.businesses[0]?.name).toBe('Contoso Contact Center');
    expect(restored.templates.find((template) => template.id === '500000000000004')).toMatchObject({ status: 'REJECTED', rejected_reason: 'INCORRECT_CATEGORY' });
  });

  it('keeps the rehearsal\'s names, number and reviews across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-sandbox-'));
    const stateFile = join(dir, 'sandbox-state.json');
    await simulator.close();
    simulator = await startMetaSimulator({ stateFile });
    simulator.renameBusiness('Northwind Traders', 'Northwind Support');
    simulator.useNumber('+44 7700 900123');
    simulator.setTemplateStatus('500000000000004', 'APPROVED');
    simulator.setTemplateStatus('500000000000003', 'REJECTED', 'SCAM');
    await simulator.close();
    simulator = await startMetaSimulator({ stateFile });
    expect(simulator.world.businesses[0]?.name).toBe('Northwind Traders');
    expect(simulator.world.wabas[0]?.name).toBe('Northwind Support');
    expect(simulator.world.phones[1]?.display_phone_number).toBe('+44 7700 900123');
    expect(simulator.world.templates.find((template) => template.id === '500000000000004')?.rejected_reason).toBeUndefined();
    expect(simulator.world.templates.find((template) => template.id === '500000000000003')).toMatchObject({ status: 'REJECTED', rejected_reason: 'SCAM' });
  });
});
