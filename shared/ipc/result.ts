import type { AppErrorShape } from '../errors/index';

/**
 * What every IPC call resolves to.
 *
 * Calls never reject across the bridge: a rejected promise would carry an Error whose message
 * Electron serialises as prose. A result object keeps errors as codes the renderer translates.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
