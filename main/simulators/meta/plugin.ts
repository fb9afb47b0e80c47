import { createHash, timingSafeEqual } from 'node:crypto';
import { BodyError } from '../host/body';
import type { HostContext, SimulatorPlugin, SimulatorReply, SimulatorRequest } from '../host/plugin';
import { createMetaFaultBoard, DEFAULT_RATE_LIMIT_MINUTES, DEFAULT_SLOW_MS, FAULT_KINDS, isFaultKind, type FaultKind, type MetaFaultSwitchboard } from './faults';
import { answerGraph, metaError, type GraphAnswer } from './graph';
import { choosePage, consentPage, continuePage, messagePage, META_PAGES_CSS, PHONE_PATH, PHONE_TITLE, phonePage, type DialogProblem } from './pages';
import { applyRehearsalForm, REHEARSAL_PATH, REHEARSAL_TITLE, rehearsalPage } from './rehearsal';
import { newCode, newToken, restoreWorld, SIMULATOR_SCOPES, seedWorld, serializeWorld, tokenHash, type Person, type World } from './world';

/**
 * What the Meta simulator knows of a token it handed out.
 *
 * The token itself is never kept (only its hash), so tests see who holds a session and its
 * state without the simulator becoming a second place where tokens live.
 */
export interface SimulatorTokenInfo {
  readonly personId: string;
  readonly personName: string;
  readonly expiresAt: Date;
  /** `valid`, or why Meta would refuse it (190 with subcode 463 or 460). */
  readonly state: 'valid' | 'expired' | 'revoked';
}

/**
 * A Graph call the simulator answered, for tests that count calls ("one read per check").
 *
 * The path is the one after the version, without its query: values (a token in
 * `access_token`) are never kept.
 */
export interface GraphCallRecord {
  readonly method: string;
  /** `/300000000000001/phone_numbers`. */
  readonly path: string;
  readonly at: Date;
}

/** How the Meta plugin keeps time and hands out tokens. */
export interface MetaPluginOptions {
  readonly now?: () => Date;
  /** Lifetime of the user tokens the dialog hands out; Meta's last a couple of hours. */
  readonly tokenLifetimeSeconds?: number;
}

/**
 * The Meta plugin and what its public API reads from it.
 *
 * `world` is a function: restoring a saved state replaces the whole world at start.
 */
export interface MetaPlugin {
  readonly plugin: SimulatorPlugin;
  readonly switchboard: MetaFaultSwitchboard;
  world(): World;
  tokens(): SimulatorTokenInfo[];
  verificationCodeFor(phoneId: string): string | null;
  /** Every Graph call answered since the start (or the last `clearGraphCalls`), oldest first. */
  graphCalls(): GraphCallRecord[];
  clearGraphCalls(): void;
  /** Writes the state file after a change made outside a request (the test helpers). */
  save(): void;
}

const SIMULATED_APP_NAME = 'WhatsApp Channel Setup Assistant';
const META_REDIRECT = 'https://www.facebook.com/connect/login_success.html';
const COOKIE = 'sandbox_person';
const CODE_LIFETIME_MS = 10 * 60_000;
/** A Graph version as Meta writes it in paths: `v26.0`. */
const VERSION = ':version(^v\\d{1,2}\\.0$)';

/** Same rule Meta applies: the redirect must be one the app registered, compared exactly. */
export function registeredRedirects(origin: string): string[] {
  return [`${origin}/connect/login_success.html`, META_REDIRECT];
}

interface DialogRequest {
  readonly query: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string | null;
  readonly responseType: 'token' | 'code';
  readonly scopes: string[];
  readonly authType: string | null;
  readonly challenge: string | null;
  readonly returnScopes: boolean;
}

function readDialog(query: string, origin: string): DialogRequest | { problem: DialogProblem } {
  const params = new URLSearchParams(query);
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!/^\d{5,20}$/.test(clientId)) return { problem: 'clientId' };
  if (!registeredRedirects(origin).includes(redirectUri)) return { problem: 'redirectUri' };
  const responseType = params.get('response_type') === 'code' ? 'code' : 'token';
  const challenge = params.get('code_challenge');
  if (responseType === 'code' && (!challenge || params.get('code_challenge_method') !== 'S256')) return { problem: 'challenge' };
  // A Login for Business configuration stands for the permissions it was set up with.
  const scopes = params.get('config_id') ? [...SIMULATOR_SCOPES] : (params.get('scope') ?? '').split(',').map((scope) => scope.trim()).filter(Boolean);
  return { query, clientId, redirectUri, state: params.get('state'), responseType, scopes, authType: params.get('auth_type'), challenge, returnScopes: params.get('return_scopes') === 'true' };
}

/**
 * The Meta simulator as a host plugin: Facebook Login's dialog pages, the Graph API the wizard
 * calls, the simulated phone and the JSON fault endpoint, over a {@link World}.
 *
 * Its pages are plain HTML forms (no script) in the host's language; its Graph answers follow
 * Meta's shapes and error bodies (in English, as Graph's developer messages are).
 */
export function createMetaPlugin(options: MetaPluginOptions = {}): MetaPlugin {
  const now = options.now ?? (() => new Date());
  const tokenLifetime = (options.tokenLifetimeSeconds ?? 7200) * 1000;
  const board = createMetaFaultBoard();
  let world = seedWorld();
  let host: HostContext | null = null;
  let calls: GraphCallRecord[] = [];
  const save = () => host?.save();
  const origin = () => host?.origin() ?? '';

  const take = (kind: FaultKind) => board.take(kind);
  const personById = (id: string | null | undefined): Person | undefined => world.people.find((person) => person.id === id);

  const switchboard: MetaFaultSwitchboard = {
    expireTokens: () => {
      world.tokens.forEach((token) => (token.invalid = 463));
      save();
    },
    revokeTokens: () => {
      world.tokens.forEach((token) => (token.invalid = 460));
      save();
    },
    arm: (kind, fault = {}) => {
      const settings: Record<string, number> = {};
      if (fault.delayMs !== undefined) settings.delayMs = fault.delayMs;
      if (fault.minutes !== undefined) settings.minutes = fault.minutes;
      board.arm(kind, { sticky: fault.sticky ?? false, settings });
    },
    reset: () => board.reset(),
    active: () => board.active(),
  };

  const sessionCookie = (person: Person) => ({ 'Set-Cookie': `${COOKIE}=${person.id}; Path=/; HttpOnly; SameSite=Lax` });

  function denied(reply: SimulatorReply, dialog: DialogRequest): void {
    const params = new URLSearchParams({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied' });
    if (dialog.state !== null) params.set('state', dialog.state);
    reply.redirect(`${dialog.redirectUri}?${params}#_=_`);
  }

  /** Ends the dialog as Meta does: token in the fragment, or a one-time code in the query. */
  function grantedRedirect(reply: SimulatorReply, dialog: DialogRequest, person: Person): void {
    const headers = sessionCookie(person);
    if (dialog.responseType === 'code') {
      const code = newCode();
      world.codes.set(code, { person: person.id, clientId: dialog.clientId, redirectUri: dialog.redirectUri, challenge: dialog.challenge ?? '', createdAt: now(), used: false });
      const params = new URLSearchParams({ code });
      if (dialog.state !== null) params.set('state', dialog.state);
      return reply.redirect(`${dialog.redirectUri}?${params}#_=_`, { headers });
    }
    const value = newToken();
    world.tokens.set(tokenHash(value), { person: person.id, expiresAt: new Date(now().getTime() + tokenLifetime), invalid: null });
    const params = new URLSearchParams({
      access_token: value,
      data_access_expiration_time: String(Math.floor(now().getTime() / 1000) + 90 * 86400),
      expires_in: String(Math.floor(tokenLifetime / 1000)),
    });
    if (dialog.state !== null) params.set('state', dialog.state);
    if (dialog.returnScopes) {
      params.set('granted_scopes', [...person.permissions].filter(([, status]) => status === 'granted').map(([scope]) => scope).join(','));
      params.set('denied_scopes', [...person.permissions].filter(([, status]) => status === 'declined').map(([scope]) => scope).join(','));
    }
    reply.redirect(`${dialog.redirectUri}#${params}`, { headers });
  }

  /** What Meta would still ask: never-answered permissions, and declined ones on rerequest. */
  function stillToAsk(dialog: DialogRequest, person: Person): string[] {
    return dialog.scopes.filter((scope) => {
      const status = person.permissions.get(scope);
      return status === undefined || (status === 'declined' && dialog.authType === 'rerequest');
    });
  }

  /** A page of the dialog: its forms may end at the app's redirect URI. */
  const dialogPage = (reply: SimulatorReply, body: string, dialog: DialogRequest, headers?: Record<string, string>) =>
    reply.html(200, body, { formTargets: [new URL(dialog.redirectUri).origin], headers });

  function afterLogin(request: SimulatorRequest, reply: SimulatorReply, dialog: DialogRequest, person: Person): void {
    person.permissions.set('public_profile', 'granted');
    const asked = stillToAsk(dialog, person);
    if (asked.length === 0) return grantedRedirect(reply, dialog, person);
    dialogPage(reply, consentPage(request.language, dialog.query, SIMULATED_APP_NAME, person, asked), dialog, sessionCookie(person));
  }

  async function login(request: SimulatorRequest, reply: SimulatorReply, step: 'login' | 'consent'): Promise<void> {
    const form = await request.fields();
    const dialog = readDialog(form.get('q') ?? '', origin());
    if ('problem' in dialog) return reply.html(400, messagePage(request.language, dialog.problem));
    const action = form.get('action');
    if (action === 'cancel') return denied(reply, dialog);
    if (action === 'another') return dialogPage(reply, choosePage(request.language, dialog.query, SIMULATED_APP_NAME, world.people), dialog);
    const person = personById(form.get('person'));
    if (!person) return reply.html(400, messagePage(request.language, 'unknownAccount'));
    if (step === 'consent') {
      if (action !== 'continue') return denied(reply, dialog);
      const ticked = new Set(form.getAll('grant'));
      for (const scope of stillToAsk(dialog, person)) person.permissions.set(scope, ticked.has(scope) ? 'granted' : 'declined');
      return grantedRedirect(reply, dialog, person);
    }
    return afterLogin(request, reply, dialog, person);
  }

  function exchangeCode(params: URLSearchParams): GraphAnswer {
    const code = world.codes.get(params.get('code') ?? '');
    const invalid = metaError(400, 100, 'Invalid verification code format.', { subcode: 36007 });
    if (!code || code.used || now().getTime() - code.createdAt.getTime() > CODE_LIFETIME_MS) return invalid;
    if (params.get('client_id') !== code.clientId || params.get('redirect_uri') !== code.redirectUri) {
      return metaError(400, 100, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', { subcode: 36008 });
    }
    const verifier = params.get('code_verifier') ?? '';
    const expected = Buffer.from(code.challenge);
    const actual = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
    code.used = true;
    if (!verifier || expected.length !== actual.length || !timingSafeEqual(expected, actual)) return metaError(400, 100, 'Invalid code verifier.', { subcode: 36008 });
    const value = newToken();
    world.tokens.set(tokenHash(value), { person: code.person, expiresAt: new Date(now().getTime() + tokenLifetime), invalid: null });
    return { status: 200, body: { access_token: value, token_type: 'bearer', expires_in: Math.floor(tokenLifetime / 1000) } };
  }

  async function graph(request: SimulatorRequest, reply: SimulatorReply): Promise<void> {
    const segments = request.url.pathname.split('/').filter(Boolean);
    calls.push({ method: request.method, path: `/${segments.slice(1).join('/')}`, at: now() });
    const send = (answer: GraphAnswer) => reply.json(answer.status, answer.body, { 'facebook-api-version': segments[0] ?? '', ...answer.headers });
    const slow = take('slow');
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow.settings.delayMs ?? DEFAULT_SLOW_MS));
    let params: URLSearchParams;
    try {
      params = await request.fields();
    } catch (error) {
      if (error instanceof BodyError) return send(metaError(400, 100, 'Could not parse the request body.'));
      throw error;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const presented = bearer ?? params.get('access_token');
    const held = presented ? world.tokens.get(tokenHash(presented)) : undefined;
    // Only a session that is still alive can be ended: the fault stays armed for the next one.
    if (held && held.invalid === null && held.expiresAt.getTime() > now().getTime()) {
      if (take('expireToken')) held.invalid = 463;
      else if (take('revokeToken')) held.invalid = 460;
      // Reads are not saved otherwise; an ended session must stay ended after a restart.
      if (held.invalid !== null) save();
    }
    const rate = take('rateLimit');
    if (rate) {
      const minutes = rate.settings.minutes ?? DEFAULT_RATE_LIMIT_MINUTES;
      const usage = JSON.stringify({ [segments[1] ?? 'me']: [{ type: 'whatsapp_business_management', call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: minutes }] });
      return send({ ...metaError(400, 80007, 'Rate limit issues', { title: 'Too many calls', userMessage: 'The WhatsApp Business Account has reached its rate limit.' }), headers: { 'X-Business-Use-Case-Usage': usage } });
    }
    if (take('transient')) return send(metaError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { transient: true }));
    if (take('malformedJson')) return reply.send(200, 'application/json; charset=UTF-8', '{"data": [{"id": "4000000000');
    if (segments[1] === 'oauth' && segments[2] === 'access_token') return send(exchangeCode(params));
    send(answerGraph(world, { method: request.method, segments: segments.slice(1), params, token: presented, now: now(), base: `${origin()}/${segments[0] ?? ''}` }, { take: (kind) => take(kind) !== null }));
  }

  /** Graph answers every failure in its own error shape, even the simulator's own. */
  async function graphRoute(request: SimulatorRequest, reply: SimulatorReply): Promise<void> {
    try {
      await graph(request, reply);
    } catch {
      reply.json(500, metaError(500, 1, 'An unknown error occurred').body);
    }
  }

  /** Faults over HTTP for demos and scripts; refusals in Graph's error shape. */
  async function faultsRoute(request: SimulatorRequest, reply: SimulatorReply): Promise<void> {
    if (request.method === 'DELETE') switchboard.reset();
    if (request.method === 'POST') {
      // SECURITY: JSON only: a page in a browser cannot send it cross-origin without a CORS
      // preflight, which the simulator never answers, so no web page can arm faults behind a
      // demo's back (the host's cross-site rule is a second lock on the same door).
      if (request.mediaType !== 'application/json') return reply.json(415, metaError(415, 100, '(#100) Send the fault as application/json', { type: 'GraphMethodException' }).body);
      const params = await request.fields();
      const kind = params.get('fault');
      if (kind === 'expireTokens') switchboard.expireTokens();
      else if (kind === 'revokeTokens') switchboard.revokeTokens();
      else if (isFaultKind(kind)) {
        switchboard.arm(kind, { sticky: params.get('sticky') === 'true', delayMs: Number(params.get('delayMs')) || undefined, minutes: Number(params.get('minutes')) || undefined });
      } else {
        return reply.json(400, metaError(400, 100, `(#100) Param fault must be one of {${['expireTokens', 'revokeTokens', ...FAULT_KINDS].join(', ')}}`, { type: 'GraphMethodException' }).body);
      }
    }
    reply.json(200, { active: switchboard.active() });
  }

  const plugin: SimulatorPlugin = {
    name: 'meta',
    title: { en: 'Meta (Facebook Login and Graph API)', fr: 'Meta (Facebook Login et API Graph)' },
    faults: board,
    pages: [
      { path: PHONE_PATH, title: PHONE_TITLE },
      { path: REHEARSAL_PATH, title: REHEARSAL_TITLE },
    ],
    routes(table, context) {
      host = context;
      table.get(`/${VERSION}/dialog/oauth`, (request, reply) => {
        const dialog = readDialog(request.url.search.slice(1), origin());
        if ('problem' in dialog) return reply.html(400, messagePage(request.language, dialog.problem));
        const known = personById(request.cookies.get(COOKIE));
        if (known && dialog.authType !== 'reauthenticate') return dialogPage(reply, continuePage(request.language, dialog.query, SIMULATED_APP_NAME, known), dialog);
        dialogPage(reply, choosePage(request.language, dialog.query, SIMULATED_APP_NAME, world.people), dialog);
      });
      table.post('/sandbox/login', (request, reply) => login(request, reply, 'login'));
      table.post('/sandbox/consent', (request, reply) => login(request, reply, 'consent'));
      // SECURITY: Graph calls carry the session's bearer token (or a one-time code and its PKCE
      // verifier) and come from the app's main process without browser headers; see RouteAudience.
      table.on(['GET', 'POST', 'DELETE'], `/${VERSION}`, graphRoute, { audience: 'api' });
      table.on(['GET', 'POST', 'DELETE'], `/${VERSION}/*`, graphRoute, { audience: 'api' });
      table.get('/sandbox.css', (_request, reply) => reply.send(200, 'text/css; charset=utf-8', META_PAGES_CSS));
      table.get(PHONE_PATH, (request, reply) => reply.html(200, phonePage(request.language, world.phones)));
      table.get(REHEARSAL_PATH, (request, reply) => reply.html(200, rehearsalPage(request.language, world, request.url.searchParams.has('changed') ? { kind: 'changed' } : null)));
      // A browser route: the host refuses it from any other site, so no web page can change a demo.
      table.post(REHEARSAL_PATH, async (request, reply) => {
        const { section, outcome } = applyRehearsalForm(world, await request.fields());
        if (!outcome.ok) return reply.html(400, rehearsalPage(request.language, world, { kind: 'problem', problem: outcome.problem }));
        // See Other: reloading shows the page again instead of posting the change twice.
        reply.redirect(`${REHEARSAL_PATH}?changed=1${section ? `#rehearsal-${section}` : ''}`, { status: 303 });
      });
      table.get('/connect/login_success.html', (request, reply) => reply.html(200, messagePage(request.language, 'success')));
      table.on(['GET', 'POST', 'DELETE'], '/sandbox/faults', faultsRoute);
    },
    serialize: () => serializeWorld(world),
    restore(text) {
      world = restoreWorld(text);
    },
  };

  return {
    plugin,
    switchboard,
    world: () => world,
    tokens: () =>
      [...world.tokens.values()].map((token) => ({
        personId: token.person,
        personName: personById(token.person)?.name ?? '',
        expiresAt: token.expiresAt,
        state: token.invalid === 460 ? 'revoked' : token.invalid !== null || token.expiresAt.getTime() <= now().getTime() ? 'expired' : 'valid',
      })),
    verificationCodeFor: (phoneId) => world.phones.find((phone) => phone.id === phoneId)?.lastCode?.code ?? null,
    graphCalls: () => [...calls],
    clearGraphCalls: () => {
      calls = [];
    },
    save,
  };
}
