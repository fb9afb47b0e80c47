import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, EventName } from '../shared/ipc/contract/index';
import { createApi } from '../shared/ipc/create-api';
import { builtInIpcNames } from '../shared/ipc/names';

/**
 * The only bridge between the page and main: `window.setup`, built from the IPC contract.
 *
 * SECURITY: ipcRenderer itself is never exposed; the page can call the contract's channels and
 * listen to its events, nothing else. Main validates every payload again anyway.
 */
const names = builtInIpcNames();
const channels = new Set<unknown>(names.channels);
const events = new Set<unknown>(names.events);
const isChannel = (value: unknown): value is Channel => channels.has(value);
const isEventName = (value: unknown): value is EventName => events.has(value);
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

ipcRenderer.on('setup:event', (_event, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  listeners.get(name)?.forEach((listener) => listener(payload));
});

const api = createApi(
  names,
  (channel, input) => (isChannel(channel) ? ipcRenderer.invoke(channel, input) : Promise.reject(new Error('unknown channel'))),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
);

contextBridge.exposeInMainWorld('setup', api);
