import { SWITCHBOARD_PATH } from '../host/pages';
import type { Language } from '../host/plugin';
import { startSimulatorHost } from '../host/server';
import type { MetaFaultSwitchboard } from './faults';
import { PHONE_PATH } from './pages';
import { createMetaPlugin, registeredRedirects, type GraphCallRecord, type SimulatorTokenInfo } from './plugin';
import { REHEARSAL_PATH, renameBusiness, setNumber, setTemplate, useNumber, type RehearsalOutcome } from './rehearsal';
import type { NameStatus, PhoneStatus, QualityRating, RejectionReason, TemplateStatus, World } from './world';

export { FAULT_KINDS, isFaultKind, type FaultKind, type FaultOptions, type MetaFaultSwitchboard } from './faults';
export { SIMULATOR_CODE_ATTEMPTS } from './graph';
export type { GraphCallRecord, SimulatorTokenInfo } from './plugin';
export { REHEARSAL_PHONE_ID } from './rehearsal';
export {
  NAME_STATUSES,
  PHONE_STATUSES,
  QUALITY_RATINGS,
  REJECTION_REASONS,
  SIMULATOR_SCOPES,
  TEMPLATE_STATUSES,
  type NameStatus,
  type PhoneStatus,
  type QualityRating,
  type RejectionReason,
  type TemplateStatus,
  type World,
} from './world';
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
  /** The address of the simulated phone (verification codes), the fault switchboard or the rehearsal page. */
  pageUrl(page: SimulatorPage): string;
  /**
   * What Meta's review says of a number's display name (`name_status`), as the rehearsal page
   * sets it; the app sees it at its next read. Throws for a number the simulator does not have.
   */
  setNameStatus(phoneNumberId: string, status: NameStatus): void;
  /** A number's `status` (CONNECTED, FLAGGED…). */
  setNumberStatus(phoneNumberId: string, status: PhoneStatus): void;
  /** A number's `quality_rating`. */
  setQuality(phoneNumberId: string, quality: QualityRating): void;
  /** A template's review: its `status`, and why it was rejected (none by default). */
  setTemplateStatus(templateId: string, status: TemplateStatus, reason?: RejectionReason): void;
  /** Renames the simulated business: its portfolio, and its own WhatsApp Business Account (same name unless given). */
  renameBusiness(name: string, accountName?: string): void;
  /** Makes the seeded pending number the given one (E.164), pending and not verified, as the rehearsal page does. */
  useNumber(e164: string): void;
  /** Every Graph call answered so far (or since `clearGraphCalls`), oldest first, without query values. */
  graphCalls(): GraphCallRecord[];
  /** How many Graph calls went to a path (`/300000000000001`), with this method when given. */
  graphCallCount(path: string, method?: string): number;
  clearGraphCalls(): void;
  close(): Promise<void>;
}

/** The simulator's pages an admin opens from the app. */
export type SimulatorPage = 'phone' | 'faults' | 'rehearsal';

const PAGE_PATHS: Readonly<Record<SimulatorPage, string>> = { phone: PHONE_PATH, faults: SWITCHBOARD_PATH, rehearsal: REHEARSAL_PATH };

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
  /** A test helper's change: refused loudly (a test asked for something impossible), else kept. */
  const change = (what: string, outcome: RehearsalOutcome) => {
    if (!outcome.ok) throw new Error(`simulator: ${what} refused (${outcome.problem})`);
    meta.save();
  };
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
    pageUrl: (page) => `${origin}${PAGE_PATHS[page]}`,
    setNameStatus: (id, status) => change(`name_status of ${id}`, setNumber(meta.world(), id, { nameStatus: status })),
    setNumberStatus: (id, status) => change(`status of ${id}`, setNumber(meta.world(), id, { status })),
    setQuality: (id, quality) => change(`quality_rating of ${id}`, setNumber(meta.world(), id, { quality })),
    setTemplateStatus: (id, status, reason) => change(`status of template ${id}`, setTemplate(meta.world(), id, status, reason)),
    renameBusiness: (name, accountName) => change('business name', renameBusiness(meta.world(), name, accountName)),
    useNumber: (e164) => change(`number ${e164}`, useNumber(meta.world(), e164)),
    graphCalls: meta.graphCalls,
    graphCallCount: (path, method) => meta.graphCalls().filter((call) => call.path === path && (method === undefined || call.method === method)).length,
    clearGraphCalls: meta.clearGraphCalls,
    close: () => host.close(),
  };
}
