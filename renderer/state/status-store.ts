import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { StatusBoard, StatusNotification } from '../../shared/model/status/status';
import { call, setupApi } from './ipc';

interface StatusStoreState {
  /** The board as main last described it; null until loaded. */
  board: StatusBoard | null;
  /** The inbox, newest first. */
  notifications: StatusNotification[];
  refreshing: boolean;
  /** Why the last Refresh (or load) failed; the board keeps its last reading meanwhile. */
  error: AppErrorShape | null;
  load(): Promise<void>;
  refresh(): Promise<void>;
  markRead(ids: string[] | 'all'): Promise<void>;
  /** Follows `status:changed` and `status:notified` while a page shows them; returns the function that stops. */
  subscribe(): () => void;
}

/**
 * The status board of the workspace on screen (steps 3 and 4), loaded when a step opens.
 *
 * Main checks in the background and pushes each new board and each change it tells; the page
 * only asks for a check now (Refresh) and marks the inbox read.
 */
export const useStatusStore = create<StatusStoreState>((set, get) => {
  const loadInbox = async () => {
    const result = await call(() => setupApi().status.notifications());
    if (result.ok) set({ notifications: result.value });
  };
  return {
    board: null,
    notifications: [],
    refreshing: false,
    error: null,
    async load() {
      const [board] = await Promise.all([call(() => setupApi().status.get()), loadInbox()]);
      if (board.ok) set({ board: board.value });
      else set({ error: board.error });
    },
    async refresh() {
      if (get().refreshing) return;
      set({ refreshing: true, error: null });
      const result = await call(() => setupApi().status.refresh());
      if (result.ok) set({ board: result.value, refreshing: false });
      else set({ refreshing: false, error: result.error });
    },
    async markRead(ids) {
      const result = await call(() => setupApi().status.markRead({ ids }));
      if (result.ok) set({ notifications: result.value });
    },
    subscribe() {
      const offBoard = setupApi().on('status:changed', (board) => {
        const before = get().board;
        // Another workspace (or mode) opened: its inbox, and no error of the one before.
        if (before && before.workspaceId !== board.workspaceId) {
          set({ board, error: null });
          void loadInbox();
          return;
        }
        // A reading that succeeded answers the last error.
        set(board.lastError === null && board.lastCheckedAt !== before?.lastCheckedAt ? { board, error: null } : { board });
      });
      const offNotified = setupApi().on('status:notified', (notification) =>
        set((state) => ({ notifications: [notification, ...state.notifications.filter((other) => other.id !== notification.id)] })),
      );
      return () => {
        offBoard();
        offNotified();
      };
    },
  };
});
