import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';
import { CONTRACT_PATH, contract, successSchema, validate } from './helpers/contract';

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

async function graph(token: string, path: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const response = await fetch(`${simulator.origin}/v26.0${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // left as text: the malformed-answer fault
  }
  return { status: response.status, body: body as Record<string, unknown> & { error?: Record<string, unknown>; data?: Record<string, unknown>[] }, headers: response.headers };
}

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

describe('Meta simulator answers against Meta\'s contract', () => {
  const doc = contract();
  if (!doc) console.warn(`Contract checks skipped: ${CONTRACT_PATH} is not there.`);

  const cases: [string, string, string, Record<string, string> | undefined][] = [
    ['/{Version}/{WABA-ID}', 'get', '/300000000000001', undefined],
    ['/{Version}/{WABA-ID}/phone_numbers', 'get', '/300000000000001/phone_numbers', undefined],
    ['/{Version}/{WABA-ID}/phone_numbers', 'post', '/300000000000001/phone_numbers', { cc: '33', phone_number: '655555555', verified_name: 'Contoso Help' }],
    ['/{Version}/{Phone-Number-ID}', 'get', '/400000000000001', undefined],
    ['/{Version}/{Business-ID}/owned_whatsapp_business_accounts', 'get', '/200000000000001/owned_whatsapp_business_accounts', undefined],
    ['/{Version}/{Business-ID}/client_whatsapp_business_accounts', 'get', '/200000000000002/client_whatsapp_business_accounts', undefined],
    ['/{Version}/{Phone-Number-ID}/request_code', 'post', '/400000000000002/request_code', { code_method: 'SMS', language: 'en_US' }],
    ['/{Version}/{Phone-Number-ID}/register', 'post', '/400000000000001/register', { messaging_product: 'whatsapp', pin: '246810' }],
    ['/{Version}/{Phone-Number-ID}/whatsapp_business_profile', 'get', '/400000000000001/whatsapp_business_profile', undefined],
    ['/{Version}/{WABA-ID}/message_templates', 'get', '/300000000000001/message_templates', undefined],
    ['/{Version}/{WABA-ID}/subscribed_apps', 'get', '/300000000000001/subscribed_apps', undefined],
    ['/{Version}/{WABA-ID}/subscribed_apps', 'post', '/300000000000001/subscribed_apps', {}],
  ];

  it.skipIf(!doc).each(cases)('%s %s matches the contract', async (template, method, path, form) => {
    const token = await tokenFor();
    const answer = await graph(token, path, { method: method.toUpperCase(), form });
    expect(answer.status).toBe(200);
    const schema = successSchema(doc!, template, method);
    if (!schema) {
      // Some operations describe only headers; the answer must at least be JSON then.
      expect(typeof answer.body).toBe('object');
      return;
    }
    expect(validate(answer.body, schema, doc!)).toEqual([]);
  });

  it.skipIf(!doc)('error bodies have the contract\'s error shape', async () => {
    const answer = await graph('', '/me');
    expect(validate(answer.body, { $ref: '#/components/schemas/ErrorResponse' }, doc!)).toEqual([]);
  });

  it.skipIf(!doc)('the validator itself catches a wrong shape', () => {
    const schema = successSchema(doc!, '/{Version}/{WABA-ID}/phone_numbers', 'get');
    expect(validate({ data: [{ id: 1 }] }, schema!, doc!)).toEqual(expect.arrayContaining(['$.data[0].id: expected a string', '$.data[0].display_phone_number: required']));
    expect(validate({ data: [{ id: '1', display_phone_number: '+1', status: 'BOGUS' }] }, schema!, doc!)).toEqual([expect.stringContaining('"BOGUS" not in')]);
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
