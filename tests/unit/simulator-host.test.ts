import { request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMetaSimulator, FAULT_KINDS, type MetaSimulator, type MetaSimulatorOptions } from '../../main/simulators/meta';
import { META_FAULTS } from '../../main/simulators/meta/faults';
import { seedWorld, serializeWorld } from '../../main/simulators/meta/world';
import { createFaultBoard, escapeHtml, startSimulatorHost, type SimulatorHost, type SimulatorPlugin } from '../../main/simulators/host';

const APP = '100000000000001';
const SCOPES = 'business_management,whatsapp_business_management,whatsapp_business_messaging';

let simulator: MetaSimulator | null = null;
let host: SimulatorHost | null = null;
afterEach(async () => {
  await simulator?.close();
  await host?.close();
  simulator = null;
  host = null;
});

async function start(options: MetaSimulatorOptions = {}): Promise<MetaSimulator> {
  simulator = await startMetaSimulator(options);
  return simulator;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * One HTTP request with exactly the headers given (global fetch forbids setting Host, Origin
 * and Sec-Fetch-*, which are what these tests are about).
 */
function send(origin: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: { ...init.headers, ...(init.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(init.body)) } : {}) } },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function dialogQuery(sim: MetaSimulator): string {
  return new URLSearchParams({ client_id: APP, redirect_uri: sim.redirectUri, state: 'st-1', response_type: 'token', scope: SCOPES }).toString();
}

/** The headers Chromium puts on a form its own page posts. */
function sameOrigin(sim: MetaSimulator): Record<string, string> {
  return { ...FORM, Origin: sim.origin, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'navigate' };
}

/** Logs Camille in through the dialog's forms as her browser would, granting everything. */
async function tokenFor(sim: MetaSimulator): Promise<string> {
  const q = dialogQuery(sim);
  await send(sim.origin, '/sandbox/login', { method: 'POST', headers: sameOrigin(sim), body: form([['q', q], ['action', 'choose'], ['person', '10001']]) });
  const consent = await send(sim.origin, '/sandbox/consent', {
    method: 'POST',
    headers: sameOrigin(sim),
    body: form([['q', q], ['person', '10001'], ['action', 'continue'], ...SCOPES.split(',').map((scope): [string, string] => ['grant', scope])]),
  });
  expect(consent.status).toBe(302);
  return new URLSearchParams(new URL(String(consent.headers.location)).hash.slice(1)).get('access_token') ?? '';
}

/** A Graph call as the app's main process makes it: bearer token, no browser headers. */
async function graph(sim: MetaSimulator, token: string, path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  return send(sim.origin, `/v26.0${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, ...(init.form ? FORM : {}) },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
}

describe('simulator host: requests for another Host (DNS rebinding)', () => {
  it('refuses any Host but its own 127.0.0.1:<port> with 421, and changes nothing', async () => {
    const sim = await start();
    const port = Number(new URL(sim.origin).port);
    const foreign = ['evil.example', `evil.example:${port}`, `localhost:${port}`, `127.0.0.1:${port === 65535 ? port - 1 : port + 1}`, '127.0.0.1', `[::1]:${port}`];
    for (const hostHeader of foreign) {
      const page = await send(sim.origin, '/sandbox/phone', { headers: { Host: hostHeader } });
      expect(page.status, hostHeader).toBe(421);
      expect(page.body).not.toContain('<html');
      const dialog = await send(sim.origin, `/v26.0/dialog/oauth?${dialogQuery(sim)}`, { headers: { Host: hostHeader } });
      expect(dialog.status).toBe(421);
      const json = await send(sim.origin, '/sandbox/faults', { method: 'POST', headers: { Host: hostHeader, 'Content-Type': 'application/json' }, body: JSON.stringify({ fault: 'transient' }) });
      expect(json.status).toBe(421);
      const board = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: { Host: hostHeader, ...FORM }, body: form([['fault', 'meta:rateLimit']]) });
      expect(board.status).toBe(421);
      const login = await send(sim.origin, '/sandbox/login', { method: 'POST', headers: { Host: hostHeader, ...FORM }, body: form([['q', dialogQuery(sim)], ['action', 'choose'], ['person', '10001']]) });
      expect(login.status).toBe(421);
      expect(login.headers['set-cookie']).toBeUndefined();
    }
    expect(sim.faults.active()).toEqual([]);
    expect(sim.world.people[0]?.permissions.size).toBe(0);
    expect(sim.tokens()).toEqual([]);
  });

  it('refuses a Graph call for another Host too, token or not', async () => {
    const sim = await start();
    const token = await tokenFor(sim);
    const answer = await send(sim.origin, '/v26.0/me', { headers: { Host: 'evil.example', Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain('Camille');
  });

  it('serves its own Host', async () => {
    const sim = await start();
    const page = await send(sim.origin, '/sandbox/phone');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="en">');
  });
});

describe('simulator host: cross-site forms', () => {
  const crossSite: [string, Record<string, string>][] = [
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another port of 127.0.0.1)', { 'Sec-Fetch-Site': 'same-site' }],
    ['an Origin on another port', { Origin: 'http://127.0.0.1:1' }],
    ['Origin: null', { Origin: 'null' }],
  ];

  it.each(crossSite)('refuses a login and a consent form post with %s, and logs no one in', async (_name, headers) => {
    const sim = await start();
    const q = dialogQuery(sim);
    const login = await send(sim.origin, '/sandbox/login', { method: 'POST', headers: { ...FORM, ...headers }, body: form([['q', q], ['action', 'choose'], ['person', '10001']]) });
    expect(login.status).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    const consent = await send(sim.origin, '/sandbox/consent', {
      method: 'POST',
      headers: { ...FORM, ...headers },
      body: form([['q', q], ['person', '10001'], ['action', 'continue'], ['grant', 'business_management']]),
    });
    expect(consent.status).toBe(403);
    expect(consent.headers.location).toBeUndefined();
    expect(sim.world.people[0]?.permissions.size).toBe(0);
    expect(sim.tokens()).toEqual([]);
  });

  it.each(crossSite)('refuses a switchboard post and a JSON fault post with %s, and arms nothing', async (_name, headers) => {
    const sim = await start();
    const board = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: { ...FORM, ...headers }, body: form([['fault', 'meta:transient']]) });
    expect(board.status).toBe(403);
    const json = await send(sim.origin, '/sandbox/faults', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ fault: 'transient' }) });
    expect(json.status).toBe(403);
    const reset = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: { ...FORM, ...headers }, body: form([['action', 'reset']]) });
    expect(reset.status).toBe(403);
    expect(sim.faults.active()).toEqual([]);
  });

  it('refuses a cross-site reset, which would disarm a demo\'s faults', async () => {
    const sim = await start();
    sim.faults.arm('wrongCode', { sticky: true });
    const reset = await send(sim.origin, '/sandbox/faults', { method: 'DELETE', headers: { Origin: 'https://evil.example' } });
    expect(reset.status).toBe(403);
    expect(sim.faults.active()).toEqual(['wrongCode']);
  });

  it('accepts the same forms from its own pages, or typed in (Sec-Fetch-Site: none)', async () => {
    const sim = await start();
    const chosen = await send(sim.origin, '/sandbox/login', { method: 'POST', headers: sameOrigin(sim), body: form([['q', dialogQuery(sim)], ['action', 'choose'], ['person', '10001']]) });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toContain('is requesting access');
    const armed = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: { ...FORM, 'Sec-Fetch-Site': 'none' }, body: form([['fault', 'meta:slow']]) });
    expect(armed.status).toBe(303);
    expect(sim.faults.active()).toEqual(['slow']);
  });

  it('keeps Graph calls from the app working: bearer token, no browser headers', async () => {
    const sim = await start();
    const token = await tokenFor(sim);
    const me = await graph(sim, token, '/me?fields=name');
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toEqual({ id: '10001', name: 'Camille Martin' });
    const added = await graph(sim, token, '/300000000000001/phone_numbers', { method: 'POST', form: { cc: '33', phone_number: '612345678', verified_name: 'Contoso Help' } });
    expect(added.status).toBe(200);
    expect(sim.world.phones).toHaveLength(3);
  });

  it('still wants application/json on POST /sandbox/faults, even from its own origin', async () => {
    const sim = await start();
    const posted = await send(sim.origin, '/sandbox/faults', { method: 'POST', headers: sameOrigin(sim), body: form([['fault', 'transient']]) });
    expect(posted.status).toBe(415);
    expect(sim.faults.active()).toEqual([]);
  });
});

describe('simulator host: fault switchboard page', () => {
  it('lists every fault kind with its explanation in English, under the pages\' CSP', async () => {
    const sim = await start();
    const page = await send(sim.origin, '/sandbox/switchboard');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<h1>Fault switchboard</h1>');
    for (const kind of FAULT_KINDS) {
      expect(page.body).toContain(`value="meta:${kind}"`);
      expect(page.body).toContain(escapeHtml(META_FAULTS[kind].en.title));
      expect(page.body).toContain(escapeHtml(META_FAULTS[kind].en.help));
    }
    expect(page.body).toMatch(/<button[^>]*name="action" value="reset"[^>]*>Reset: disarm every fault<\/button>/);
    expect(page.body).not.toMatch(/<script|style=/i);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    // Under no-referrer, Chromium would post the page's own forms with Origin: null.
    expect(page.headers['referrer-policy']).toBeUndefined();
    const css = await send(sim.origin, '/sandbox/simulator.css');
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('lists every fault kind with its explanation in French', async () => {
    const sim = await start();
    sim.setLanguage('fr');
    const page = await send(sim.origin, '/sandbox/switchboard');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<h1>Tableau des pannes</h1>');
    for (const kind of FAULT_KINDS) {
      expect(page.body).toContain(`value="meta:${kind}"`);
      expect(page.body).toContain(escapeHtml(META_FAULTS[kind].fr.title));
      expect(page.body).toContain(escapeHtml(META_FAULTS[kind].fr.help));
    }
    expect(page.body).toContain('Réinitialiser');
  });

  it('arms a fault from its button, one-shot, and shows it armed', async () => {
    const sim = await start();
    const token = await tokenFor(sim);
    const posted = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: sameOrigin(sim), body: form([['fault', 'meta:transient']]) });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe('/sandbox/switchboard');
    expect(sim.faults.active()).toEqual(['transient']);
    const page = await send(sim.origin, '/sandbox/switchboard');
    expect(page.body).toMatch(/<h2 id="armed-now">Armed now<\/h2>\s*<ul class="armed-now">\s*<li>Meta \(Facebook Login and Graph API\): Temporary outage<\/li>/);
    expect(page.body).toMatch(/value="meta:transient"[^>]*>Temporary outage<\/button> <strong class="armed">\(armed\)<\/strong>/);
    expect((await graph(sim, token, '/me')).status).toBe(500);
    expect((await graph(sim, token, '/me')).status).toBe(200);
    expect(sim.faults.active()).toEqual([]);
    expect((await send(sim.origin, '/sandbox/switchboard')).body).toContain('<p>None.</p>');
  });

  it('resets every armed fault, and arms nothing for an unknown button', async () => {
    const sim = await start();
    for (const fault of ['meta:slow', 'meta:pinMismatch']) await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: sameOrigin(sim), body: form([['fault', fault]]) });
    expect(sim.faults.active()).toEqual(['slow', 'pinMismatch']);
    const reset = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: sameOrigin(sim), body: form([['action', 'reset']]) });
    expect(reset.status).toBe(303);
    expect(sim.faults.active()).toEqual([]);
    for (const fault of ['meta:meteor', 'slow', 'cxone:slow', '']) {
      const unknown = await send(sim.origin, '/sandbox/switchboard', { method: 'POST', headers: sameOrigin(sim), body: form([['fault', fault]]) });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toContain('nothing was armed');
    }
    expect(sim.faults.active()).toEqual([]);
  });

  it('links the phone page and the switchboard to each other', async () => {
    const sim = await start();
    expect(sim.pageUrl('phone')).toBe(`${sim.origin}/sandbox/phone`);
    expect(sim.pageUrl('faults')).toBe(`${sim.origin}/sandbox/switchboard`);
    const phone = await send(sim.origin, new URL(sim.pageUrl('phone')).pathname);
    expect(phone.body).toContain('<a href="/sandbox/switchboard">');
    const board = await send(sim.origin, new URL(sim.pageUrl('faults')).pathname);
    expect(board.body).toContain('<a href="/sandbox/phone">Sandbox phone</a>');
  });
});

describe('simulator host: page language', () => {
  it('speaks French on every Meta page after setLanguage("fr"), and English again after setLanguage("en")', async () => {
    const sim = await start();
    sim.setLanguage('fr');
    const chooser = await send(sim.origin, `/v26.0/dialog/oauth?${dialogQuery(sim)}`);
    expect(chooser.body).toContain('<html lang="fr">');
    expect(chooser.body).toContain('<h1>Se connecter à Facebook</h1>');
    expect(chooser.body).toContain('Se connecter en tant que Camille Martin');
    expect(chooser.body).toContain('Annuler');
    const consent = await send(sim.origin, '/sandbox/login', { method: 'POST', headers: sameOrigin(sim), body: form([['q', dialogQuery(sim)], ['action', 'choose'], ['person', '10001']]) });
    expect(consent.body).toContain('<html lang="fr">');
    expect(consent.body).toContain('<legend>Autorisations</legend>');
    expect(consent.body).toContain('Gérer vos comptes WhatsApp Business');
    const again = await send(sim.origin, `/v26.0/dialog/oauth?${dialogQuery(sim)}`, { headers: { Cookie: 'sandbox_person=10001' } });
    expect(again.body).toContain('Continuer en tant que Camille Martin');
    expect(again.body).toContain('Se connecter avec un autre compte');
    const refused = await send(sim.origin, `/v26.0/dialog/oauth?${dialogQuery(sim).replace(encodeURIComponent(sim.redirectUri), encodeURIComponent('https://evil.example/'))}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<html lang="fr">');
    expect(refused.body).toContain('URL bloquée');
    const phone = await send(sim.origin, '/sandbox/phone');
    expect(phone.body).toContain('<html lang="fr">');
    expect(phone.body).toContain('<h1>Téléphone du bac à sable</h1>');
    expect(phone.body).toContain('<th scope="col">Dernier code</th>');
    const missing = await send(sim.origin, '/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<html lang="fr">');

    sim.setLanguage('en');
    const english = await send(sim.origin, `/v26.0/dialog/oauth?${dialogQuery(sim)}`);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Log in as Camille Martin');
  });

  it('starts in the language its options name', async () => {
    const sim = await start({ language: 'fr' });
    expect((await send(sim.origin, '/sandbox/phone')).body).toContain('<html lang="fr">');
  });

  it('refuses a language it does not speak', async () => {
    const sim = await start();
    expect(() => sim.setLanguage('de' as 'fr')).toThrow();
    expect((await send(sim.origin, '/sandbox/phone')).body).toContain('<html lang="en">');
  });
});

describe('simulator host: state file', () => {
  const now = () => new Date('2026-03-02T09:00:00Z');

  it('keeps the simulated Meta across a restart, written whole and without a temporary file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-simulator-'));
    const stateFile = join(dir, 'simulators.json');
    let sim = await start({ stateFile });
    const token = await tokenFor(sim);
    await graph(sim, token, '/300000000000001/phone_numbers', { method: 'POST', form: { cc: '33', phone_number: '611112222', verified_name: 'Contoso Help' } });
    await sim.close();
    simulator = null;
    expect(readdirSync(dir)).toEqual(['simulators.json']);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { simulators: number; plugins: Record<string, string> };
    expect(saved.simulators).toBe(1);
    expect(Object.keys(saved.plugins)).toEqual(['meta']);
    expect(readFileSync(stateFile, 'utf8')).not.toContain(token);

    sim = await start({ stateFile });
    expect(JSON.parse((await graph(sim, token, '/me')).body)).toMatchObject({ name: 'Camille Martin' });
    expect(sim.world.phones).toHaveLength(3);
  });

  it('sets an unreadable state file aside as <file>.corrupt-<timestamp> and starts from the seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-simulator-'));
    const stateFile = join(dir, 'simulators.json');
    writeFileSync(stateFile, '{"simulators": 1, "plugins": {');
    writeFileSync(`${stateFile}.corrupt-20260302T090000`, 'an older one');
    const sim = await start({ stateFile, now });
    expect(existsSync(stateFile)).toBe(false);
    expect(readFileSync(`${stateFile}.corrupt-20260302T090000-2`, 'utf8')).toBe('{"simulators": 1, "plugins": {');
    expect(readFileSync(`${stateFile}.corrupt-20260302T090000`, 'utf8')).toBe('an older one');
    expect(sim.world.phones).toHaveLength(2);
    expect(sim.tokens()).toEqual([]);
  });

  it('sets aside a state file whose Meta part the simulator cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-simulator-'));
    const stateFile = join(dir, 'simulators.json');
    writeFileSync(stateFile, JSON.stringify({ simulators: 1, plugins: { meta: '{"version": 99}' } }));
    const sim = await start({ stateFile, now });
    expect(readdirSync(dir)).toEqual(['simulators.json.corrupt-20260302T090000']);
    expect(sim.world.phones).toHaveLength(2);
  });

  it('restores a state file saved before the host existed (the Meta world alone)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-simulator-'));
    const stateFile = join(dir, 'sandbox-state.json');
    const world = seedWorld();
    world.wabas[1]!.subscribed = true;
    writeFileSync(stateFile, serializeWorld(world));
    const sim = await start({ stateFile });
    expect(sim.world.wabas[1]?.subscribed).toBe(true);
    expect(readdirSync(dir)).toEqual(['sandbox-state.json']);
  });
});

describe('simulator host: plugins', () => {
  /** A plugin that knows nothing of Meta: what a CXone simulator would plug in the same way. */
  function echoPlugin(): SimulatorPlugin & { readonly state: string[] } {
    const state: string[] = [];
    return {
      name: 'echo',
      title: { en: 'Echo', fr: 'Écho' },
      faults: createFaultBoard([{ kind: 'mute', text: { en: { title: 'Mute', help: 'Answers nothing once.' }, fr: { title: 'Muet', help: 'Ne répond rien une fois.' } } }]),
      state,
      routes(table, context) {
        table.post('/echo/:word', async (request, reply) => {
          const fields = await request.fields();
          state.push(request.params.word ?? '');
          reply.json(200, { word: request.params.word, fields: Object.fromEntries(fields), cookie: request.cookies.get('who') ?? null, origin: context.origin(), language: request.language });
        });
      },
      serialize: () => JSON.stringify(state),
      restore(text) {
        state.splice(0, state.length, ...(JSON.parse(text) as string[]));
      },
    };
  }

  it('hands a plugin its route parameters, cookies and parsed JSON or form body', async () => {
    const plugin = echoPlugin();
    host = await startSimulatorHost({ plugins: [plugin] });
    const json = await send(host.origin, '/echo/hello?from=query', { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', Cookie: 'other=1; who=Camille%20M' }, body: JSON.stringify({ n: 2, s: 'x' }) });
    expect(JSON.parse(json.body)).toEqual({ word: 'hello', fields: { from: 'query', n: '2', s: 'x' }, cookie: 'Camille M', origin: host.origin, language: 'en' });
    const posted = await send(host.origin, '/echo/form', { method: 'POST', headers: FORM, body: 'a=1&b=two' });
    expect(JSON.parse(posted.body)).toMatchObject({ fields: { a: '1', b: 'two' } });
    expect(plugin.state).toEqual(['hello', 'form']);
  });

  it('refuses a body over the size limit with 413 and a malformed JSON body with 400', async () => {
    const plugin = echoPlugin();
    host = await startSimulatorHost({ plugins: [plugin], maxBodyBytes: 64 });
    expect((await send(host.origin, '/echo/big', { method: 'POST', headers: FORM, body: `a=${'x'.repeat(100)}` })).status).toBe(413);
    expect((await send(host.origin, '/echo/bad', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":' })).status).toBe(400);
    expect(plugin.state).toEqual([]);
  });

  it('lists each plugin\'s faults on the switchboard and keeps plugins apart in the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wcsa-simulator-'));
    const stateFile = join(dir, 'simulators.json');
    writeFileSync(stateFile, JSON.stringify({ simulators: 1, plugins: { echo: '["kept"]', cxone: '{"kept":true}' } }));
    const plugin = echoPlugin();
    host = await startSimulatorHost({ plugins: [plugin], stateFile });
    expect(plugin.state).toEqual(['kept']);
    const page = await send(host.origin, '/sandbox/switchboard');
    expect(page.body).toContain('value="echo:mute"');
    await send(host.origin, '/sandbox/switchboard', { method: 'POST', headers: FORM, body: form([['fault', 'echo:mute']]) });
    expect(plugin.faults.active()).toEqual(['mute']);
    await send(host.origin, '/echo/more', { method: 'POST', headers: FORM, body: '' });
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ simulators: 1, plugins: { echo: '["kept","more"]', cxone: '{"kept":true}' } });
  });

  it('refuses two plugins with the same name, or the same route', async () => {
    await expect(startSimulatorHost({ plugins: [echoPlugin(), echoPlugin()] })).rejects.toThrow(/distinct names/);
    await expect(startSimulatorHost({ plugins: [echoPlugin(), { ...echoPlugin(), name: 'echo-2' }] })).rejects.toThrow();
  });
});

describe('simulator host: rehearsal page', () => {
  const post = (sim: MetaSimulator, fields: [string, string][], headers: Record<string, string> = sameOrigin(sim)) => send(sim.origin, '/sandbox/rehearsal', { method: 'POST', headers, body: form(fields) });

  it('shows the business, the pending number, every number and template, as labelled forms without script', async () => {
    const sim = await start();
    expect(sim.pageUrl('rehearsal')).toBe(`${sim.origin}/sandbox/rehearsal`);
    const page = await send(sim.origin, '/sandbox/rehearsal');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<h1>Rehearsal</h1>');
    expect(page.body).toContain('<label for="business-name">Business portfolio name</label> <input type="text" id="business-name" name="businessName" required maxlength="200" value="Contoso Contact Center">');
    expect(page.body).toContain('value="+33 1 84 88 00 42"');
    for (const phone of sim.world.phones) expect(page.body).toContain(`<label for="name-status-${phone.id}">Display name review (name_status)</label>`);
    for (const template of sim.world.templates) expect(page.body).toContain(`<legend>${escapeHtml(`${template.name} (${template.language})`)}</legend>`);
    expect(page.body).toMatch(/<select id="template-reason-500000000000004" name="rejected_reason">.*<option value="INCORRECT_CATEGORY" selected>/);
    expect(page.body).not.toMatch(/<script|style=/i);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect((await send(sim.origin, '/sandbox/switchboard')).body).toContain('<a href="/sandbox/rehearsal">Rehearsal</a>');
    expect((await send(sim.origin, '/sandbox/phone')).body).toContain('<a href="/sandbox/rehearsal">');
  });

  it('speaks French after setLanguage("fr")', async () => {
    const sim = await start();
    sim.setLanguage('fr');
    const page = await send(sim.origin, '/sandbox/rehearsal');
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toContain('<h1>Répétition</h1>');
    expect(page.body).toContain('Nom du compte WhatsApp Business');
    expect(page.body).toContain('Utiliser ce numéro');
    expect((await send(sim.origin, '/sandbox/switchboard')).body).toContain('<a href="/sandbox/rehearsal">Répétition</a>');
  });

  it('changes the simulated Meta from its own forms, then shows the page again with a notice', async () => {
    const sim = await start();
    const token = await tokenFor(sim);
    const renamed = await post(sim, [['action', 'business'], ['businessName', 'Northwind Traders'], ['accountName', 'Northwind Support']]);
    expect(renamed.status).toBe(303);
    expect(renamed.headers.location).toBe('/sandbox/rehearsal?changed=1#rehearsal-business');
    expect(await post(sim, [['action', 'number'], ['phoneNumber', '+33 6 12 34 56 78']])).toMatchObject({ status: 303 });
    const reviewed = await post(sim, [['action', 'phone'], ['id', '400000000000002'], ['name_status', 'APPROVED'], ['status', 'PENDING'], ['quality_rating', 'GREEN']]);
    expect(reviewed.status).toBe(303);
    expect(await post(sim, [['action', 'template'], ['id', '500000000000003'], ['status', 'REJECTED'], ['rejected_reason', 'PROMOTIONAL']])).toMatchObject({ status: 303 });

    const account = JSON.parse((await graph(sim, token, `/300000000000001?fields=${encodeURIComponent('name,phone_numbers{display_phone_number,name_status,quality_rating}')}`)).body) as { name: string; phone_numbers: { data: unknown[] } };
    expect(account.name).toBe('Northwind Support');
    expect(account.phone_numbers.data[1]).toEqual({ id: '400000000000002', display_phone_number: '+33 6 12 34 56 78', name_status: 'APPROVED', quality_rating: 'GREEN' });
    expect(sim.world.businesses[0]?.name).toBe('Northwind Traders');
    expect(sim.world.templates.find((template) => template.id === '500000000000003')).toMatchObject({ status: 'REJECTED', rejected_reason: 'PROMOTIONAL' });
    const page = await send(sim.origin, '/sandbox/rehearsal?changed=1');
    expect(page.body).toContain('<p class="notice" role="status">Changed.');
    expect(page.body).toContain('value="Northwind Traders"');
  });

  it('says why it changed nothing: not a number, a number taken, an empty name, a value Meta does not use', async () => {
    const sim = await start();
    const before = serializeWorld(sim.world);
    const cases: [[string, string][], string][] = [
      [[['action', 'number'], ['phoneNumber', '06 12 34 56 78']], 'not a number in international format'],
      [[['action', 'number'], ['phoneNumber', '+33 7 48 11 15 24']], 'already another number'],
      [[['action', 'business'], ['businessName', ' '], ['accountName', 'Contoso Support']], 'A name must have 1 to 200 characters'],
      [[['action', 'phone'], ['id', '400000000000001'], ['name_status', 'APPROVED'], ['status', 'ON_FIRE'], ['quality_rating', 'GREEN']], 'not one Meta uses'],
      [[['action', 'template'], ['id', '599999999999999'], ['status', 'APPROVED'], ['rejected_reason', 'NONE']], 'does not exist here'],
    ];
    for (const [fields, message] of cases) {
      const answer = await post(sim, fields);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(new RegExp(`<p class="notice problem" role="alert">[^<]*${message}`));
    }
    expect(serializeWorld(sim.world)).toBe(before);
  });

  it.each([
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another port of 127.0.0.1)', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses a change posted with %s, and changes nothing', async (_name, headers) => {
    const sim = await start();
    const answer = await post(sim, [['action', 'business'], ['businessName', 'Evil Corp'], ['accountName', 'Evil Corp']], { ...FORM, ...headers });
    expect(answer.status).toBe(403);
    const approve = await post(sim, [['action', 'phone'], ['id', '400000000000002'], ['name_status', 'APPROVED'], ['status', 'CONNECTED'], ['quality_rating', 'GREEN']], { ...FORM, ...headers });
    expect(approve.status).toBe(403);
    expect(sim.world.businesses[0]?.name).toBe('Contoso Contact Center');
    expect(sim.world.phones[1]?.name_status).toBe('PENDING_REVIEW');
  });
});
