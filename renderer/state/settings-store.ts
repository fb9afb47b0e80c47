import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { IpcResult } from '../../shared/ipc/result';
import type { Settings, SettingsPatch } from '../../shared/model/settings/settings';
import { call, setupApi } from './ipc';

interface SettingsState {
  settings: Settings | null;
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Sends a partial update; main merges, validates and answers with the stored document. */
  save(patch: SettingsPatch): Promise<IpcResult<Settings>>;
  /** Follows `settings:changed` so every window shows what is stored, whoever changed it. */
  subscribe(): () => void;
}

/**
 * The stored settings as main last reported them.
 *
 * The sandbox banner and the language both derive from here, so they change the moment main
 * accepts a save.
 */
export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    const result = await call(() => setupApi().settings.get());
    if (result.ok) set({ settings: result.value, error: null });
    else set({ error: result.error });
  },
  async save(patch) {
    const result = await call(() => setupApi().settings.set(patch));
    if (result.ok) set({ settings: result.value, error: null });
    return result;
  },
  subscribe() {
    return setupApi().on('settings:changed', (settings) => set({ settings }));
  },
}));
