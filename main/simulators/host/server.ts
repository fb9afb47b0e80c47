import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { BodyError, mediaTypeOf, mergeFields, parseCookies, readBody } from './body';
import { pageHeaders } from './html';
import { faultButtonValue, HOST_CSS, HOST_CSS_PATH, notFoundPage, switchboardPage, SWITCHBOARD_PATH, unknownFaultNotice } from './pages';
import { isLanguage, type HostContext, type Language, type ReplyHeaders, type SimulatorPlugin, type SimulatorReply, type SimulatorRequest } from './plugin';
import { changesState, crossSiteReason, isAddressedToHost } from './request-guard';
import { createHostRoutes, type FoundRoute, type HostRoutes } from './routes';
import { loadState, saveState, type StateLoad } from './state-file';

/**
 * How to start a simulator host.
 *
 * Tests leave `stateFile` out (every start is the seed) and pass `now` to move time; the app
 * passes a file in its data folder so a demo survives a restart.
 */
export interface SimulatorHostOptions {
  readonly plugins: readonly SimulatorPlugin[];
  /** 0 or absent: a random free port, so parallel tests and a running app never collide. */
  readonly port?: number;
  /** The pages' language until `setLanguage`; English by default. */
  readonly language?: Language;
  readonly stateFile?: string;
  /** Used for the name of a state file set aside. */
  readonly now?: () => Date;
  /** Largest request body read, in bytes; 1 MiB by default. */
  readonly maxBodyBytes?: number;
}

/**
 * A running simulator host: one HTTP server on 127.0.0.1 serving its plugins' routes and the
 * fault switchboard.
 */
export interface SimulatorHost {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** What loading the state file did (nothing restored and nothing set aside without one). */
  readonly stateLoad: StateLoad;
  language(): Language;
  /** Switches the language of every page served from now on. */
  setLanguage(language: Language): void;
  /** Writes the state file now; does nothing without one. */
  save(): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1 << 20;

/** Writes a short plain-text refusal; the body says why, for whoever looks at the network log. */
function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'close' });
  response.end(`${message}\n`);
}

function createReply(response: ServerResponse): SimulatorReply {
  return {
    html(status, body, options = {}) {
      response.writeHead(status, { ...pageHeaders(options.formTargets), ...options.headers });
      response.end(body);
    },
    json(status, body, headers: ReplyHeaders = {}) {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store', ...headers });
      response.end(JSON.stringify(body));
    },
    send(status, contentType, body, headers: ReplyHeaders = {}) {
      response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      response.end(body);
    },
    redirect(location, options = {}) {
      response.writeHead(options.status ?? 302, { Location: location, 'Cache-Control': 'no-store', ...options.headers });
      response.end();
    },
  };
}

function createRequest(request: IncomingMessage, url: URL, params: Readonly<Record<string, string>>, language: Language, maxBody: number): SimulatorRequest {
  const mediaType = mediaTypeOf(request.headers['content-type']);
  let body: Promise<string> | null = null;
  const text = () => {
    if (request.method === 'GET' || request.method === 'HEAD') return Promise.resolve('');
    body ??= readBody(request, maxBody);
    return body;
  };
  return {
    method: request.method ?? 'GET',
    url,
    params,
    headers: request.headers,
    cookies: parseCookies(request.headers.cookie),
    language,
    mediaType,
    text,
    fields: async () => mergeFields(url.searchParams, mediaType, await text()),
  };
}

/** The host's own routes: the switchboard page and its style sheet. */
function registerHostRoutes(routes: HostRoutes, plugins: readonly SimulatorPlugin[]): void {
  routes.get(HOST_CSS_PATH, (_request, reply) => reply.send(200, 'text/css; charset=utf-8', HOST_CSS));
  routes.get(SWITCHBOARD_PATH, (request, reply) => reply.html(200, switchboardPage(plugins, request.language)));
  routes.post(SWITCHBOARD_PATH, async (request, reply) => {
    const form = await request.fields();
    if (form.get('action') === 'reset') {
      for (const plugin of plugins) plugin.faults.reset();
      return reply.redirect(SWITCHBOARD_PATH, { status: 303 });
    }
    const value = form.get('fault') ?? '';
    for (const plugin of plugins) {
      const kind = plugin.faults.declarations.find((declaration) => faultButtonValue(plugin.name, declaration.kind) === value)?.kind;
      if (kind !== undefined) {
        plugin.faults.arm(kind);
        // See Other: reloading the page shows the armed faults again instead of arming twice.
        return reply.redirect(SWITCHBOARD_PATH, { status: 303 });
      }
    }
    reply.html(400, switchboardPage(plugins, request.language, unknownFaultNotice(request.language)));
  });
}

/**
 * Starts a simulator host on 127.0.0.1 with its plugins.
 *
 * Every request goes through the same gate before any plugin sees it: the Host header must be
 * the host's own (DNS rebinding), and a state-changing request to a browser route must come from
 * the host's own pages (cross-site forgery). Routing is find-my-way's; bodies are read lazily
 * within a size limit; after every state-changing request the state file is written atomically.
 */
export async function startSimulatorHost(options: SimulatorHostOptions): Promise<SimulatorHost> {
  const { plugins } = options;
  const names = plugins.map((plugin) => plugin.name);
  if (new Set(names).size !== names.length) throw new Error(`simulator plugins must have distinct names: ${names.join(', ')}`);
  const now = options.now ?? (() => new Date());
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let language: Language = options.language ?? 'en';
  const stateFile = options.stateFile;
  const stateLoad = stateFile ? loadState(stateFile, plugins, now()) : { restored: [], setAsideTo: null, others: {} };

  const save = (): void => {
    if (!stateFile) return;
    try {
      saveState(stateFile, plugins, stateLoad.others);
    } catch {
      // The simulator goes on in memory; the next state-changing request writes it again.
    }
  };

  let origin = '';
  let ownHost = '';
  const context: HostContext = { origin: () => origin, language: () => language, save };
  const routes = createHostRoutes();
  registerHostRoutes(routes, plugins);
  for (const plugin of plugins) plugin.routes(routes, context);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // SECURITY: DNS rebinding; nothing is read, routed or changed for another Host.
    if (!isAddressedToHost(request, ownHost)) return refuse(response, 421, `Misdirected request: this simulator answers only to ${ownHost}.`);
    const target = request.url ?? '';
    // Origin-form only ("/path?query"): an absolute URL as request target names another server.
    if (!target.startsWith('/')) return refuse(response, 400, 'Bad request target.');
    const url = new URL(target, origin);
    const method = request.method ?? 'GET';
    let found: FoundRoute | null;
    try {
      found = routes.find(method, url.pathname);
    } catch {
      return refuse(response, 400, 'Bad request path.');
    }
    const pageLanguage = language;
    if (!found) return createReply(response).html(404, notFoundPage(pageLanguage));
    const writes = changesState(method);
    // SECURITY: cross-site request forgery; pages and forms change state only from this host's own pages.
    if (writes && found.audience === 'browser' && crossSiteReason(request, origin) !== null) return refuse(response, 403, 'Cross-site request refused.');
    // Anything but a read may have changed a plugin's state: keep it for the next start.
    if (writes) response.once('finish', save);
    try {
      await found.handler(createRequest(request, url, found.params, pageLanguage, maxBody), createReply(response));
    } catch (error) {
      if (response.headersSent) return void response.end();
      if (error instanceof BodyError) return refuse(response, error.reason === 'tooLarge' ? 413 : 400, error.reason === 'tooLarge' ? 'Request body too large.' : 'Malformed request body.');
      refuse(response, 500, 'The simulator failed to answer.');
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // SECURITY: loopback only; the simulator is never reachable from the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator host has no port');
  ownHost = `127.0.0.1:${address.port}`;
  origin = `http://${ownHost}`;

  return {
    origin,
    stateLoad,
    language: () => language,
    setLanguage(next) {
      if (!isLanguage(next)) throw new Error(`unknown simulator language: ${String(next)}`);
      language = next;
    },
    save,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
