import type { AreaHandlers } from '../ipc/router';
import type { OperationRunner } from './runner';

/** The `operations:*` calls; progress and outcomes travel as `operations:progress` events. */
export function createOperationsHandlers(runner: OperationRunner): AreaHandlers<'operations'> {
  return {
    'operations:start': (request) => runner.start(request),
    'operations:cancel': ({ id }) => runner.cancel(id),
  };
}
