import type { AreaHandlers } from '../ipc/router';
import type { OperationHandlers } from '../operations/runner';
import type { UpdatesService } from './service';

/** The `updates:*` calls. */
export function createUpdatesHandlers(updates: UpdatesService): AreaHandlers<'updates'> {
  return {
    'updates:status': () => updates.status(),
    'updates:check': () => updates.check(),
    'updates:setSettings': (patch) => updates.setSettings(patch),
    // The contract only accepts `{ consent: true }`: a restart is never a side effect.
    'updates:install': () => updates.install(),
  };
}

/** The updates area's long operations. */
export function createUpdatesOperations(updates: UpdatesService): Pick<OperationHandlers, 'updates:download'> {
  return {
    'updates:download': (_input, context) => updates.download(context.signal),
  };
}
