import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { OperationInput, OperationName, OperationResult } from '../../shared/ipc/contract/index';
import type { IpcResult } from '../../shared/ipc/result';
import type { CodeMethod } from '../../shared/model/meta/account';
import { useAccountStore } from './account-store';
import { useOperationsStore } from './operations-store';

/** Where a number stands in the flow: its details, the code's method, the code, the PIN, done. */
export type OnboardingStage = 'details' | 'method' | 'code' | 'pin' | 'done';

/** What the flow tells the admin after a step that went well, or was stopped. */
export type OnboardingNotice = 'alreadyThere' | 'added' | 'verified' | 'cancelled' | null;

export interface OnboardingFlow {
  /** How the flow was opened: it names the form ("Add a number", "Verify +33…", "Register +33…"). */
  readonly start: 'add' | 'verify' | 'register';
  readonly phoneNumberId: string | null;
  /** The number as Meta (or the admin) writes it, for titles and the copy for CXone. */
  readonly number: string;
  readonly stage: OnboardingStage;
  readonly method: CodeMethod | null;
  readonly sentAt: string | null;
  readonly notice: OnboardingNotice;
}

interface OnboardingStoreState {
  flow: OnboardingFlow | null;
  /** The long operation under way, whose progress (and Cancel) the form shows. */
  operation: string | null;
  /** Why the last step failed; the form stays where it was, so the admin can act on it. */
  error: AppErrorShape | null;
  open(start: 'add'): void;
  open(start: 'verify' | 'register', number: { id: string; display: string }): void;
  /** Closes the form; refused while an operation runs (it would go on unseen). */
  close(): void;
  /** Back to choosing how the code is sent (a new code). */
  chooseMethod(): void;
  addNumber(input: { wabaId: string; e164: string; verifiedName: string; display: string }): Promise<void>;
  requestCode(method: CodeMethod): Promise<void>;
  verifyCode(code: string): Promise<void>;
  /** Registers with this PIN, or without one to use the PIN stored for the number. */
  register(pin?: string): Promise<void>;
}

/**
 * The form that puts a number on WhatsApp, one stage at a time, over main's long operations.
 *
 * Each stage waits for main's answer before moving on; a failure keeps the form where it was with
 * the error (and what to do next), never a guess. Main keeps the attempt log; this store keeps
 * only what the form shows.
 */
export const useOnboardingStore = create<OnboardingStoreState>((set, get) => {
  async function run<O extends OperationName>(operation: O, input: OperationInput<O>): Promise<IpcResult<OperationResult<O>> | null> {
    if (get().operation) return null;
    set({ error: null, flow: withNotice(get().flow, null) });
    let started: string | null = null;
    const result = await useOperationsStore.getState().run(operation, input, (id) => {
      started = id;
      set({ operation: id });
    });
    const cancelled = started !== null && useOperationsStore.getState().byId[started]?.state === 'cancelled';
    if (cancelled) set({ operation: null, flow: withNotice(get().flow, 'cancelled') });
    else set({ operation: null, error: result.ok ? null : result.error });
    return cancelled ? null : result;
  }

  const move = (change: Partial<OnboardingFlow>) => {
    const flow = get().flow;
    if (flow) set({ flow: { ...flow, ...change } });
  };

  return {
    flow: null,
    operation: null,
    error: null,
    open(start: 'add' | 'verify' | 'register', number?: { id: string; display: string }) {
      if (get().operation) return;
      const stage: OnboardingStage = start === 'add' ? 'details' : start === 'verify' ? 'method' : 'pin';
      set({ error: null, flow: { start, phoneNumberId: number?.id ?? null, number: number?.display ?? '', stage, method: null, sentAt: null, notice: null } });
    },
    close() {
      if (get().operation) return;
      set({ flow: null, error: null });
    },
    chooseMethod() {
      if (get().operation) return;
      set({ error: null });
      move({ stage: 'method', notice: null });
    },
    async addNumber({ display, ...input }) {
      const result = await run('meta:addNumber', input);
      if (!result?.ok) return;
      move({ phoneNumberId: result.value.phoneNumberId, number: display, stage: 'method', notice: result.value.alreadyThere ? 'alreadyThere' : 'added' });
    },
    async requestCode(method) {
      const id = get().flow?.phoneNumberId;
      if (!id) return;
      const result = await run('meta:requestCode', { phoneNumberId: id, method });
      if (result?.ok) move({ stage: 'code', method: result.value.method, sentAt: result.value.sentAt, notice: null });
    },
    async verifyCode(code) {
      const id = get().flow?.phoneNumberId;
      if (!id) return;
      const result = await run('meta:verifyCode', { phoneNumberId: id, code });
      if (result?.ok) move({ stage: 'pin', notice: 'verified' });
    },
    async register(pin) {
      const id = get().flow?.phoneNumberId;
      if (!id) return;
      const result = await run('meta:register', pin === undefined ? { phoneNumberId: id } : { phoneNumberId: id, pin });
      if (result?.ok) {
        move({ stage: 'done', notice: null });
        // Main read the numbers again after registering; make sure this window has them.
        if (!useAccountStore.getState().busy) void useAccountStore.getState().load();
      }
    },
  };
});

function withNotice(flow: OnboardingFlow | null, notice: OnboardingNotice): OnboardingFlow | null {
  return flow ? { ...flow, notice } : null;
}
