import type { IpcResult } from './result';
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract/index';
import type { IpcNames } from './names';

/** The transport: Electron's ipcRenderer.invoke in the app, Playwright's exposeBinding in tests. */
export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;
/** Subscribe to a main->renderer event; returns the unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

type Split<C extends string> = C extends `${infer Area}:${infer Verb}` ? [Area, Verb] : never;
type Area = Split<Channel>[0];
type CallOf<C extends Channel> = undefined extends ChannelInput<C>
  ? (input?: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;

/** `window.setup`: one typed function per contract channel, grouped by area, plus events. */
export type SetupApi = {
  [A in Area]: { [C in Channel as Split<C>[0] extends A ? Split<C>[1] : never]: CallOf<C> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds the renderer's API from the contract over any transport.
 *
 * The preload and the test harness both call this, so what the tests click through is exactly
 * what the app exposes. Nothing but the contract's channels is reachable through it. It takes
 * the contract's names rather than importing the contract, so no schema is built in the page.
 */
export function createApi(names: IpcNames, invoke: Invoke, subscribe: Subscribe): SetupApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of names.channels) {
    const [area, verb] = channel.split(':') as [string, string];
    api[area] ??= {};
    api[area][verb] = (input?: unknown) => invoke(channel, input);
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!names.events.includes(event)) throw new Error(`unknown event ${String(event)}`);
    return subscribe(event, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as SetupApi;
}
