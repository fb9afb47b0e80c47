import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { AppInfo } from '../../shared/model/app/app';
import { call, setupApi } from './ipc';

interface AppInfoState {
  info: AppInfo | null;
  error: AppErrorShape | null;
  load(): Promise<void>;
}

/**
 * Version, OS language and platform, read once at start.
 *
 * The OS language decides the UI language until the admin picks one.
 */
export const useAppInfoStore = create<AppInfoState>((set) => ({
  info: null,
  error: null,
  async load() {
    const result = await call(() => setupApi().app.info());
    if (result.ok) set({ info: result.value, error: null });
    else set({ error: result.error });
  },
}));
