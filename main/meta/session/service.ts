import * as z from 'zod';
import { AppError } from '../../../shared/errors/index';
import { disconnected, REQUIRED_SCOPES, type MetaConnection, type LoginKind } from '../../../shared/model/meta/connection';
import { effectiveMode, type Mode } from '../../../shared/model/settings/settings';
import { createJsonClient, type HttpTransport, type JsonClient } from '../../platform/http/json-client';
import type { Emit, Logger } from '../../platform/ports';
import { createGraphClient, type GraphClient } from '../graph/client';
import type { SettingsService } from '../../settings/service';
import type { NoticeService } from '../../system/notices';
import type { SecretVault } from '../../platform/secrets/secret-vault';
import { META_SESSION, type StoredSession } from '../../platform/secrets/slots';
import type { MetaLoginWindow, LoginWindowResult } from './login-window';
import { buildDialogUrl, createState } from './dialog-url';
import type { MetaEndpoints } from './endpoints';
import { createPkcePair } from './pkce';
import { parseRedirect } from './redirect';
import { readExpiresIn } from './token-lifetime';

/**
 * The login window's session partition when the vault remembers the session.
 *
 * Persistent on purpose: Meta's "Continue as <name>" needs the Facebook cookie of the previous
 * login. It is separate from the app's own session, and Disconnect wipes it.
 */
export const LOGIN_PARTITION = 'persist:meta-login';

/**
 * The login window's partition when the OS offers no encryption: in memory only.
 *
 * Without encryption the session itself is forgotten at quit; Facebook's cookie must not
 * outlive it on disk, in clear, where the next person at the computer would be logged in.
 */
export const MEMORY_LOGIN_PARTITION = 'meta-login';
export const LOGIN_TIMEOUT_MS = 5 * 60_000;

const MeAnswer = z.object({ id: z.string(), name: z.string() });
const PermissionsAnswer = z.object({ data: z.array(z.object({ permission: z.string(), status: z.string() })) });
// expires_in is checked by readExpiresIn, so a lifetime out of range gets its own error.
const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.unknown().optional() });
const RevokeAnswer = z.object({ success: z.boolean() });

interface Deps {
  settings: SettingsService;
  notices: NoticeService;
  /** Resolves the endpoints of a mode; starts the sandbox on first use in sandbox mode. */
  endpoints: (mode: Mode) => Promise<MetaEndpoints>;
  loginWindow: MetaLoginWindow;
  /** The session lives in its `meta.session` slot. */
  vault: SecretVault;
  /** The app's HTTP transport: Graph calls and the PKCE code exchange both go through it. */
  http: HttpTransport;
  emit: Emit;
  logger: Logger;
  now: () => Date;
  loginTimeoutMs?: number;
}

/** What the login reports while it runs: the three steps the admin sees. */
export interface LoginProgress {
  readonly signal: AbortSignal;
  step(code: 'openingLogin' | 'waitingForLogin' | 'readingPermissions', index: number, total: number): void;
}

export interface MetaSession {
  status(): MetaConnection;
  /** Runs as a long operation: cancelling its signal closes the login window. */
  login(kind: LoginKind, progress: LoginProgress): Promise<MetaConnection>;
  disconnect(): Promise<MetaConnection>;
  /** Asks Meta again what the session may do; a refused token ends it (needsLogin). */
  refresh(): Promise<MetaConnection>;
  /** Graph calls on behalf of the connected admin, for the Meta steps. */
  graph(): Promise<GraphClient>;
}

const WINDOW_FAILURES: Record<Exclude<LoginWindowResult['kind'], 'redirect'>, AppError['code']> = {
  closed: 'meta.session.windowClosed',
  cancelled: 'meta.session.cancelled',
  timeout: 'meta.session.timeout',
  network: 'meta.session.network',
};

/**
 * Facebook login, the session it yields, and its end.
 *
 * The token lives here and in the vault only: the renderer gets a Connection (name, mode,
 * permissions, expiry). A login that fails at any point changes nothing: the current session
 * stays until the new token is proven by Meta answering `/me`. Only a refusal (Graph error 190
 * or 102) of the current session's own token ends it, keeping the admin's name on screen so
 * they can log in again where they were.
 */
export function createMetaSession(deps: Deps): MetaSession {
  const { settings, notices, vault, logger, now } = deps;
  let session: StoredSession | null = vault.get(META_SESSION);
  /** Set when Meta refused the token: the profile stays, the token is gone. */
  let expired: { name: string; mode: Mode } | null = null;
  /** The login under way, so a second one is refused and Disconnect can stop it and wait for its end. */
  let pending: { controller: AbortController; done: Promise<void> } | null = null;
  let endpointsOfSession: MetaEndpoints | null = null;

  const mode = () => effectiveMode(settings.get());
  /** Partition by what the vault can keep: see {@link LOGIN_PARTITION} and {@link MEMORY_LOGIN_PARTITION}. */
  const loginPartition = () => (vault.remembered ? LOGIN_PARTITION : MEMORY_LOGIN_PARTITION);
  /**
   * A Graph client for one token; `onRefused` says what Meta refusing that token ends.
   *
   * Each caller decides: the current session's calls end that session (and only while it is
   * still the current one), a login's calls end nothing but that login.
   */
  const graphFor = (endpoints: MetaEndpoints, token: () => string | null, onRefused: () => void) =>
    createGraphClient({
      http: deps.http,
      baseUrl: () => endpoints.graphBase,
      version: () => settings.get().graphApiVersion,
      token,
      onSessionExpired: onRefused,
      // The app's clock, so a throttle's retry time agrees with everything else the app times.
      now,
    });
  /**
   * Meta's OAuth endpoint, for the PKCE code exchange: a form POST without a token, so never
   * repeated, and whatever Meta refuses is one code (its reasons are not the admin's to act on).
   */
  const oauth: JsonClient = createJsonClient(deps.http, {
    name: 'meta oauth',
    mapError: ({ status, body }) =>
      status >= 400 || (typeof body === 'object' && body !== null && 'error' in body) ? new AppError('meta.session.exchangeFailed', { status }) : null,
    errors: { network: 'meta.session.network', cancelled: 'meta.session.cancelled', malformed: 'meta.session.exchangeFailed' },
  });

  function connection(): MetaConnection {
    const current = mode();
    if (session && session.mode === current) {
      const lapsed = session.expiresAt !== null && Date.parse(session.expiresAt) <= now().getTime();
      return {
        connected: !lapsed,
        name: session.userName,
        mode: current,
        scopesGranted: session.scopesGranted,
        scopesMissing: session.scopesMissing,
        expiresAt: session.expiresAt,
        remembered: vault.remembered,
        needsLogin: lapsed,
      };
    }
    if (expired && expired.mode === current) return { ...disconnected(current, vault.remembered), name: expired.name, needsLogin: true };
    return disconnected(current, vault.remembered);
  }

  const publish = () => deps.emit('meta:changed', connection());

  function endSession(reason: 'expired' | 'disconnected'): void {
    expired = reason === 'expired' && session ? { name: session.userName, mode: session.mode } : null;
    session = null;
    endpointsOfSession = null;
    vault.delete(META_SESSION);
    logger.info('meta session: session ended', { reason });
    publish();
  }

  async function tokenFromRedirect(url: string, endpoints: MetaEndpoints, state: string, verifier: string | null, signal: AbortSignal): Promise<{ token: string; expiresIn: number | null }> {
    const parsed = parseRedirect(url, { expectedState: state, flow: verifier ? 'code' : 'token' });
    if (parsed.kind === 'error') throw new AppError(parsed.code);
    if (parsed.kind === 'token') return { token: parsed.accessToken, expiresIn: parsed.expiresIn };
    // PKCE: the code is exchanged with the verifier and no secret (there is none in the app).
    try {
      const answer = await oauth.request({
        method: 'POST',
        url: `${endpoints.graphBase}/${settings.get().graphApiVersion}/oauth/access_token`,
        body: { form: { client_id: endpoints.clientId, redirect_uri: endpoints.redirectUri, code: parsed.code, code_verifier: verifier ?? '' } },
        schema: TokenAnswer,
        signal,
      });
      const expiresIn = readExpiresIn(answer.expires_in);
      if (expiresIn === 'invalid') throw new AppError('meta.session.invalidExpiry');
      return { token: answer.access_token, expiresIn };
    } catch (error) {
      if (error instanceof AppError && error.code === 'meta.session.exchangeFailed') logger.warn('meta session: the code exchange was refused', { ...error.params });
      throw error;
    }
  }

  return {
    status: connection,

    async login(kind, progress) {
      if (pending) throw new AppError('meta.session.inProgress');
      const controller = new AbortController();
      let ended: () => void = () => undefined;
      const mine = { controller, done: new Promise<void>((resolve) => (ended = resolve)) };
      pending = mine;
      const stopOnCancel = () => controller.abort();
      progress.signal.addEventListener('abort', stopOnCancel);
      if (progress.signal.aborted) controller.abort();
      try {
        progress.step('openingLogin', 1, 3);
        const current = settings.get();
        const endpoints = await deps.endpoints(mode());
        const state = createState();
        const pkce = current.usePkce ? createPkcePair() : null;
        const missing = session?.scopesMissing ?? [];
        const url = buildDialogUrl({
          dialogBase: endpoints.dialogBase,
          graphApiVersion: current.graphApiVersion,
          clientId: endpoints.clientId,
          redirectUri: endpoints.redirectUri,
          state,
          kind,
          scopes: kind === 'rerequest' && missing.length > 0 ? missing : [...REQUIRED_SCOPES],
          configId: endpoints.mode === 'live' && current.loginConfigId ? current.loginConfigId : undefined,
          pkce: pkce ? { challenge: pkce.challenge } : undefined,
        });
        progress.step('waitingForLogin', 2, 3);
        const result = await deps.loginWindow.open({
          url,
          redirectUri: endpoints.redirectUri,
          allowedOrigins: endpoints.allowedOrigins,
          partition: loginPartition(),
          timeoutMs: deps.loginTimeoutMs ?? LOGIN_TIMEOUT_MS,
          signal: controller.signal,
        });
        if (result.kind !== 'redirect') throw new AppError(WINDOW_FAILURES[result.kind]);
        const { token, expiresIn } = await tokenFromRedirect(result.url, endpoints, state, pkce?.verifier ?? null, controller.signal);

        // Who logged in and what they granted, from Meta itself rather than the redirect.
        progress.step('readingPermissions', 3, 3);
        // SECURITY: Meta refusing the new token ends this login only, never the current session.
        const graph = graphFor(endpoints, () => token, () => undefined);
        const [me, permissions] = await Promise.all([
          graph.get({ path: '/me', query: { fields: 'id,name' }, schema: MeAnswer, signal: controller.signal }),
          graph.get({ path: '/me/permissions', schema: PermissionsAnswer, signal: controller.signal }),
        ]).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'meta.session.expired') throw new AppError('meta.session.loginRefused', error.params);
          throw error;
        });
        // Disconnect may have cancelled the login while Meta answered: nothing is saved then.
        if (controller.signal.aborted) throw new AppError('meta.session.cancelled');
        const granted = permissions.data.filter((entry) => entry.status === 'granted').map((entry) => entry.permission);
        session = {
          accessToken: token,
          expiresAt: expiresIn ? new Date(now().getTime() + expiresIn * 1000).toISOString() : null,
          userId: me.id,
          userName: me.name,
          scopesGranted: REQUIRED_SCOPES.filter((scope) => granted.includes(scope)),
          scopesMissing: REQUIRED_SCOPES.filter((scope) => !granted.includes(scope)),
          mode: endpoints.mode,
        };
        endpointsOfSession = endpoints;
        expired = null;
        vault.set(META_SESSION, session);
        if (!vault.remembered) notices.add({ code: 'vault.notRemembered', params: {}, severity: 'warning' });
        logger.info('meta session: logged in', { mode: endpoints.mode, granted: session.scopesGranted.length, missing: session.scopesMissing.length });
        publish();
        return connection();
      } catch (error) {
        if (error instanceof AppError && error.code === 'meta.cancelled') throw new AppError('meta.session.cancelled');
        if (error instanceof AppError && error.code === 'meta.network') throw new AppError('meta.session.network');
        throw error;
      } finally {
        progress.signal.removeEventListener('abort', stopOnCancel);
        if (pending === mine) pending = null;
        ended();
      }
    },

    async disconnect() {
      // A login under way is cancelled first and awaited, so it cannot save a session afterwards.
      const login = pending;
      if (login) {
        login.controller.abort();
        await login.done;
      }
      const ending = session;
      if (ending) {
        try {
          // Revoke at Meta first: a wiped token that Meta still honours would be a loose end.
          const endpoints = endpointsOfSession ?? (await deps.endpoints(ending.mode));
          // A refused token needs no ending of its own: the session ends below either way.
          await graphFor(endpoints, () => ending.accessToken, () => undefined).delete({ path: '/me/permissions', schema: RevokeAnswer });
        } catch (error) {
          logger.warn('meta session: could not revoke at Meta', { code: error instanceof AppError ? error.code : 'internal' });
          if (!(error instanceof AppError && error.code === 'meta.session.expired')) {
            notices.add({ code: 'meta.session.revokeFailed', params: {}, severity: 'warning' });
          }
        }
      }
      await deps.loginWindow.clearPartition(loginPartition());
      endSession('disconnected');
      return connection();
    },

    async refresh() {
      if (!session || session.mode !== mode()) return connection();
      const current = session;
      const graph = await this.graph();
      const permissions = await graph.get({ path: '/me/permissions', schema: PermissionsAnswer });
      if (session !== current) return connection();
      const granted = permissions.data.filter((entry) => entry.status === 'granted').map((entry) => entry.permission);
      session = { ...current, scopesGranted: REQUIRED_SCOPES.filter((scope) => granted.includes(scope)), scopesMissing: REQUIRED_SCOPES.filter((scope) => !granted.includes(scope)) };
      vault.set(META_SESSION, session);
      publish();
      return connection();
    },

    async graph() {
      if (!session || session.mode !== mode()) throw new AppError(expired ? 'meta.session.expired' : 'meta.session.notConnected');
      const current = session;
      endpointsOfSession ??= await deps.endpoints(current.mode);
      // Meta refusing this token ends this session only: a client kept past a new login cannot end the next one.
      return graphFor(
        endpointsOfSession,
        () => (session === current ? current.accessToken : null),
        () => {
          if (session === current) endSession('expired');
        },
      );
    },
  };
}
