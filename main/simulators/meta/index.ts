import { SWITCHBOARD_PATH } from '../host/pages';
import type { Language } from '../host/plugin';
import { startSimulatorHost } from '../host/server';
import type { MetaFaultSwitchboard } from './faults';
import { PHONE_PATH } from './pages';
import { createMetaPlugin, registeredRedirects, type SimulatorTokenInfo } from './plugin';
import type { World } from './world';

export { FAULT_KINDS, isFaultKind, type FaultKind, type FaultOptions, type MetaFaultSwitchboard } from './faults';
export type { SimulatorTokenInfo } from './plugin';
export { SIMULATOR_SCOPES, type World } from './world';
export type { Language } from '../host/plugin';

/**
 * A running Meta simulator: a simulated Facebook Login dialog and Graph API on 127.0.0.1.
 *
 * The addresses mirror Meta's (`<dialogBase>/vNN.0/dialog/oauth`, `<graphBase>/vNN.0/...`), so
 * the app only swaps origins between sandbox and live mode.
 */
export interface MetaSimulator {
  /** `http://127.0.0.1:<port>`: dialog, Graph and the simulator's own pages. */
  readonly origin: string;
  /** Where Graph calls go: the origin, paths being `/<version>/...` as on graph.facebook.com. */
  readonly graphBase: string;
  /** The redirect URI registered for the simulated app (Meta's own is accepted too). */
  readonly redirectUri: string;
  readonly faults: MetaFaultSwitchboard;
  /** The login dialog for a Graph version, e.g. `dialogUrl('v26.0')`: query parameters go after it. */
  dialogUrl(version: string): string;
  /** The last verification code "sent" to a phone number, as its owner would read it. */
  verificationCodeFor(phoneId: string): string | null;
  /** Every token handed out, newest last, without the token values. */
  tokens(): SimulatorTokenInfo[];
  /** The simulated Meta state, for tests that check what a call changed. */
  readonly world: World;
  /** The language of the pages (login, consent, phone, switchboard) served from now on. */
  setLanguage(language: Language): void;
  /** The address of the simulated phone (verification codes) or of the fault switchboard. */
  pageUrl(page: 'phone' | 'faults'): string;
  close(): Promise<void>;
}

/**
 * How to start a Meta simulator.
 *
 * Tests pass `now` to move time (token and code lifetimes, the 72-hour register window) without
 * waiting; the app passes `stateFile` so a demo survives a restart, and `language` so the
 * simulated pages speak the admin's language.
 */
export interface MetaSimulatorOptions {
  /** 0 or absent: a random free port, so parallel tests and a running app never collide. */
  readonly port?: number;
  readonly now?: () => Date;
  /** Lifetime of the user tokens the dialog hands out; Meta's last a couple of hours. */
  readonly tokenLifetimeSeconds?: number;
  /**
   * Where the simulated Meta keeps its state between runs (the app passes a file in its data
   * folder); without it every start begins from the seed, as the tests want.
   */
  readonly stateFile?: string;
  /** The pages' language until `setLanguage`; English by default. */
  readonly language?: Language;
}

/**
 * Starts a local simulator of Facebook Login and the Graph API, on 127.0.0.1 and a random port.
 *
 * The app uses it in sandbox mode (no Meta app configured); the tests use it for every login
 * flow. It is the Meta plugin on a simulator host, which guards every request (Host header,
 * cross-site forms), routes, keeps the state file and serves the fault switchboard.
 */
export async function startMetaSimulator(options: MetaSimulatorOptions = {}): Promise<MetaSimulator> {
  const meta = createMetaPlugin({ now: options.now, tokenLifetimeSeconds: options.tokenLifetimeSeconds });
  const host = await startSimulatorHost({ plugins: [meta.plugin], port: options.port, now: options.now, stateFile: options.stateFile, language: options.language });
  const { origin } = host;
  const [redirectUri = ''] = registeredRedirects(origin);
  return {
    origin,
    graphBase: origin,
    redirectUri,
    faults: meta.switchboard,
    dialogUrl: (version) => `${origin}/${version}/dialog/oauth`,
    verificationCodeFor: meta.verificationCodeFor,
    tokens: meta.tokens,
    get world() {
      return meta.world();
    },
    setLanguage: (language) => host.setLanguage(language),
    pageUrl: (page) => `${origin}${page === 'phone' ? PHONE_PATH : SWITCHBOARD_PATH}`,
    close: () => host.close(),
  };
}
