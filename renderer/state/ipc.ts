import type { AppErrorShape } from '../../shared/errors/index';
import type { IpcResult } from '../../shared/ipc/result';

/**
 * The app's API as the renderer uses it.
 *
 * One accessor so stores never touch `window` directly and a missing bridge (the page opened
 * outside the app) fails in one obvious place.
 */
export function setupApi(): Window['setup'] {
  if (!window.setup) throw new Error('window.setup is missing: the page was not opened by the app');
  return window.setup;
}

/**
 * Turns a transport failure into the same error shape main uses.
 *
 * Calls never reject by contract, but a broken bridge still might; the UI then shows the
 * generic `errors.internal` message instead of crashing.
 */
export async function call<T>(request: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await request();
  } catch {
    const error: AppErrorShape = { code: 'internal', params: {} };
    return { ok: false, error };
  }
}
