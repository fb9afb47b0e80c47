import type { AreaHandlers } from '../ipc/router';
import type { RequirementsService } from './service';

/** The `requirements:*` calls: each answers with what main stored, validated by the router. */
export function createRequirementsHandlers(requirements: RequirementsService): AreaHandlers<'requirements'> {
  return {
    'requirements:get': () => requirements.get(),
    'requirements:save': ({ workspaceId, requirements: next }) => requirements.save(workspaceId, next),
    'requirements:checkLogo': () => requirements.checkLogo(),
  };
}
