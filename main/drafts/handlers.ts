import type { AreaHandlers } from '../ipc/router';
import type { DraftsService } from './service';

/** The `drafts:*` calls: each answers with what main stored or did, validated by the router. */
export function createDraftsHandlers(drafts: DraftsService): AreaHandlers<'drafts'> {
  return {
    'drafts:get': () => drafts.get(),
    'drafts:save': ({ workspaceId, drafts: next }) => drafts.save(workspaceId, next),
    'drafts:export': () => drafts.exportCurrent(),
    'drafts:import': () => drafts.importFile(),
    'drafts:saveRunbook': (request) => drafts.saveRunbook(request),
  };
}
