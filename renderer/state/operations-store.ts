import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { OperationInput, OperationName, OperationResult } from '../../shared/ipc/contract/index';
import type { OperationProgress } from '../../shared/ipc/contract/operations';
import type { IpcResult } from '../../shared/ipc/result';
import { call, setupApi } from './ipc';

interface OperationsState {
  /** Every operation this window started or heard of, by id, as main last described it. */
  byId: Record<string, OperationProgress>;
  /**
   * Starts an operation and resolves with its outcome: the result, or the error (a cancelled
   * one included) in the same shape as every call's.
   */
  run<O extends OperationName>(operation: O, input: OperationInput<O>, onStart?: (id: string) => void): Promise<IpcResult<OperationResult<O>>>;
  cancel(id: string): Promise<IpcResult<{ cancelled: boolean }>>;
  subscribe(): () => void;
}

type Waiter = (progress: OperationProgress) => void;
const waiters = new Map<string, Waiter>();

const ended = (progress: OperationProgress) => progress.state !== 'running';

/**
 * Long operations as the renderer follows them: one store, fed by `operations:progress`.
 *
 * The id is chosen here, so the UI can show progress and offer Cancel from the first event on,
 * even before `operations:start` has answered.
 */
export const useOperationsStore = create<OperationsState>((set) => ({
  byId: {},
  async run(operation, input, onStart) {
    const id = crypto.randomUUID();
    const outcome = new Promise<OperationProgress>((resolve) => waiters.set(id, resolve));
    onStart?.(id);
    const started = await call(() => setupApi().operations.start({ id, operation, input }));
    if (!started.ok) {
      waiters.delete(id);
      return started;
    }
    // The end may arrive before `start` answers: the waiter registered above has it either way.
    const final = await outcome;
    waiters.delete(id);
    if (final.state === 'succeeded') return { ok: true, value: final.result as OperationResult<typeof operation> };
    const error: AppErrorShape = final.error ?? { code: 'internal', params: {} };
    return { ok: false, error };
  },
  cancel: (id) => call(() => setupApi().operations.cancel({ id })),
  subscribe() {
    return setupApi().on('operations:progress', (progress) => {
      set((state) => ({ byId: { ...state.byId, [progress.id]: progress } }));
      if (ended(progress)) waiters.get(progress.id)?.(progress);
    });
  },
}));

/** The operation with this id as main last described it, or null. */
export function useOperation(id: string | null): OperationProgress | null {
  return useOperationsStore((state) => (id ? (state.byId[id] ?? null) : null));
}
