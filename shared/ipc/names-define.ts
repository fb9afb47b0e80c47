import { CHANNELS, EVENT_NAMES } from './contract/index';
import type { IpcNames } from './names';

/**
 * The bundler `define` that writes the contract's names into a zod-free bundle.
 *
 * Computed from the contract itself at build time, so the names cannot drift from it: every
 * build of the preload, the harness bridge and the unit tests goes through here.
 */
export function ipcNamesDefine(): Record<'__IPC_NAMES__', string> {
  const names: IpcNames = { channels: CHANNELS, events: EVENT_NAMES };
  return { __IPC_NAMES__: JSON.stringify(names) };
}
