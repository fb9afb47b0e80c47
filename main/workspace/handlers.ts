import type { AreaHandlers } from '../ipc/router';
import type { WorkspaceService } from './service';

/** The `workspace:*` calls: every one answers with the whole document. */
export function createWorkspaceHandlers(workspaces: WorkspaceService): AreaHandlers<'workspace'> {
  return {
    'workspace:get': () => workspaces.get(),
    'workspace:create': (details) => workspaces.create(details),
    'workspace:update': (change) => workspaces.update(change),
    'workspace:switch': ({ id }) => workspaces.switchTo(id),
    'workspace:setProgress': (update) => workspaces.setProgress(update),
    'workspace:tick': (tick) => workspaces.tick(tick),
    'workspace:duplicate': ({ id }) => workspaces.duplicate(id),
    'workspace:delete': ({ id }) => workspaces.remove(id),
    'workspace:restore': ({ id }) => workspaces.restore(id),
  };
}
