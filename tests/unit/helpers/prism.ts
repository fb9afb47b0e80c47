import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { FetchLike } from '../../../main/platform/ports';
import { KNOWN_CONTRADICTIONS, type OpenApiDocument } from './known-contradictions';

/**
 * Prism (Stoplight's OpenAPI proxy) between the app's Graph client and the Meta simulator, so
 * every request the app sends and every answer the simulator gives is checked against Meta's
 * OpenAPI file of the WhatsApp Business Platform.
 *
 * Prism cannot tell Meta's paths apart (`/{Version}/{WABA-ID}` and `/{Version}/{Phone-Number-ID}`
 * differ only by parameter names, and the last one in the file wins), so it is given a document
 * derived from the contract: only the operations the app calls, plus the patches of
 * known-contradictions.ts. Calls the contract does not describe go straight to the simulator
 * through an explicit bypass list, which the tests check.
 */

const ROOT = resolve(__dirname, '../../..');

/** Meta's OpenAPI file, kept beside the project (`../shared/contracts`), never copied into it. */
export const CONTRACT_FILE = resolve(ROOT, '../shared/contracts/meta-business-messaging-api_v23.0.yaml');

/** Prism's command line, from the pinned devDependency (5.14.2: the last release that runs on Node 20). */
export const PRISM_CLI = join(ROOT, 'node_modules/@stoplight/prism-cli/dist/index.js');

/** Why the contract tests cannot run here, or null when they can. */
export function prismUnavailable(): string | null {
  if (!existsSync(CONTRACT_FILE)) return `Meta's OpenAPI file is not at ${CONTRACT_FILE}`;
  if (!existsSync(PRISM_CLI)) return `Prism is not installed (${PRISM_CLI}); run npm ci`;
  return null;
}

/** The operations the app calls that the contract describes (design §1, E2 to E13). */
export const USED_OPERATIONS: Readonly<Record<string, readonly ('get' | 'post' | 'delete')[]>> = {
  '/{Version}/{Business-ID}/owned_whatsapp_business_accounts': ['get'],
  '/{Version}/{Business-ID}/client_whatsapp_business_accounts': ['get'],
  // The only single-id read the app makes: the status board's batched read of an account.
  '/{Version}/{WABA-ID}': ['get'],
  '/{Version}/{WABA-ID}/phone_numbers': ['get', 'post'],
  '/{Version}/{Phone-Number-ID}/request_code': ['post'],
  '/{Version}/{Phone-Number-ID}/verify_code': ['post'],
  '/{Version}/{Phone-Number-ID}/register': ['post'],
  '/{Version}/{Phone-Number-ID}/whatsapp_business_profile': ['get', 'post'],
  '/{Version}/{WABA-ID}/message_templates': ['get'],
  '/{Version}/{WABA-ID}/subscribed_apps': ['get'],
};

/**
 * Graph calls the contract does not describe (DOMAIN.md documents them): they go to the
 * simulator directly. Paths are those after the version.
 */
export const BYPASS: readonly { readonly method: string; readonly path: RegExp; readonly name: string }[] = [
  { method: 'GET', path: /^\/me$/, name: 'GET /me' },
  { method: 'GET', path: /^\/me\/permissions$/, name: 'GET /me/permissions' },
  { method: 'DELETE', path: /^\/me\/permissions$/, name: 'DELETE /me/permissions' },
  { method: 'GET', path: /^\/me\/businesses$/, name: 'GET /me/businesses' },
  { method: 'POST', path: /^\/oauth\/access_token$/, name: 'POST /oauth/access_token' },
];

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The derived document, built from the contract: only the used operations, contradictions patched. */
export function deriveDocument(contract: OpenApiDocument): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, methods] of Object.entries(USED_OPERATIONS)) {
    const item = contract.paths[path];
    if (!item) throw new Error(`the contract no longer describes ${path}`);
    for (const method of methods) if (!item[method]) throw new Error(`the contract no longer describes ${method.toUpperCase()} ${path}`);
    paths[path] = Object.fromEntries(Object.entries(item).filter(([key]) => !METHODS.has(key) || (methods as readonly string[]).includes(key)));
  }
  const derived: OpenApiDocument = { ...contract, paths };
  for (const contradiction of KNOWN_CONTRADICTIONS) contradiction.patch(derived);
  return derived;
}

/**
 * Writes the derived document once per contract and derivation (parsing the 30 000-line YAML
 * takes seconds), in the system's temporary folder, and returns its path.
 */
export function derivedDocumentFile(): string {
  const source = readFileSync(CONTRACT_FILE);
  const recipe = JSON.stringify({ used: USED_OPERATIONS, contradictions: KNOWN_CONTRADICTIONS.map((entry) => [entry.id, entry.patch.toString()]), derive: deriveDocument.toString() });
  const key = createHash('sha256').update(source).update(recipe).digest('hex').slice(0, 24);
  const file = join(tmpdir(), `whatsapp-setup-contract-${key}.json`);
  if (existsSync(file)) return file;
  const derived = deriveDocument(parse(source.toString('utf8')) as OpenApiDocument);
  // Written aside then renamed: another test file may be deriving the same document meanwhile.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(derived));
  renameSync(partial, file);
  return file;
}

export interface PrismProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** What Prism printed, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

// eslint-disable-next-line no-control-regex -- Prism colours its output with ANSI escapes, removed before reading it
const ANSI = /\u001b\[[0-9;]*m/g;

/** Starts `prism proxy --errors` on a free port in front of `upstream`, and waits until it listens. */
export function startPrism(document: string, upstream: string, timeoutMs = 90_000): Promise<PrismProxy> {
  const child: ChildProcess = spawn(process.execPath, [PRISM_CLI, 'proxy', '--errors', '--host', '127.0.0.1', '--port', '0', document, upstream], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killed);
  };
  return new Promise((resolvePrism, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8').replace(ANSI, '')).slice(-200_000);
      const listening = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolvePrism({ origin: listening[1], output: () => output, stop });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (${code ?? 'signal'}) before listening:\n${output.slice(-2000)}`));
    });
  });
}

/** One disagreement with the contract, as Prism reported it. */
export interface Violation {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Prism's error type (`…#UNPROCESSABLE_ENTITY`, `…#VIOLATIONS`) or `sl-violations`. */
  readonly kind: string;
  readonly messages: string[];
}

interface PrismFinding {
  location?: unknown;
  message?: unknown;
  severity?: unknown;
}

function describeFindings(findings: unknown): string[] {
  if (!Array.isArray(findings)) return [];
  return (findings as PrismFinding[]).map((finding) => `${Array.isArray(finding.location) ? finding.location.join('.') : '?'}: ${String(finding.message)}${finding.severity ? ` (${String(finding.severity)})` : ''}`);
}

const PRISM_ERRORS = 'https://stoplight.io/prism/errors#';

interface PrismProblem {
  type: string;
  title?: unknown;
  detail?: unknown;
  validation?: unknown;
}

/** Prism's own error answer (problem+json with a Prism error type), or null for anything else. */
function prismProblem(text: string): PrismProblem | null {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null) return null;
    const { type } = body as { type?: unknown };
    return typeof type === 'string' && type.startsWith(PRISM_ERRORS) ? (body as PrismProblem) : null;
  } catch {
    // Not JSON: the client reports it; Prism's own errors are always JSON.
    return null;
  }
}

export interface ContractRoute {
  /** The fetch to give the Graph client: Graph calls through Prism, the bypass list straight to the simulator. */
  readonly fetch: FetchLike;
  /** Every disagreement Prism reported since the last `clear()`. */
  violations(): Violation[];
  /** The calls that went around Prism (`GET /me/businesses`), in order. */
  bypassed(): string[];
  /** The calls Prism checked (`GET /300000000000001/phone_numbers`), in order. */
  checked(): string[];
  clear(): void;
}

/**
 * A fetch that sends the simulator's Graph calls through Prism, except those of `BYPASS`, and
 * records every answer in which Prism found the request or the answer wrong, so a test fails
 * naming them rather than with the app's reading of Prism's error.
 */
export function routeThroughPrism(options: { simulatorOrigin: string; prismOrigin: string; fetch?: FetchLike }): ContractRoute {
  const send: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const violations: Violation[] = [];
  const bypassed: string[] = [];
  const checked: string[] = [];
  const route: FetchLike = async (url, init) => {
    const target = new URL(url);
    const [version = '', ...rest] = target.pathname.split('/').filter(Boolean);
    const graphPath = `/${rest.join('/')}`;
    const isGraph = target.origin === options.simulatorOrigin && /^v\d+\.\d+$/.test(version);
    if (!isGraph) return send(url, init);
    const bypass = BYPASS.find((entry) => entry.method === init.method && entry.path.test(graphPath));
    if (bypass) {
      bypassed.push(bypass.name);
      return send(url, init);
    }
    checked.push(`${init.method} ${graphPath}`);
    const answer = await send(`${options.prismOrigin}${target.pathname}${target.search}`, init);
    const text = await answer.text();
    const headerFindings = answer.headers.get('sl-violations');
    const problem = prismProblem(text);
    if (problem || headerFindings) {
      const messages = [...(problem ? [`${String(problem.title)}: ${String(problem.detail ?? '')}`, ...describeFindings(problem.validation)] : [])];
      if (headerFindings) {
        try {
          messages.push(...describeFindings(JSON.parse(headerFindings)));
        } catch {
          messages.push(`sl-violations: ${headerFindings}`);
        }
      }
      violations.push({ method: init.method, path: graphPath, status: answer.status, kind: problem ? problem.type.replace(PRISM_ERRORS, '') : 'sl-violations', messages });
    }
    return { status: answer.status, headers: answer.headers, text: async () => text };
  };
  return {
    fetch: route,
    violations: () => [...violations],
    bypassed: () => [...bypassed],
    checked: () => [...checked],
    clear: () => {
      violations.length = 0;
      bypassed.length = 0;
      checked.length = 0;
    },
  };
}
