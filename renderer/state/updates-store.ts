import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { IpcResult } from '../../shared/ipc/result';
import type { UpdateSettingsPatch, UpdatesStatus } from '../../shared/model/updates/updates';
import { call, setupApi } from './ipc';
import { useOperationsStore } from './operations-store';

interface UpdatesState {
  status: UpdatesStatus | null;
  /** The last refused call (check, install), translated where it is shown; null once cleared. */
  error: AppErrorShape | null;
  /** The running `updates:download` operation, so Cancel can name it. */
  downloadId: string | null;
  load(): Promise<void>;
  check(): Promise<void>;
  saveSettings(patch: UpdateSettingsPatch): Promise<IpcResult<UpdatesStatus>>;
  /** Starts (or retries) the download; progress arrives in `status` through `updates:changed`. */
  download(): Promise<void>;
  cancelDownload(): Promise<void>;
  /** Restarts into the new version: called only from the admin's own click. */
  install(): Promise<void>;
  subscribe(): () => void;
}

/**
 * The app's own updates as main reports them: state, settings, the organisation's policy.
 *
 * The banner in the header and the Settings section both read from here, so a download
 * started in one shows its progress in the other.
 */
export const useUpdatesStore = create<UpdatesState>((set, get) => ({
  status: null,
  error: null,
  downloadId: null,
  async load() {
    const result = await call(() => setupApi().updates.status());
    if (result.ok) set({ status: result.value });
  },
  async check() {
    set({ error: null });
    const result = await call(() => setupApi().updates.check());
    if (result.ok) set({ status: result.value });
    else set({ error: result.error });
  },
  async saveSettings(patch) {
    const result = await call(() => setupApi().updates.setSettings(patch));
    if (result.ok) set({ status: result.value });
    return result;
  },
  async download() {
    set({ error: null });
    const result = await useOperationsStore.getState().run('updates:download', undefined, (id) => set({ downloadId: id }));
    set({ downloadId: null });
    // A failed download is in the state main sent (with Retry); anything else is shown here.
    if (!result.ok && result.error.code !== 'updates.cancelled' && get().status?.state.kind !== 'error') set({ error: result.error });
  },
  async cancelDownload() {
    const id = get().downloadId;
    if (id) await useOperationsStore.getState().cancel(id);
  },
  async install() {
    set({ error: null });
    const result = await call(() => setupApi().updates.install({ consent: true }));
    if (!result.ok) set({ error: result.error });
  },
  subscribe() {
    return setupApi().on('updates:changed', (status) => set({ status }));
  },
}));
