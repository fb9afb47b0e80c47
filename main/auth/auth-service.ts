import * as z from 'zod';
import { AppError } from '../../shared/errors';
import { disconnected, REQUIRED_SCOPES, type Connection, type LoginKind } from '../../shared/model/connection';
import { effectiveMode, type Mode } from '../../shared/model/settings';
import type { Emit, Logger } from '../ports';
import { createGraphClient, type FetchLike, type GraphClient } from '../meta/graph-client';
import type { SettingsService } from '../services/settings-service';
import type { NoticeService } from '../services/notice-service';
import type { TokenVault, StoredSession } from '../vault/token-vault';
import type { AuthWindow, AuthWindowResult } from './auth-window';
import { buildDialogUrl, createState } from './dialog-url';
import type { MetaEndpoints } from './meta-endpoints';
import { createPkcePair } from './pkce';
import { parseRedirect } from './redirect';

/**
 * The login window's session partition.
 *
 * Persistent on purpose: Meta's "Continue as <name>" needs the Facebook cookie of the previous
 * login. It is separate from the app's own session, and Disconnect wipes it.
 */
export const LOGIN_PARTITION = 'persist:meta-login';
export const LOGIN_TIMEOUT_MS = 5 * 60_000;

const MeAnswer = z.object({ id: z.string(), name: z.string() });
const PermissionsAnswer = z.object({ data: z.array(z.object({ permission: z.string(), status: z.string() })) });
const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const RevokeAnswer = z.object({ success: z.boolean() });

interface Deps {
  settings: SettingsService;
  notices: NoticeService;
  /** Resolves the endpoints of a mode; starts the sandbox on first use in sandbox mode. */
  endpoints: (mode: Mode) => Promise<MetaEndpoints>;
  authWindow: AuthWindow;
  vault: TokenVault;
  fetch: FetchLike;
  emit: Emit;
  logger: Logger;
  now: () => Date;
  loginTimeoutMs?: number;
}

export interface AuthService {
  status(): Connection;
  login(kind: LoginKind): Promise<Connection>;
  cancel(): { cancelled: boolean };
  disconnect(): Promise<Connection>;
  /** Asks Meta again what the session may do; a refused token ends it (needsLogin). */
  refresh(): Promise<Connection>;
  /** Graph calls on behalf of the connected admin, for the Meta steps. */
  graph(): Promise<GraphClient>;
}

const WINDOW_FAILURES: Record<Exclude<AuthWindowResult['kind'], 'redirect'>, AppError['code']> = {
  closed: 'auth.windowClosed',
  cancelled: 'auth.cancelled',
  timeout: 'auth.timeout',
  network: 'auth.network',
};

/**
 * Facebook login, the session it yields, and its end.
 *
 * The token lives here and in the vault only: the renderer gets a Connection (name, mode,
 * permissions, expiry). A login that fails at any point changes nothing; a token Meta refuses
 * (Graph error 190) ends the session but keeps the admin's name on screen so they can log in
 * again where they were.
 */
export function createAuthService(deps: Deps): AuthService {
  const { settings, notices, vault, logger, now } = deps;
  let session: StoredSession | null = vault.load();
  /** Set when Meta refused the token: the profile stays, the token is gone. */
  let expired: { name: string; mode: Mode } | null = null;
  let pending: AbortController | null = null;
  let endpointsOfSession: MetaEndpoints | null = null;

  const mode = () => effectiveMode(settings.get());
  const graphFor = (endpoints: MetaEndpoints, token: () => string | null) =>
    createGraphClient({
      fetch: deps.fetch,
      baseUrl: () => endpoints.graphBase,
      version: () => settings.get().graphApiVersion,
      token,
      onSessionExpired: () => endSession('expired'),
      logger,
    });

  function connection(): Connection {
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

  const publish = () => deps.emit('auth:changed', connection());

  function endSession(reason: 'expired' | 'disconnected'): void {
    expired = reason === 'expired' && session ? { name: session.userName, mode: session.mode } : null;
    session = null;
    endpointsOfSession = null;
    vault.clear();
    logger.info('auth: session ended', { reason });
    publish();
  }

  async function tokenFromRedirect(url: string, endpoints: MetaEndpoints, state: string, verifier: string | null): Promise<{ token: string; expiresIn: number | null }> {
    const parsed = parseRedirect(url, { expectedState: state, flow: verifier ? 'code' : 'token' });
    if (parsed.kind === 'error') throw new AppError(parsed.code);
    if (parsed.kind === 'token') return { token: parsed.accessToken, expiresIn: parsed.expiresIn };
    // PKCE: the code is exchanged with the verifier and no secret (there is none in the app).
    const form = new URLSearchParams({ client_id: endpoints.clientId, redirect_uri: endpoints.redirectUri, code: parsed.code, code_verifier: verifier ?? '' });
    let text: string;
    try {
      const response = await deps.fetch(`${endpoints.graphBase}/${settings.get().graphApiVersion}/oauth/access_token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(30_000),
      });
      text = await response.text();
    } catch {
      throw new AppError('auth.network');
    }
    try {
      const answer = TokenAnswer.parse(JSON.parse(text));
      return { token: answer.access_token, expiresIn: answer.expires_in ?? null };
    } catch {
      logger.warn('auth: the code exchange was refused');
      throw new AppError('auth.exchangeFailed');
    }
  }

  return {
    status: connection,

    async login(kind) {
      if (pending) throw new AppError('auth.inProgress');
      const controller = new AbortController();
      pending = controller;
      try {
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
        const result = await deps.authWindow.open({
          url,
          redirectUri: endpoints.redirectUri,
          allowedOrigins: endpoints.allowedOrigins,
          partition: LOGIN_PARTITION,
          timeoutMs: deps.loginTimeoutMs ?? LOGIN_TIMEOUT_MS,
          signal: controller.signal,
        });
        if (result.kind !== 'redirect') throw new AppError(WINDOW_FAILURES[result.kind]);
        const { token, expiresIn } = await tokenFromRedirect(result.url, endpoints, state, pkce?.verifier ?? null);

        // Who logged in and what they granted, from Meta itself rather than the redirect.
        const graph = graphFor(endpoints, () => token);
        const [me, permissions] = await Promise.all([
          graph.get({ path: '/me', query: { fields: 'id,name' }, schema: MeAnswer, signal: controller.signal }),
          graph.get({ path: '/me/permissions', schema: PermissionsAnswer, signal: controller.signal }),
        ]);
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
        vault.save(session);
        if (!vault.remembered) notices.add({ code: 'vault.notRemembered', params: {}, severity: 'warning' });
        logger.info('auth: logged in', { mode: endpoints.mode, granted: session.scopesGranted.length, missing: session.scopesMissing.length });
        publish();
        return connection();
      } catch (error) {
        if (error instanceof AppError && error.code === 'meta.cancelled') throw new AppError('auth.cancelled');
        if (error instanceof AppError && error.code === 'meta.network') throw new AppError('auth.network');
        throw error;
      } finally {
        if (pending === controller) pending = null;
      }
    },

    cancel() {
      const cancelled = pending !== null;
      pending?.abort();
      return { cancelled };
    },

    async disconnect() {
      const ending = session;
      if (ending) {
        try {
          // Revoke at Meta first: a wiped token that Meta still honours would be a loose end.
          const endpoints = endpointsOfSession ?? (await deps.endpoints(ending.mode));
          await graphFor(endpoints, () => ending.accessToken).delete({ path: '/me/permissions', schema: RevokeAnswer });
        } catch (error) {
          logger.warn('auth: could not revoke at Meta', { code: error instanceof AppError ? error.code : 'internal' });
          if (!(error instanceof AppError && error.code === 'auth.sessionExpired')) {
            notices.add({ code: 'auth.revokeFailed', params: {}, severity: 'warning' });
          }
        }
      }
      await deps.authWindow.clearPartition(LOGIN_PARTITION);
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
      vault.save(session);
      publish();
      return connection();
    },

    async graph() {
      if (!session || session.mode !== mode()) throw new AppError(expired ? 'auth.sessionExpired' : 'auth.notConnected');
      const current = session;
      endpointsOfSession ??= await deps.endpoints(current.mode);
      return graphFor(endpointsOfSession, () => (session === current ? current.accessToken : null));
    },
  };
}
