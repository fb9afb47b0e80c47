import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES } from '../../shared/ipc/contract/index';

/**
 * The preload against a recording stand-in for Electron's ipcRenderer and contextBridge:
 * what it exposes must be exactly the contract, and nothing may reach ipcRenderer otherwise.
 */
const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  const ipcListeners = new Map<string, (...args: unknown[]) => void>();
  return {
    exposed,
    invoked,
    ipcListeners,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invoked.push([channel, input]);
          return { ok: true, value: null };
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => ipcListeners.set(channel, listener),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};
let api: Api;

beforeAll(async () => {
  await import('../../preload/index');
  api = electron.exposed.get('setup') as Api;
});

describe('preload', () => {
  it('exposes window.setup and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['setup']);
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('offers one function per contract channel, each invoking exactly that channel', async () => {
    const offered = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([area, verbs]) => Object.keys(verbs).map((verb) => `${area}:${verb}`));
    expect(offered.sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const [area, verb] = channel.split(':') as [string, string];
      await api[area]?.[verb]?.({ probe: channel });
    }
    expect(electron.invoked).toEqual(CHANNELS.map((channel) => [channel, { probe: channel }]));
  });

  it('delivers contract events to subscribers and drops unknown ones', () => {
    const received: unknown[] = [];
    const [event] = EVENT_NAMES;
    const off = api.on(event as string, (payload) => received.push(payload));
    const deliver = electron.ipcListeners.get('setup:event');
    deliver?.({}, event, { n: 1 });
    deliver?.({}, 'shell:secret', { n: 2 });
    off();
    deliver?.({}, event, { n: 3 });
    expect(received).toEqual([{ n: 1 }]);
    expect(() => api.on('shell:secret', () => undefined)).toThrow();
  });
});
