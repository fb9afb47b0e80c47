import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { AccountState, BusinessProfileUpdate } from '../../shared/model/meta/account';
import type { IpcResult } from '../../shared/ipc/result';
import { call, setupApi } from './ipc';

/** What step 2 is reading from Meta now, so the right control shows it is busy. */
export type AccountWork = 'portfolios' | 'portfolio' | 'account' | 'numbers' | 'profile' | 'saveProfile';

/** A read that failed, and how to try it again. */
export interface AccountFailure {
  readonly work: AccountWork;
  readonly error: AppErrorShape;
  readonly retry: () => Promise<unknown>;
}

interface AccountStoreState {
  /** The stored state of the workspace on screen (readings with their times); null until loaded. */
  account: AccountState | null;
  busy: AccountWork | null;
  /** The last read that failed; the readings stay on screen, marked as the last ones. */
  failure: AccountFailure | null;
  load(): Promise<void>;
  loadPortfolios(): Promise<IpcResult<AccountState>>;
  selectPortfolio(businessId: string): Promise<IpcResult<AccountState>>;
  selectAccount(wabaId: string): Promise<IpcResult<AccountState>>;
  refreshNumbers(): Promise<IpcResult<AccountState>>;
  loadProfile(phoneNumberId: string): Promise<IpcResult<AccountState>>;
  saveProfile(phoneNumberId: string, profile: BusinessProfileUpdate): Promise<IpcResult<AccountState>>;
  /** Follows `meta:accountChanged` while the step is open; returns the function that stops. */
  subscribe(): () => void;
}

/**
 * Step 2's account as main stores it: the portfolios, accounts, numbers and profiles read from
 * Meta, each with when it was read, and the attempt logs.
 *
 * Loaded when the step opens, never at start-up. Every read goes through main, which answers the
 * whole state; a read that fails keeps what was on screen and says why, with a retry.
 */
export const useAccountStore = create<AccountStoreState>((set, get) => {
  const read = async (work: AccountWork, request: () => Promise<IpcResult<AccountState>>): Promise<IpcResult<AccountState>> => {
    set({ busy: work, failure: null });
    const result = await call(request);
    if (result.ok) set({ account: result.value, busy: null, failure: null });
    else set({ busy: null, failure: { work, error: result.error, retry: () => read(work, request) } });
    return result;
  };

  return {
    account: null,
    busy: null,
    failure: null,
    async load() {
      const result = await call(() => setupApi().meta.account());
      if (result.ok) set({ account: result.value });
      else set({ failure: { work: 'portfolios', error: result.error, retry: () => get().load() } });
    },
    loadPortfolios: () => read('portfolios', () => setupApi().meta.loadPortfolios()),
    selectPortfolio: (businessId) => read('portfolio', () => setupApi().meta.selectPortfolio({ businessId })),
    selectAccount: (wabaId) => read('account', () => setupApi().meta.selectAccount({ wabaId })),
    refreshNumbers: () => read('numbers', () => setupApi().meta.refreshNumbers()),
    loadProfile: (phoneNumberId) => read('profile', () => setupApi().meta.loadProfile({ phoneNumberId })),
    // A save failure belongs to the profile form, which shows it beside the fields.
    async saveProfile(phoneNumberId, profile) {
      set({ busy: 'saveProfile' });
      const result = await call(() => setupApi().meta.saveProfile({ phoneNumberId, profile }));
      set(result.ok ? { account: result.value, busy: null } : { busy: null });
      return result;
    },
    subscribe() {
      return setupApi().on('meta:accountChanged', (account) => set({ account }));
    },
  };
});
