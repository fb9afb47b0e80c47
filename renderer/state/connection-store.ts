import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { MetaConnection, LoginKind } from '../../shared/model/meta/connection';
import { call, setupApi } from './ipc';
import { useOperationsStore } from './operations-store';

interface ConnectionState {
  connection: MetaConnection | null;
  /** The login window is open: the panel shows progress and a Cancel button. */
  pending: LoginKind | 'disconnect' | 'refresh' | null;
  /** The login running as a long operation, so the panel can show its steps and cancel it. */
  loginOperation: string | null;
  /** Why the last login or disconnect failed, with what to retry. */
  error: { error: AppErrorShape; retry: LoginKind | 'disconnect' | 'refresh' } | null;
  /**
   * The admin closed the login window: not a failure (nothing changed, nothing to fix), so no
   * error; the panel says so politely and offers to log in again with the same kind.
   */
  closed: LoginKind | null;
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
 * the error with the action to retry; a login window the admin closed is their choice, not an
 * error (main still reports it as `meta.session.windowClosed`, which the log keeps).
 */
export const useConnectionStore = create<ConnectionState>((set, get) => ({
  connection: null,
  pending: null,
  loginOperation: null,
  error: null,
  closed: null,
  async load() {
    const result = await call(() => setupApi().meta.status());
    if (result.ok) set({ connection: result.value });
    else set({ error: { error: result.error, retry: 'login' } });
  },
  async login(kind) {
    if (get().pending) return;
    set({ pending: kind, error: null, closed: null, loginOperation: null });
    const result = await useOperationsStore.getState().run('meta:login', { kind }, (id) => set({ loginOperation: id }));
    if (result.ok) set({ connection: result.value, pending: null, loginOperation: null });
    else if (result.error.code === 'meta.session.windowClosed') set({ pending: null, loginOperation: null, closed: kind });
    else set({ pending: null, loginOperation: null, error: { error: result.error, retry: kind } });
  },
  async cancel() {
    const id = get().loginOperation;
    if (id) await useOperationsStore.getState().cancel(id);
  },
  async disconnect() {
    set({ pending: 'disconnect', error: null, closed: null });
    const result = await call(() => setupApi().meta.disconnect());
    if (result.ok) set({ connection: result.value, pending: null });
    else set({ pending: null, error: { error: result.error, retry: 'disconnect' } });
  },
  async refresh() {
    if (get().pending) return;
    set({ pending: 'refresh', error: null, closed: null });
    const result = await call(() => setupApi().meta.refresh());
    if (result.ok) set({ connection: result.value, pending: null });
    // An ended session arrives as meta:changed (needsLogin); only other failures are errors.
    else set({ pending: null, error: result.error.code === 'meta.session.expired' ? null : { error: result.error, retry: 'refresh' } });
  },
  subscribe() {
    return setupApi().on('meta:changed', (connection) => set({ connection }));
  },
}));
