import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors';
import type { IpcResult } from '../../shared/ipc/result';
import type { Progress } from '../../shared/model/progress';
import type { RecordedStepState, StepId } from '../../shared/steps';
import { call, setupApi } from './ipc';

interface ProgressState {
  progress: Progress | null;
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Records a step's state; the answer is the stored document. */
  record(id: StepId, state: RecordedStepState): Promise<IpcResult<Progress>>;
  /** Remembers the step on screen so a restart opens it again. */
  visit(id: StepId): Promise<void>;
}

/**
 * What the admin has recorded for each step, and where they are.
 *
 * Every change goes through main and the store keeps main's answer, never a local guess, so
 * what the rail shows is what survives a restart.
 */
export const useProgressStore = create<ProgressState>((set, get) => ({
  progress: null,
  error: null,
  async load() {
    const result = await call(() => setupApi().progress.get());
    if (result.ok) set({ progress: result.value, error: null });
    else set({ error: result.error });
  },
  async record(id, state) {
    const result = await call(() => setupApi().progress.set({ step: { id, state } }));
    if (result.ok) set({ progress: result.value, error: null });
    return result;
  },
  async visit(id) {
    if (get().progress?.currentStep === id) return;
    const result = await call(() => setupApi().progress.set({ currentStep: id }));
    if (result.ok) set({ progress: result.value, error: null });
    else set({ error: result.error });
  },
}));
