import type { Channel, EventName } from './contract/index';

/** The contract's channel and event names, without its schemas. */
export interface IpcNames {
  readonly channels: readonly Channel[];
  readonly events: readonly EventName[];
}

/**
 * Written into the preload (and the test harness's bridge) at build time by `ipcNamesDefine`.
 *
 * The preload only needs the names: main validates every payload. Importing the contract would
 * build every zod schema of every area in the page before its first script runs, a cost paid on
 * every window start for nothing.
 */
declare const __IPC_NAMES__: IpcNames;

/** The names the build wrote in; throws if a bundle was built without them. */
export function builtInIpcNames(): IpcNames {
  if (typeof __IPC_NAMES__ === 'undefined') throw new Error('this bundle was built without the IPC names (see shared/ipc/names-define.ts)');
  return __IPC_NAMES__;
}
