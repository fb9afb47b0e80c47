import type { IncomingHttpHeaders } from 'node:http';
import type { FaultBoard } from './faults';

/** The languages the simulator pages speak. */
export const LANGUAGES = ['fr', 'en'] as const;

/**
 * A language of the simulator pages.
 *
 * The app's own two languages: an admin demoing in French sees French login pages too.
 */
export type Language = (typeof LANGUAGES)[number];

/** Whether a value names a page language; used on options and posted forms. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * A text (or any value) in every page language.
 *
 * A record rather than a catalog lookup, so a missing translation is a type error.
 */
export type Localized<T = string> = Readonly<Record<Language, T>>;

/** Methods a plugin may route; a GET route answers HEAD as well. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A request as a plugin sees it: already checked by the host (its own Host header, and for
 * state-changing browser routes, same-origin), routed, with cookies parsed and the body read
 * lazily within the host's size limit.
 */
export interface SimulatorRequest {
  readonly method: string;
  /** The request's address on the host's own origin, query included. */
  readonly url: URL;
  /** The route's named parameters; find-my-way's wildcard is `*`. */
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** Cookies sent, first value of each name. */
  readonly cookies: ReadonlyMap<string, string>;
  /** The language of the pages when the request arrived. */
  readonly language: Language;
  /** The body's media type, lower case and without parameters; '' when there is none. */
  readonly mediaType: string;
  /** The body as text; rejects with a {@link BodyError} past the size limit. */
  text(): Promise<string>;
  /**
   * The query merged with the body's fields: form fields are added, JSON members (strings as
   * they are, other values as JSON) replace query parameters of the same name. Rejects with a
   * {@link BodyError} when the body is too large or is not the JSON object it claims to be.
   */
  fields(): Promise<URLSearchParams>;
}

/** Extra response headers, e.g. `Set-Cookie`. */
export type ReplyHeaders = Readonly<Record<string, string>>;

/**
 * How a plugin answers.
 *
 * Every kind of answer carries the headers the host wants on it (CSP on pages, no caching), so
 * a plugin cannot forget them.
 */
export interface SimulatorReply {
  /**
   * An HTML page under the pages' CSP (no script, styles from the host's own files).
   *
   * `formTargets`: origins besides the host's own that its forms may post or be redirected to
   * (the app's redirect URI at the end of a login).
   */
  html(status: number, body: string, options?: { readonly formTargets?: readonly string[]; readonly headers?: ReplyHeaders }): void;
  json(status: number, body: unknown, headers?: ReplyHeaders): void;
  /** Any other body: a style sheet, or a deliberately broken answer. */
  send(status: number, contentType: string, body: string, headers?: ReplyHeaders): void;
  redirect(location: string, options?: { readonly status?: 302 | 303; readonly headers?: ReplyHeaders }): void;
}

/** What a route does with a request. */
export type RouteHandler = (request: SimulatorRequest, reply: SimulatorReply) => void | Promise<void>;

/**
 * Who calls a route, which decides the cross-site rule for its state-changing methods.
 *
 * - `browser` (default): pages and forms. A POST/PUT/PATCH/DELETE is refused unless it comes
 *   from the host's own origin (Sec-Fetch-Site and Origin), so no other site can submit them.
 * - `api`: an API whose every call is authenticated by a secret the request carries (a bearer
 *   token, a one-time code with its PKCE verifier), called by the app's main process, which
 *   sends no browser headers. A cross-site page cannot know that secret, and no CORS answer
 *   ever lets it read the reply.
 */
export type RouteAudience = 'browser' | 'api';

/** How a route is registered. */
export interface RouteOptions {
  readonly audience?: RouteAudience;
}

/**
 * Where a plugin registers its routes (find-my-way patterns: `/sandbox/phone`,
 * `/:version(^v\\d{1,2}\\.0$)/*`).
 *
 * Registering a route another plugin already has throws, so two plugins never fight over a path.
 */
export interface RouteTable {
  get(path: string, handler: RouteHandler, options?: RouteOptions): void;
  post(path: string, handler: RouteHandler, options?: RouteOptions): void;
  on(methods: readonly RouteMethod[], path: string, handler: RouteHandler, options?: RouteOptions): void;
}

/**
 * What the host offers a plugin while it runs.
 *
 * Functions rather than values: the origin is known only once the server listens, and the
 * language changes when the app's does.
 */
export interface HostContext {
  /** `http://127.0.0.1:<port>`. */
  origin(): string;
  language(): Language;
  /** Writes the state file now (the host also does after every state-changing request). */
  save(): void;
}

/** A page of a plugin that the switchboard links to (and that should link back to it). */
export interface PluginPage {
  readonly path: string;
  readonly title: Localized;
}

/**
 * A simulated service on the host: the Meta simulator today, CXone next.
 *
 * The host knows nothing of what a plugin simulates. It gives the plugin routes, parsed
 * requests, a page language and a place in the state file; the plugin gives the host its fault
 * board (listed on the switchboard page) and its state as text.
 *
 * Life cycle: the plugin is created already seeded; at start the host calls `restore` with the
 * plugin's saved text, if any, then `routes` once; `serialize` is called whenever the state
 * file is written.
 */
export interface SimulatorPlugin {
  /** Short and unique: names the plugin's section of the state file and its switchboard buttons. */
  readonly name: string;
  /** The plugin's heading on the switchboard page. */
  readonly title: Localized;
  /** Faults the plugin can inject, made with `createFaultBoard`; all are armed the same way. */
  readonly faults: FaultBoard;
  readonly pages?: readonly PluginPage[];
  routes(table: RouteTable, host: HostContext): void;
  serialize(): string;
  /** Replaces the state with saved text; throws, leaving the state as it was, when it cannot. */
  restore(text: string): void;
}
