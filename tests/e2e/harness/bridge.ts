import { createApi, type Invoke, type Subscribe } from '../../../shared/ipc/create-api';
import type { EventName } from '../../../shared/ipc/contract/index';
import { builtInIpcNames } from '../../../shared/ipc/names';

/**
 * The harness's stand-in for preload/index.ts, bundled and injected before the page loads.
 *
 * It builds `window.setup` with the very same createApi as the preload; only the transport
 * differs: calls go through a Playwright binding to the real router in the test process, and
 * events come back through `__harnessEmit`.
 */
declare global {
  interface Window {
    __harnessInvoke(channel: string, input: unknown): Promise<unknown>;
    __harnessEmit(event: EventName, payload: unknown): void;
  }
}

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

const invoke: Invoke = (channel, input) => window.__harnessInvoke(channel, input);
const subscribe: Subscribe = (event, listener) => {
  const set = listeners.get(event) ?? new Set();
  set.add(listener);
  listeners.set(event, set);
  return () => set.delete(listener);
};

Object.defineProperty(window, 'setup', { value: createApi(builtInIpcNames(), invoke, subscribe), writable: false, configurable: false });
Object.defineProperty(window, '__harnessEmit', {
  value: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
  writable: false,
});
