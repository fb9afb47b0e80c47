import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { answerGraph, metaError, type GraphAnswer } from './graph';
import { choosePage, consentPage, continuePage, errorPage, phonePage, SANDBOX_CSS } from './pages';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileTimestamp, freePath } from '../persistence/versioned-document';
import { newCode, newToken, restoreWorld, SANDBOX_SCOPES, seedWorld, serializeWorld, tokenHash, type Person, type World } from './world';

export { SANDBOX_SCOPES } from './world';

/** Faults the sandbox can inject, for tests and demos; each is one-shot unless sticky. */
export type FaultKind = 'rateLimit' | 'transient' | 'slow' | 'malformedJson' | 'wrongCode' | 'alreadyOnWhatsApp' | 'pinMismatch';

export interface FaultOptions {
  readonly sticky?: boolean;
  /** `slow`: how long each answer waits. */
  readonly delayMs?: number;
  /** `rateLimit`: what X-Business-Use-Case-Usage says about waiting. */
  readonly minutes?: number;
}

export interface FaultSwitchboard {
  /** Every token handed out so far expires (190, subcode 463). */
  expireTokens(): void;
  /** Every token handed out so far is revoked (190, subcode 460). */
  revokeTokens(): void;
  arm(kind: FaultKind, options?: FaultOptions): void;
  reset(): void;
  active(): FaultKind[];
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`: dialog, Graph and the sandbox's own pages. */
  readonly origin: string;
  readonly faults: FaultSwitchboard;
  /** The last verification code "sent" to a phone number, as its owner would read it. */
  verificationCodeFor(phoneId: string): string | null;
  /** The simulated Meta state, for tests that check what a call changed. */
  readonly world: World;
  close(): Promise<void>;
}

interface Options {
  readonly port?: number;
  readonly now?: () => Date;
  /** Lifetime of the user tokens the dialog hands out; Meta's last a couple of hours. */
  readonly tokenLifetimeSeconds?: number;
  /**
   * Where the simulated Meta keeps its state between runs (the app passes a file in its data
   * folder); without it every start begins from the seed, as the tests want.
   */
  readonly stateFile?: string;
}

/** Loads a saved sandbox; a file that cannot be read is kept aside and the seed is used. */
function loadWorld(stateFile: string | undefined, now: () => Date): World {
  if (!stateFile || !existsSync(stateFile)) return seedWorld();
  try {
    return restoreWorld(readFileSync(stateFile, 'utf8'));
  } catch {
    renameSync(stateFile, freePath(`${stateFile}.corrupt-${fileTimestamp(now())}`));
    return seedWorld();
  }
}

const SANDBOX_APP_NAME = 'WhatsApp Channel Setup Assistant';
const META_REDIRECT = 'https://www.facebook.com/connect/login_success.html';
const COOKIE = 'sandbox_person';
const CODE_LIFETIME_MS = 10 * 60_000;
const MAX_BODY = 1 << 20;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Query and body merged the way Graph reads parameters (form, JSON, or query string). */
async function requestParams(request: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.search);
  if (request.method === 'GET' || request.method === 'HEAD') return params;
  const body = await readBody(request);
  if (!body) return params;
  if ((request.headers['content-type'] ?? '').includes('application/json')) {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const [key, value] of Object.entries(json)) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  } else {
    for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
  }
  return params;
}

function cookie(request: IncomingMessage, name: string): string | null {
  const match = (request.headers.cookie ?? '').split(';').map((part) => part.trim().split('=')).find(([key]) => key === name);
  return match?.[1] ?? null;
}

/** Same rule Meta applies: the redirect must be one the app registered, compared exactly. */
function registeredRedirects(origin: string): string[] {
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

function readDialog(query: string, origin: string): DialogRequest | { problem: string } {
  const params = new URLSearchParams(query);
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!/^\d{5,20}$/.test(clientId)) return { problem: 'Invalid App ID: the client_id parameter is missing or not an App ID.' };
  if (!registeredRedirects(origin).includes(redirectUri)) return { problem: "URL blocked: this redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings." };
  const responseType = params.get('response_type') === 'code' ? 'code' : 'token';
  const challenge = params.get('code_challenge');
  if (responseType === 'code' && (!challenge || params.get('code_challenge_method') !== 'S256')) return { problem: 'The code flow needs code_challenge with code_challenge_method=S256.' };
  // A Login for Business configuration stands for the permissions it was set up with.
  const scopes = params.get('config_id') ? [...SANDBOX_SCOPES] : (params.get('scope') ?? '').split(',').map((scope) => scope.trim()).filter(Boolean);
  return { query, clientId, redirectUri, state: params.get('state'), responseType, scopes, authType: params.get('auth_type'), challenge, returnScopes: params.get('return_scopes') === 'true' };
}

/**
 * A local simulator of Facebook Login and the Graph API, on 127.0.0.1 and a random port.
 *
 * The app uses it in sandbox mode (no Meta app configured); the tests use it for every login
 * flow. Its pages are plain HTML forms (no script), its answers follow Meta's shapes and error
 * bodies, and a fault switchboard reproduces what goes wrong with the real thing.
 */
export async function startSandbox(options: Options = {}): Promise<Sandbox> {
  const now = options.now ?? (() => new Date());
  const world = loadWorld(options.stateFile, now);
  const save = () => {
    if (!options.stateFile) return;
    const temporary = `${options.stateFile}.tmp`;
    writeFileSync(temporary, serializeWorld(world));
    renameSync(temporary, options.stateFile);
  };
  const tokenLifetime = (options.tokenLifetimeSeconds ?? 7200) * 1000;
  let armed: { kind: FaultKind; sticky: boolean; delayMs: number; minutes: number }[] = [];
  let origin = '';

  const take = (kind: FaultKind) => {
    const index = armed.findIndex((fault) => fault.kind === kind);
    if (index < 0) return null;
    const fault = armed[index];
    if (fault && !fault.sticky) armed.splice(index, 1);
    return fault ?? null;
  };

  const faults: FaultSwitchboard = {
    expireTokens: () => {
      world.tokens.forEach((token) => (token.invalid = 463));
      save();
    },
    revokeTokens: () => {
      world.tokens.forEach((token) => (token.invalid = 460));
      save();
    },
    arm: (kind, fault = {}) => armed.push({ kind, sticky: fault.sticky ?? false, delayMs: fault.delayMs ?? 2000, minutes: fault.minutes ?? 5 }),
    reset: () => {
      armed = [];
    },
    active: () => armed.map((fault) => fault.kind),
  };

  const personById = (id: string | null): Person | undefined => world.people.find((person) => person.id === id);

  function redirectTo(response: ServerResponse, location: string, headers: Record<string, string> = {}): void {
    response.writeHead(302, { Location: location, 'Cache-Control': 'no-store', ...headers });
    response.end();
  }

  function html(response: ServerResponse, status: number, body: string, dialog?: DialogRequest): void {
    // Forms post here and may then be redirected to the app's redirect URI.
    const formTargets = ["'self'", ...(dialog ? [new URL(dialog.redirectUri).origin] : [])].join(' ');
    response.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${formTargets}; base-uri 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(body);
  }

  function denied(response: ServerResponse, dialog: DialogRequest): void {
    const params = new URLSearchParams({ error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied' });
    if (dialog.state !== null) params.set('state', dialog.state);
    redirectTo(response, `${dialog.redirectUri}?${params}#_=_`);
  }

  /** Ends the dialog as Meta does: token in the fragment, or a one-time code in the query. */
  function grantedRedirect(response: ServerResponse, dialog: DialogRequest, person: Person): void {
    const setCookie = { 'Set-Cookie': `${COOKIE}=${person.id}; Path=/; HttpOnly; SameSite=Lax` };
    if (dialog.responseType === 'code') {
      const code = newCode();
      world.codes.set(code, { person: person.id, clientId: dialog.clientId, redirectUri: dialog.redirectUri, challenge: dialog.challenge ?? '', createdAt: now(), used: false });
      const params = new URLSearchParams({ code });
      if (dialog.state !== null) params.set('state', dialog.state);
      return redirectTo(response, `${dialog.redirectUri}?${params}#_=_`, setCookie);
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
    redirectTo(response, `${dialog.redirectUri}#${params}`, setCookie);
  }

  /** What Meta would still ask: never-answered permissions, and declined ones on rerequest. */
  function stillToAsk(dialog: DialogRequest, person: Person): string[] {
    return dialog.scopes.filter((scope) => {
      const status = person.permissions.get(scope);
      return status === undefined || (status === 'declined' && dialog.authType === 'rerequest');
    });
  }

  function afterLogin(response: ServerResponse, dialog: DialogRequest, person: Person): void {
    person.permissions.set('public_profile', 'granted');
    const asked = stillToAsk(dialog, person);
    if (asked.length === 0) return grantedRedirect(response, dialog, person);
    const body = consentPage(dialog.query, SANDBOX_APP_NAME, person, asked);
    response.setHeader('Set-Cookie', `${COOKIE}=${person.id}; Path=/; HttpOnly; SameSite=Lax`);
    html(response, 200, body, dialog);
  }

  async function login(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const form = await requestParams(request, url);
    const dialog = readDialog(form.get('q') ?? '', origin);
    if ('problem' in dialog) return html(response, 400, errorPage('Sorry, something went wrong', dialog.problem));
    const action = form.get('action');
    if (action === 'cancel') return denied(response, dialog);
    if (action === 'another') return html(response, 200, choosePage(dialog.query, SANDBOX_APP_NAME, world.people), dialog);
    const person = personById(form.get('person'));
    if (!person) return html(response, 400, errorPage('Sorry, something went wrong', 'Unknown account.'));
    if (request.url?.startsWith('/sandbox/consent')) {
      if (action !== 'continue') return denied(response, dialog);
      const ticked = new Set(form.getAll('grant'));
      for (const scope of stillToAsk(dialog, person)) person.permissions.set(scope, ticked.has(scope) ? 'granted' : 'declined');
      return grantedRedirect(response, dialog, person);
    }
    return afterLogin(response, dialog, person);
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

  async function graph(request: IncomingMessage, response: ServerResponse, url: URL, segments: string[]): Promise<void> {
    const send = (answer: GraphAnswer) => {
      response.writeHead(answer.status, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store', 'facebook-api-version': segments[0] ?? '', ...answer.headers });
      response.end(JSON.stringify(answer.body));
    };
    const slow = take('slow');
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
    let params: URLSearchParams;
    try {
      params = await requestParams(request, url);
    } catch {
      return send(metaError(400, 100, 'Could not parse the request body.'));
    }
    const rate = take('rateLimit');
    if (rate) {
      const usage = JSON.stringify({ [segments[1] ?? 'me']: [{ type: 'whatsapp_business_management', call_count: 100, total_cputime: 40, total_time: 60, estimated_time_to_regain_access: rate.minutes }] });
      return send({ ...metaError(400, 80007, 'Rate limit issues', { title: 'Too many calls', userMessage: 'The WhatsApp Business Account has reached its rate limit.' }), headers: { 'X-Business-Use-Case-Usage': usage } });
    }
    if (take('transient')) return send(metaError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { transient: true }));
    if (take('malformedJson')) {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' });
      return void response.end('{"data": [{"id": "4000000000');
    }
    if (segments[1] === 'oauth' && segments[2] === 'access_token') return send(exchangeCode(params));
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    send(
      answerGraph(
        world,
        { method: request.method ?? 'GET', segments: segments.slice(1), params, token: bearer ?? params.get('access_token'), now: now() },
        { take: (kind) => take(kind) !== null },
      ),
    );
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const segments = url.pathname.split('/').filter(Boolean);
    const isVersion = /^v\d{1,2}\.0$/.test(segments[0] ?? '');

    if (isVersion && segments[1] === 'dialog' && segments[2] === 'oauth' && request.method === 'GET') {
      const dialog = readDialog(url.search.slice(1), origin);
      if ('problem' in dialog) return html(response, 400, errorPage('Sorry, something went wrong', dialog.problem));
      const known = personById(cookie(request, COOKIE));
      if (known && dialog.authType !== 'reauthenticate') return html(response, 200, continuePage(dialog.query, SANDBOX_APP_NAME, known), dialog);
      return html(response, 200, choosePage(dialog.query, SANDBOX_APP_NAME, world.people), dialog);
    }
    if ((url.pathname === '/sandbox/login' || url.pathname === '/sandbox/consent') && request.method === 'POST') return login(request, response, url);
    if (isVersion) return graph(request, response, url, segments);
    if (url.pathname === '/sandbox.css') {
      response.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-store' });
      return void response.end(SANDBOX_CSS);
    }
    if (url.pathname === '/sandbox/phone') return html(response, 200, phonePage(world.phones));
    if (url.pathname === '/connect/login_success.html') return html(response, 200, errorPage('Success', 'SECURITY WARNING: Please treat the URL above as you would your password and do not share it with anyone.'));
    if (url.pathname === '/sandbox/faults') {
      if (request.method === 'DELETE') faults.reset();
      if (request.method === 'POST') {
        const params = await requestParams(request, url);
        const kind = params.get('fault');
        if (kind === 'expireTokens') faults.expireTokens();
        else if (kind === 'revokeTokens') faults.revokeTokens();
        else if (kind && ['rateLimit', 'transient', 'slow', 'malformedJson', 'wrongCode', 'alreadyOnWhatsApp', 'pinMismatch'].includes(kind)) {
          faults.arm(kind as FaultKind, { sticky: params.get('sticky') === 'true', delayMs: Number(params.get('delayMs')) || undefined, minutes: Number(params.get('minutes')) || undefined });
        } else {
          response.writeHead(400, { 'Content-Type': 'application/json' });
          return void response.end(JSON.stringify({ error: 'unknown fault' }));
        }
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return void response.end(JSON.stringify({ active: faults.active() }));
    }
    html(response, 404, errorPage('This page isn\u2019t available', 'The link may be broken, or the page may have been removed.'));
  }

  const server = createServer((request, response) => {
    // Anything but a read may have changed the simulated Meta: keep it for the next start.
    if (request.method !== 'GET' && request.method !== 'HEAD') response.once('finish', save);
    route(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(metaError(500, 1, 'An unknown error occurred').body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // SECURITY: loopback only; the sandbox is never reachable from the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox has no port');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    faults,
    world,
    verificationCodeFor: (phoneId) => world.phones.find((phone) => phone.id === phoneId)?.lastCode?.code ?? null,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
