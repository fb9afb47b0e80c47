import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors';
import type { Connection, LoginKind } from '../../shared/model/connection';
import { call, setupApi } from './ipc';

interface ConnectionState {
  connection: Connection | null;
  /** The login window is open: the panel shows progress and a Cancel button. */
  pending: LoginKind | 'disconnect' | 'refresh' | null;
  /** Why the last login or disconnect failed, with what to retry. */
  error: { error: AppErrorShape; retry: LoginKind | 'disconnect' | 'refresh' } | null;
  load(): Promise<void>;
  login(kind: LoginKind): Promise<void>;
  cancel(): Promise<void>;
  disconnect(): Promise<void>;
  /** Asks main to check the session with Meta (opening step 2, or "Check again"). */
  refresh(): Promise<void>;
  subscribe(): () => void;
}

/**
 * The Facebook session as main describes it: who, which mode, which permissions, until when.
 *
 * The token never comes here. A failed login leaves `connection` exactly as it was and keeps
 * the error with the action to retry.
 */
export const useConnectionStore = create<ConnectionState>((set, get) => ({
  connection: null,
  pending: null,
  error: null,
  async load() {
    const result = await call(() => setupApi().auth.status());
    if (result.ok) set({ connection: result.value });
    else set({ error: { error: result.error, retry: 'login' } });
  },
  async login(kind) {
    if (get().pending) return;
    set({ pending: kind, error: null });
    const result = await call(() => setupApi().auth.login({ kind }));
    if (result.ok) set({ connection: result.value, pending: null });
    else set({ pending: null, error: { error: result.error, retry: kind } });
  },
  async cancel() {
    await call(() => setupApi().auth.cancel());
  },
  async disconnect() {
    set({ pending: 'disconnect', error: null });
    const result = await call(() => setupApi().auth.disconnect());
    if (result.ok) set({ connection: result.value, pending: null });
    else set({ pending: null, error: { error: result.error, retry: 'disconnect' } });
  },
  async refresh() {
    if (get().pending) return;
    set({ pending: 'refresh', error: null });
    const result = await call(() => setupApi().auth.refresh());
    if (result.ok) set({ connection: result.value, pending: null });
    // An ended session arrives as auth:changed (needsLogin); only other failures are errors.
    else set({ pending: null, error: result.error.code === 'auth.sessionExpired' ? null : { error: result.error, retry: 'refresh' } });
  },
  subscribe() {
    return setupApi().on('auth:changed', (connection) => set({ connection }));
  },
}));
