import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetaSimulator, type MetaSimulator, type MetaSimulatorOptions } from '../../main/simulators/meta';

const APP = '100000000000001';
const SCOPES = 'business_management,whatsapp_business_management,whatsapp_business_messaging';
const CONNECTED = '400000000000001';
const PENDING = '400000000000002';
const WABA = '300000000000001';

let sandbox: MetaSimulator;
let clock = new Date('2026-03-02T09:00:00Z');

async function start(options: MetaSimulatorOptions = {}): Promise<MetaSimulator> {
  clock = new Date('2026-03-02T09:00:00Z');
  sandbox = await startMetaSimulator({ now: () => clock, ...options });
  return sandbox;
}
afterEach(async () => {
  await sandbox.close();
});

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

function dialogQuery(params: Record<string, string> = {}): string {
  return new URLSearchParams({ client_id: APP, redirect_uri: sandbox.redirectUri, state: 'st-1', response_type: 'token', scope: SCOPES, display: 'popup', ...params }).toString();
}

async function post(path: string, fields: [string, string][], headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sandbox.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Goes through the chooser and, when asked, the consent page; returns the final redirect. */
async function logIn(options: { person?: string; grant?: string[]; params?: Record<string, string> } = {}): Promise<URL> {
  const person = options.person ?? '10001';
  const query = dialogQuery(options.params);
  const chosen = await post('/sandbox/login', [
    ['q', query],
    ['action', 'choose'],
    ['person', person],
  ]);
  if (chosen.status === 302) return new URL(chosen.headers.get('location') ?? '');
  const grant = options.grant ?? SCOPES.split(',');
  const consent = await post('/sandbox/consent', [['q', query], ['person', person], ['action', 'continue'], ...grant.map((scope): [string, string] => ['grant', scope])]);
  expect(consent.status).toBe(302);
  return new URL(consent.headers.get('location') ?? '');
}

async function tokenFor(options: { person?: string; grant?: string[] } = {}): Promise<string> {
  const redirect = await logIn(options);
  const token = new URLSearchParams(redirect.hash.slice(1)).get('access_token');
  expect(token).toBeTruthy();
  return token ?? '';
}

type Body = Record<string, unknown> & { error?: Record<string, unknown>; data?: Record<string, unknown>[]; paging?: { cursors: { before: string; after: string } } };

async function graph(token: string | null, path: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const response = await fetch(`${sandbox.graphBase}/v26.0${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(token !== null ? { Authorization: `Bearer ${token}` } : {}), ...(init.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
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

/**
 * Checks an error answer has Graph's error shape and Meta's fbtrace_id (that the shape is the
 * contract's is checked through Prism in graph-contract.test.ts).
 */
function expectMetaError(body: Body, code: number, subcode?: number): void {
  expect(body.error).toMatchObject({ code, type: expect.any(String), message: expect.any(String), fbtrace_id: expect.any(String) });
  if (subcode !== undefined) expect(body.error?.error_subcode).toBe(subcode);
}

describe('sandbox dialog pages', () => {
  it('serves an accessible chooser at dialogUrl(version), labelled as a sandbox and styled by a file', async () => {
    await start();
    const response = await fetch(`${sandbox.dialogUrl('v23.0')}?${dialogQuery()}`);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toMatch(/<h1>Log in to Facebook<\/h1>/);
    expect(page).toContain('Sandbox: simulated Meta login');
    expect(page).toContain('<link rel="stylesheet" href="/sandbox.css">');
    expect(page).not.toMatch(/<script|style=/i);
    const css = await fetch(`${sandbox.origin}/sandbox.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.banner');
  });

  it('lists each asked permission as a ticked, labelled checkbox with Continue and Cancel', async () => {
    await start();
    const chosen = await post('/sandbox/login', [
      ['q', dialogQuery()],
      ['action', 'choose'],
      ['person', '10002'],
    ]);
    const page = await chosen.text();
    for (const scope of SCOPES.split(',')) {
      expect(page).toContain(`<input type="checkbox" id="scope-${scope}" name="grant" value="${scope}" checked>`);
      expect(page).toContain(`<label for="scope-${scope}">`);
    }
    expect(page).toContain('<legend>Permissions</legend>');
    expect(page).toMatch(/<button[^>]*value="continue"[^>]*>Continue<\/button>/);
    expect(page).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
  });

  it('offers "Log in with another account" on the continue page, which leads to the chooser', async () => {
    await start();
    await logIn();
    const cookie = { Cookie: 'sandbox_person=10001' };
    const page = await (await fetch(`${sandbox.dialogUrl('v26.0')}?${dialogQuery()}`, { headers: cookie })).text();
    expect(page).toContain('Continue as Camille Martin');
    expect(page).toContain('Log in with another account');
    const chooser = await post(
      '/sandbox/login',
      [
        ['q', dialogQuery()],
        ['action', 'another'],
      ],
      cookie,
    );
    expect(await chooser.text()).toContain('Log in as Alex Tremblay');
  });

  it('ends a token login with exactly Meta\'s fragment keys, and the scopes only with return_scopes=true', async () => {
    await start();
    const plain = await logIn({ grant: ['business_management', 'whatsapp_business_management'] });
    const fragment = new URLSearchParams(plain.hash.slice(1));
    expect([...fragment.keys()].sort()).toEqual(['access_token', 'data_access_expiration_time', 'expires_in', 'state']);
    expect(Number(fragment.get('data_access_expiration_time'))).toBe(Math.floor(clock.getTime() / 1000) + 90 * 86400);

    const withScopes = await logIn({ params: { return_scopes: 'true' } });
    const scoped = new URLSearchParams(withScopes.hash.slice(1));
    expect(scoped.get('granted_scopes')?.split(',').sort()).toEqual(['business_management', 'public_profile', 'whatsapp_business_management']);
    expect(scoped.get('denied_scopes')).toBe('whatsapp_business_messaging');
  });

  it('answers Cancel on the permissions page with the user_denied redirect', async () => {
    await start();
    const response = await post('/sandbox/consent', [
      ['q', dialogQuery()],
      ['person', '10001'],
      ['action', 'cancel'],
    ]);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`${sandbox.redirectUri}?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=st-1#_=_`);
  });

  it('asks for the configuration\'s permissions when given a config_id instead of scope', async () => {
    await start();
    const query = dialogQuery({ config_id: '987654321012345', scope: '' });
    const page = await (
      await post('/sandbox/login', [
        ['q', query],
        ['action', 'choose'],
        ['person', '10001'],
      ])
    ).text();
    expect(page).toContain('value="whatsapp_business_management"');
  });

  it('accepts Meta\'s own login_success redirect and refuses a lookalike host', async () => {
    await start();
    expect((await fetch(`${sandbox.dialogUrl('v26.0')}?${dialogQuery({ redirect_uri: 'https://www.facebook.com/connect/login_success.html' })}`)).status).toBe(200);
    expect((await fetch(`${sandbox.dialogUrl('v26.0')}?${dialogQuery({ redirect_uri: 'https://www.facebook.com.evil.example/connect/login_success.html' })}`)).status).toBe(400);
  });

  it('shows the last code sent to each number on an accessible phone page', async () => {
    await start();
    const token = await tokenFor();
    await graph(token, `/${PENDING}/request_code`, { method: 'POST', form: { code_method: 'VOICE', language: 'en_US' } });
    const page = await (await fetch(`${sandbox.origin}/sandbox/phone`)).text();
    expect(page).toMatch(/<html lang="en">/);
    expect(page).toContain('<th scope="col">Last code</th>');
    expect(page).toContain(sandbox.verificationCodeFor(PENDING) ?? 'missing');
    expect(page).toContain('VOICE');
  });
});

describe('sandbox PKCE code exchange', () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const codeParams = { response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256' };
  const exchange = (fields: Record<string, string>) =>
    fetch(`${sandbox.graphBase}/v26.0/oauth/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: APP, redirect_uri: sandbox.redirectUri, ...fields }).toString(),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Body }));

  it('refuses a code flow without an S256 challenge', async () => {
    await start();
    expect((await fetch(`${sandbox.dialogUrl('v26.0')}?${dialogQuery({ response_type: 'code' })}`)).status).toBe(400);
    expect((await fetch(`${sandbox.dialogUrl('v26.0')}?${dialogQuery({ response_type: 'code', code_challenge: challenge, code_challenge_method: 'plain' })}`)).status).toBe(400);
  });

  it('gives a working bearer token for the right verifier', async () => {
    await start();
    const code = (await logIn({ params: codeParams })).searchParams.get('code') ?? '';
    const answer = await exchange({ code, code_verifier: verifier });
    expect(answer).toMatchObject({ status: 200, body: { token_type: 'bearer', expires_in: 7200 } });
    expect((await graph(String(answer.body.access_token), '/me')).body).toMatchObject({ name: 'Camille Martin' });
  });

  it('burns the code on a wrong verifier, so the right one no longer works either', async () => {
    await start();
    const code = (await logIn({ params: codeParams })).searchParams.get('code') ?? '';
    const wrong = await exchange({ code, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(400);
    expectMetaError(wrong.body, 100);
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(400);
  });

  it('refuses a code after ten minutes, or sent with another redirect_uri', async () => {
    await start();
    const late = (await logIn({ params: codeParams })).searchParams.get('code') ?? '';
    const elsewhere = (await logIn({ params: codeParams })).searchParams.get('code') ?? '';
    const mismatch = await exchange({ code: elsewhere, code_verifier: verifier, redirect_uri: 'https://www.facebook.com/connect/login_success.html' });
    expectMetaError(mismatch.body, 100, 36008);
    advance(11 * 60_000);
    expectMetaError((await exchange({ code: late, code_verifier: verifier })).body, 100);
  });
});

describe('sandbox Graph authentication', () => {
  const endpoints: [string, string][] = [
    ['GET', '/me'],
    ['GET', '/me/permissions'],
    ['DELETE', '/me/permissions'],
    ['GET', '/me/businesses'],
    ['GET', '/200000000000001'],
    ['GET', '/200000000000001/owned_whatsapp_business_accounts'],
    ['GET', '/200000000000002/client_whatsapp_business_accounts'],
    ['GET', `/${WABA}`],
    ['GET', `/${WABA}/phone_numbers`],
    ['POST', `/${WABA}/phone_numbers`],
    ['GET', `/${CONNECTED}`],
    ['POST', `/${PENDING}/request_code`],
    ['POST', `/${PENDING}/verify_code`],
    ['POST', `/${CONNECTED}/register`],
    ['GET', `/${CONNECTED}/whatsapp_business_profile`],
    ['POST', `/${CONNECTED}/whatsapp_business_profile`],
    ['GET', `/${WABA}/message_templates`],
    ['GET', `/${WABA}/subscribed_apps`],
    ['POST', `/${WABA}/subscribed_apps`],
  ];

  it.each(endpoints)('%s %s answers 401/190 without a token', async (method, path) => {
    await start();
    const answer = await graph(null, path, { method, form: method === 'GET' ? undefined : {} });
    expect(answer.status).toBe(401);
    expectMetaError(answer.body, 190);
  });

  it('takes the token from the access_token query parameter too', async () => {
    await start();
    const token = await tokenFor();
    const response = await fetch(`${sandbox.graphBase}/v26.0/me?fields=name&access_token=${encodeURIComponent(token)}`);
    // Graph always answers the id, asked for or not.
    expect(await response.json()).toEqual({ id: '10001', name: 'Camille Martin' });
  });

  it('refuses a token past its lifetime with 190/463', async () => {
    await start({ tokenLifetimeSeconds: 60 });
    const token = await tokenFor();
    expect((await graph(token, '/me')).status).toBe(200);
    advance(61_000);
    const answer = await graph(token, '/me');
    expect(answer.status).toBe(401);
    expectMetaError(answer.body, 190, 463);
    expect(sandbox.tokens()).toEqual([expect.objectContaining({ personName: 'Camille Martin', state: 'expired' })]);
  });
});

describe('sandbox token faults', () => {
  it('expireToken ends only the session used next, once; a new login works', async () => {
    await start();
    const token = await tokenFor();
    sandbox.faults.arm('expireToken');
    expectMetaError((await graph(token, '/me')).body, 190, 463);
    expectMetaError((await graph(token, '/me')).body, 190, 463);
    expect(sandbox.faults.active()).toEqual([]);
    const fresh = await tokenFor();
    expect((await graph(fresh, '/me')).status).toBe(200);
    expect(sandbox.tokens().map((info) => info.state)).toEqual(['expired', 'valid']);
  });

  it('revokeToken while sticky refuses every session with 190/460 until reset', async () => {
    await start();
    sandbox.faults.arm('revokeToken', { sticky: true });
    expectMetaError((await graph(await tokenFor(), '/me')).body, 190, 460);
    expectMetaError((await graph(await tokenFor(), '/me/businesses')).body, 190, 460);
    sandbox.faults.reset();
    expect((await graph(await tokenFor(), '/me')).status).toBe(200);
    expect(sandbox.tokens().map((info) => info.state)).toEqual(['revoked', 'revoked', 'valid']);
  });

  it('can expire the next session over HTTP and refuses an unknown fault in Meta\'s shape', async () => {
    await start();
    const token = await tokenFor();
    const armed = await fetch(`${sandbox.origin}/sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fault: 'expireToken' }) });
    expect(await armed.json()).toEqual({ active: ['expireToken'] });
    expectMetaError((await graph(token, '/me')).body, 190, 463);
    const unknown = await fetch(`${sandbox.origin}/sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fault: 'meteor' }) });
    expect(unknown.status).toBe(400);
    expectMetaError((await unknown.json()) as Body, 100);
  });

  it('arms nothing from a form post, which any web page could send cross-origin', async () => {
    await start();
    const form = await post('/sandbox/faults', [['fault', 'transient']]);
    expect(form.status).toBe(415);
    expect(sandbox.faults.active()).toEqual([]);
  });
});

describe('sandbox Graph faults', () => {
  it('rate limits with 80007 and a usage header, in Graph\'s error shape', async () => {
    await start();
    const token = await tokenFor();
    sandbox.faults.arm('rateLimit', { minutes: 3 });
    const answer = await graph(token, `/${WABA}/message_templates`);
    expectMetaError(answer.body, 80007);
    const usage = JSON.parse(answer.headers.get('x-business-use-case-usage') ?? '{}') as Record<string, { estimated_time_to_regain_access: number; type: string }[]>;
    expect(usage[WABA]?.[0]).toMatchObject({ estimated_time_to_regain_access: 3, type: 'whatsapp_business_management' });
  });

  it('fails transiently with HTTP 500, code 2 and is_transient, once', async () => {
    await start();
    const token = await tokenFor();
    sandbox.faults.arm('transient');
    const answer = await graph(token, '/me');
    expect(answer.status).toBe(500);
    expectMetaError(answer.body, 2);
    expect(answer.body.error?.is_transient).toBe(true);
    expect((await graph(token, '/me')).status).toBe(200);
  });

  it('answers 200 with a body that is not JSON', async () => {
    await start();
    const token = await tokenFor();
    sandbox.faults.arm('malformedJson');
    const answer = await graph(token, `/${WABA}/phone_numbers`);
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.body as unknown as string)).toThrow();
  });

  it('refuses even the right code while wrongCode is armed, then accepts it', async () => {
    await start();
    const token = await tokenFor();
    await graph(token, `/${PENDING}/request_code`, { method: 'POST', form: { code_method: 'SMS', language: 'en_US' } });
    const code = sandbox.verificationCodeFor(PENDING) ?? '';
    sandbox.faults.arm('wrongCode');
    expectMetaError((await graph(token, `/${PENDING}/verify_code`, { method: 'POST', form: { code } })).body, 136025);
    expect((await graph(token, `/${PENDING}/verify_code`, { method: 'POST', form: { code } })).body).toEqual({ success: true, id: PENDING });
  });

  it('locks verification after five wrong codes until a new code is requested', async () => {
    await start();
    const token = await tokenFor();
    await graph(token, `/${PENDING}/request_code`, { method: 'POST', form: { code_method: 'SMS', language: 'en_US' } });
    const code = sandbox.verificationCodeFor(PENDING) ?? '';
    sandbox.faults.arm('wrongCode', { sticky: true });
    for (let attempt = 0; attempt < 5; attempt += 1) expectMetaError((await graph(token, `/${PENDING}/verify_code`, { method: 'POST', form: { code } })).body, 136025);
    sandbox.faults.reset();
    expectMetaError((await graph(token, `/${PENDING}/verify_code`, { method: 'POST', form: { code } })).body, 136024);
    await graph(token, `/${PENDING}/request_code`, { method: 'POST', form: { code_method: 'SMS', language: 'en_US' } });
    const fresh = sandbox.verificationCodeFor(PENDING) ?? '';
    expect((await graph(token, `/${PENDING}/verify_code`, { method: 'POST', form: { code: fresh } })).body).toEqual({ success: true, id: PENDING });
  });

  it('refuses a number already on WhatsApp with 100/2388001 and adds nothing', async () => {
    await start();
    const token = await tokenFor();
    sandbox.faults.arm('alreadyOnWhatsApp');
    const answer = await graph(token, `/${WABA}/phone_numbers`, { method: 'POST', form: { cc: '1', phone_number: '4155550123', verified_name: 'Contoso US' } });
    expectMetaError(answer.body, 100, 2388001);
    expect(answer.body.error?.error_user_title).toEqual(expect.any(String));
    expect((await graph(token, `/${WABA}/phone_numbers`)).body.data).toHaveLength(2);
  });

  it('refuses the right PIN with 133005 while pinMismatch is armed', async () => {
    await start();
    const token = await tokenFor();
    sandbox.faults.arm('pinMismatch');
    expectMetaError((await graph(token, `/${CONNECTED}/register`, { method: 'POST', form: { messaging_product: 'whatsapp', pin: '246810' } })).body, 133005);
    expect((await graph(token, `/${CONNECTED}/register`, { method: 'POST', form: { messaging_product: 'whatsapp', pin: '246810' } })).body).toEqual({ success: true });
  });

  it('blocks register after 10 calls in 72 hours (133016) and allows it again once the window has passed', async () => {
    await start({ tokenLifetimeSeconds: 5183999 });
    const token = await tokenFor();
    const register = () => graph(token, `/${CONNECTED}/register`, { method: 'POST', form: { messaging_product: 'whatsapp', pin: '246810' } });
    for (let call = 0; call < 10; call += 1) {
      expect((await register()).body).toEqual({ success: true });
      advance(60_000);
    }
    expectMetaError((await register()).body, 133016);
    advance(72 * 3600_000 - 60_000);
    expect((await register()).body).toEqual({ success: true });
  }, 15_000);
});

describe('sandbox Graph shapes', () => {
  it('keeps only the asked fields, plus id, on lists', async () => {
    await start();
    const token = await tokenFor();
    const answer = await graph(token, `/${WABA}/phone_numbers?fields=verified_name,quality_rating`);
    expect(answer.body.data?.[0]).toEqual({ id: CONNECTED, verified_name: 'Contoso Support', quality_rating: 'GREEN' });
  });

  it('pages back with the before cursor', async () => {
    await start();
    const token = await tokenFor();
    const first = await graph(token, `/${WABA}/message_templates?limit=2`);
    const second = await graph(token, `/${WABA}/message_templates?limit=2&after=${first.body.paging?.cursors.after ?? ''}`);
    const back = await graph(token, `/${WABA}/message_templates?limit=2&before=${second.body.paging?.cursors.before ?? ''}`);
    expect(back.body.data?.map((template) => template.id)).toEqual(first.body.data?.map((template) => template.id));
    expect(second.body.data?.map((template) => template.id)).not.toEqual(first.body.data?.map((template) => template.id));
  });

  it('lists granted and declined permissions, and DELETE revokes the session', async () => {
    await start();
    const token = await tokenFor({ grant: ['business_management', 'whatsapp_business_management'] });
    expect((await graph(token, '/me/permissions')).body.data).toEqual(
      expect.arrayContaining([
        { permission: 'business_management', status: 'granted' },
        { permission: 'whatsapp_business_messaging', status: 'declined' },
      ]),
    );
    expect((await graph(token, '/me/permissions', { method: 'DELETE' })).body).toEqual({ success: true });
    expect(sandbox.tokens()[0]?.state).toBe('revoked');
  });
});
