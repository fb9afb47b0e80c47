import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { Notice } from '../../shared/model/app/app';
import { call, setupApi } from './ipc';

interface NoticesState {
  notices: Notice[];
  error: AppErrorShape | null;
  load(): Promise<void>;
  dismiss(id: string): Promise<void>;
  /** Follows `notices:changed`: a notice may arrive at any time, not only in answer to a call. */
  subscribe(): () => void;
}

/**
 * Things main wants the admin to know that happened outside any call (a file set aside, data
 * upgraded), shown at the top of the page until dismissed.
 */
export const useNoticesStore = create<NoticesState>((set) => ({
  notices: [],
  error: null,
  async load() {
    const result = await call(() => setupApi().app.notices());
    if (result.ok) set({ notices: result.value, error: null });
    else set({ error: result.error });
  },
  async dismiss(id) {
    const result = await call(() => setupApi().app.dismissNotice({ id }));
    if (result.ok) set({ notices: result.value, error: null });
    else set({ error: result.error });
  },
  subscribe() {
    return setupApi().on('app:notices', (notices) => set({ notices }));
  },
}));
