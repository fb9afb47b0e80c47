import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { TemplatesState } from '../../shared/model/templates/templates';
import { call, setupApi } from './ipc';

interface TemplatesStoreState {
  state: TemplatesState | null;
  refreshing: boolean;
  /** Why the last read failed; the last reading stays on screen meanwhile. */
  error: AppErrorShape | null;
  /** Loads the last reading, and reads Meta once when this account's templates were never read. */
  load(): Promise<void>;
  refresh(): Promise<void>;
  /** Follows `templates:changed` while step 5 is open; returns the function that stops. */
  subscribe(): () => void;
}

/** Step 5's templates for the workspace on screen, loaded when the step opens. */
export const useTemplatesStore = create<TemplatesStoreState>((set, get) => ({
  state: null,
  refreshing: false,
  error: null,
  async load() {
    const result = await call(() => setupApi().templates.get());
    if (!result.ok) {
      set({ error: result.error });
      return;
    }
    set({ state: result.value });
    if (result.value.wabaId !== null && result.value.templates === null) await get().refresh();
  },
  async refresh() {
    if (get().refreshing) return;
    set({ refreshing: true, error: null });
    const result = await call(() => setupApi().templates.refresh());
    if (result.ok) set({ state: result.value, refreshing: false });
    else set({ refreshing: false, error: result.error });
  },
  subscribe() {
    return setupApi().on('templates:changed', (state) => {
      const before = get().state;
      set(before && before.workspaceId !== state.workspaceId ? { state, error: null } : { state });
    });
  },
}));
