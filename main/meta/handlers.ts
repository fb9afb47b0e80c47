import type { AreaHandlers } from '../ipc/router';
import type { OperationHandlers } from '../operations/runner';
import type { MetaSession } from './session/service';

/** The `meta:*` calls. */
export function createMetaHandlers(session: MetaSession): AreaHandlers<'meta'> {
  return {
    'meta:status': () => session.status(),
    'meta:refresh': () => session.refresh(),
    'meta:disconnect': () => session.disconnect(),
  };
}

/** The Meta area's long operations. */
export function createMetaOperations(session: MetaSession): Pick<OperationHandlers, 'meta:login'> {
  return {
    'meta:login': ({ kind }, context) => session.login(kind, context),
  };
}
