import { AppError, type AppErrorShape } from '../../../shared/errors/index';
import type { AccountState, AttemptEntry, BusinessProfileUpdate, PhoneNumberReading, Waba } from '../../../shared/model/meta/account';
import type { Reading } from '../../../shared/model/meta/values';
import type { Mode } from '../../../shared/model/settings/settings';
import type { Clock, Emit, Logger } from '../../platform/ports';
import type { WorkspaceService } from '../../workspace/service';
import { listBusinesses, listClientWabas, listOwnedWabas, listPhoneNumbers, readProfile, readSubscribedApps, updateProfile, type CallOptions } from '../graph/calls';
import type { GraphClient } from '../graph/client';
import type { PinKeeper } from '../pins';
import type { MetaModeState, MetaRepository } from '../state/repository';

/** Which stored state a call works on: caught when it starts, so a switch meanwhile cannot mix them up. */
export interface AccountScope {
  readonly workspaceId: string;
  readonly mode: Mode;
}

/** Step 2's reads of Meta, and the state the onboarding and the status board share. */
export interface AccountService {
  /** The current workspace's state as stored; never calls Meta. */
  state(): AccountState;
  /** Reads the portfolios; when none is chosen yet and step 1 names one of them, chooses it. */
  loadPortfolios(): Promise<AccountState>;
  /** Chooses a portfolio and reads its accounts; an only account is chosen with it. */
  selectPortfolio(businessId: string): Promise<AccountState>;
  /** Chooses an account of the chosen portfolio and reads its numbers and webhook subscription. */
  selectAccount(wabaId: string): Promise<AccountState>;
  refreshNumbers(): Promise<AccountState>;
  loadProfile(phoneNumberId: string): Promise<AccountState>;
  /** Sends the changed profile fields (recorded in the attempt log), then reads the profile back. */
  saveProfile(phoneNumberId: string, update: BusinessProfileUpdate): Promise<AccountState>;

  /** The workspace and mode on screen now. */
  scope(): AccountScope;
  /** What the step shows of a scope: its selection and readings. */
  read(scope: AccountScope): MetaModeState;
  /** Graph calls on behalf of the connected admin (fails when no one is connected). */
  graph(): Promise<GraphClient>;
  /** Keeps a reading of an account's numbers, when that account is still the chosen one. */
  storeNumbers(scope: AccountScope, wabaId: string, numbers: PhoneNumberReading[]): void;
  /** Reads the account's numbers again and keeps them; a failure is logged, never thrown. */
  refreshNumbersQuietly(scope: AccountScope, wabaId: string, graph: GraphClient): Promise<void>;
  /** Adds an entry to a number's attempt log. */
  record(scope: AccountScope, phoneNumberId: string, entry: AttemptEntry): void;
  /** The chosen portfolio and account of the screen's workspace and mode (the status board polls it). */
  selection(): AccountScope & { businessId: string | null; wabaId: string | null };
}

interface Deps {
  repository: MetaRepository;
  /** Graph calls for the connected session. */
  graph: () => Promise<GraphClient>;
  workspaces: WorkspaceService;
  /** Sandbox or live, from the settings. */
  mode: () => Mode;
  /** Called with a listener when the settings change (the mode may have). */
  onSettingsChange: (listener: () => void) => void;
  /** Step 1's Business Manager ID of a workspace ('' when not given). */
  businessManagerId: (workspaceId: string) => string;
  pins: PinKeeper;
  now: Clock;
  emit: Emit;
  logger: Logger;
}

/** An AppError as the attempt log keeps it; anything else is `internal`. */
export function errorShape(error: unknown): AppErrorShape {
  return error instanceof AppError ? { code: error.code, params: error.params } : { code: 'internal', params: {} };
}

/**
 * Step 2's account: the portfolios the admin manages, the WhatsApp Business accounts of the
 * chosen one, its numbers, their profiles and attempt logs.
 *
 * Every reading is stored with when it was read, per workspace and per mode, so the page shows
 * the last one offline or while Meta throttles; a read that fails throws its coded error and
 * leaves the stored reading as it was. Nothing here retries a write.
 */
export function createAccountService(deps: Deps): AccountService {
  const { repository, workspaces, logger } = deps;

  const scope = (): AccountScope => ({ workspaceId: workspaces.current().id, mode: deps.mode() });
  const isShown = (target: AccountScope): boolean => {
    const shown = scope();
    return shown.workspaceId === target.workspaceId && shown.mode === target.mode;
  };
  const exists = (workspaceId: string) => workspaces.get().workspaces.some((workspace) => workspace.id === workspaceId);
  const reading = <T>(value: T): Reading<T> => ({ value, readAt: deps.now().toISOString() });

  function stateOf(target: AccountScope): AccountState {
    const stored = repository.read(target.workspaceId, target.mode);
    const wanted = deps.businessManagerId(target.workspaceId).trim();
    const listed = wanted !== '' && stored.portfolios !== null && stored.portfolios.value.some((portfolio) => portfolio.id === wanted);
    const preselectBusinessId = listed ? wanted : null;
    const unlistedBusinessManagerId = wanted !== '' && stored.portfolios !== null && !listed ? wanted : null;
    const pins: AccountState['pins'] = {};
    const ids = new Set([...(stored.numbers?.value.map((number) => number.id) ?? []), ...Object.keys(stored.attempts)]);
    for (const id of ids) {
      const storedAt = deps.pins.storedAt(id);
      if (storedAt !== null) pins[id] = { storedAt };
    }
    return { workspaceId: target.workspaceId, ...stored, preselectBusinessId, unlistedBusinessManagerId, pins };
  }

  /** Changes a scope's stored state and shows it when it is on screen; a deleted workspace gets no file back. */
  function change(target: AccountScope, apply: (state: MetaModeState) => MetaModeState): void {
    if (!exists(target.workspaceId)) return;
    let changed = false;
    repository.update(target.workspaceId, target.mode, (state) => {
      const next = apply(state);
      changed = next !== state;
      return next;
    });
    if (changed && isShown(target)) deps.emit('meta:accountChanged', stateOf(target));
  }

  const storeNumbers = (target: AccountScope, wabaId: string, numbers: PhoneNumberReading[]) =>
    change(target, (state) => (state.selection.wabaId === wabaId ? { ...state, numbers: reading(numbers) } : state));

  async function chooseAccount(target: AccountScope, wabaId: string, options: CallOptions = {}): Promise<AccountState> {
    const stored = repository.read(target.workspaceId, target.mode);
    if (stored.selection.businessId === null) throw new AppError('meta.account.noSelection');
    if (stored.accounts && !stored.accounts.value.some((account) => account.id === wabaId)) throw new AppError('meta.account.noSelection');
    change(target, (state) => (state.selection.wabaId === wabaId ? state : { ...state, selection: { ...state.selection, wabaId }, numbers: null, subscription: null }));
    const graph = await deps.graph();
    const [numbers, subscription] = await Promise.allSettled([listPhoneNumbers(graph, wabaId, options), readSubscribedApps(graph, wabaId, options)]);
    change(target, (state) => {
      if (state.selection.wabaId !== wabaId) return state;
      let next = state;
      if (numbers.status === 'fulfilled') next = { ...next, numbers: reading(numbers.value) };
      if (subscription.status === 'fulfilled') next = { ...next, subscription: reading(subscription.value) };
      return next;
    });
    if (numbers.status === 'rejected') throw numbers.reason;
    if (subscription.status === 'rejected') throw subscription.reason;
    return stateOf(target);
  }

  async function choosePortfolio(target: AccountScope, businessId: string): Promise<AccountState> {
    change(target, (state) =>
      state.selection.businessId === businessId ? state : { ...state, selection: { businessId, wabaId: null }, accounts: null, numbers: null, subscription: null },
    );
    const graph = await deps.graph();
    const [owned, client] = await Promise.all([listOwnedWabas(graph, businessId), listClientWabas(graph, businessId)]);
    const accounts: Waba[] = [...owned, ...client];
    change(target, (state) => {
      if (state.selection.businessId !== businessId) return state;
      // An account that left the portfolio is no longer the chosen one.
      const kept = state.selection.wabaId !== null && accounts.some((account) => account.id === state.selection.wabaId);
      return kept ? { ...state, accounts: reading(accounts) } : { ...state, selection: { businessId, wabaId: null }, accounts: reading(accounts), numbers: null, subscription: null };
    });
    const [only] = accounts;
    if (only && accounts.length === 1 && repository.read(target.workspaceId, target.mode).selection.wabaId === null) return chooseAccount(target, only.id);
    return stateOf(target);
  }

  const numberOf = (target: AccountScope, phoneNumberId: string): PhoneNumberReading => {
    const found = repository.read(target.workspaceId, target.mode).numbers?.value.find((number) => number.id === phoneNumberId);
    if (!found) throw new AppError('meta.account.noSelection');
    return found;
  };

  const record = (target: AccountScope, phoneNumberId: string, entry: AttemptEntry) =>
    change(target, (state) => ({ ...state, attempts: { ...state.attempts, [phoneNumberId]: [...(state.attempts[phoneNumberId] ?? []), entry] } }));

  // Another workspace opened, or the mode changed: the step shows that one's state.
  let shown = scope();
  const showIfMoved = () => {
    const now = scope();
    if (now.workspaceId === shown.workspaceId && now.mode === shown.mode) return;
    shown = now;
    deps.emit('meta:accountChanged', stateOf(now));
  };
  workspaces.onChange(showIfMoved);
  deps.onSettingsChange(showIfMoved);

  return {
    state: () => stateOf(scope()),

    async loadPortfolios() {
      const target = scope();
      const portfolios = await listBusinesses(await deps.graph());
      change(target, (state) => ({ ...state, portfolios: reading(portfolios) }));
      const { preselectBusinessId } = stateOf(target);
      if (preselectBusinessId !== null && repository.read(target.workspaceId, target.mode).selection.businessId === null) return choosePortfolio(target, preselectBusinessId);
      return stateOf(target);
    },

    selectPortfolio: (businessId) => choosePortfolio(scope(), businessId),
    selectAccount: (wabaId) => chooseAccount(scope(), wabaId),

    async refreshNumbers() {
      const target = scope();
      const { wabaId } = repository.read(target.workspaceId, target.mode).selection;
      if (wabaId === null) throw new AppError('meta.account.noSelection');
      storeNumbers(target, wabaId, await listPhoneNumbers(await deps.graph(), wabaId));
      return stateOf(target);
    },

    async loadProfile(phoneNumberId) {
      const target = scope();
      numberOf(target, phoneNumberId);
      const profile = await readProfile(await deps.graph(), phoneNumberId);
      change(target, (state) => ({ ...state, profiles: { ...state.profiles, [phoneNumberId]: reading(profile) } }));
      return stateOf(target);
    },

    async saveProfile(phoneNumberId, update) {
      const target = scope();
      numberOf(target, phoneNumberId);
      const graph = await deps.graph();
      try {
        await updateProfile(graph, phoneNumberId, update);
      } catch (error) {
        record(target, phoneNumberId, { at: deps.now().toISOString(), action: 'saveProfile', ok: false, error: errorShape(error) });
        throw error;
      }
      record(target, phoneNumberId, { at: deps.now().toISOString(), action: 'saveProfile', ok: true, error: null });
      const profile = await readProfile(graph, phoneNumberId);
      change(target, (state) => ({ ...state, profiles: { ...state.profiles, [phoneNumberId]: reading(profile) } }));
      return stateOf(target);
    },

    scope,
    read: (target) => repository.read(target.workspaceId, target.mode),
    graph: () => deps.graph(),
    storeNumbers,
    async refreshNumbersQuietly(target, wabaId, graph) {
      try {
        storeNumbers(target, wabaId, await listPhoneNumbers(graph, wabaId));
      } catch (error) {
        logger.warn('account: could not read the numbers again', { error: errorShape(error).code });
      }
    },
    record,
    selection() {
      const target = scope();
      return { ...target, ...repository.read(target.workspaceId, target.mode).selection };
    },
  };
}
