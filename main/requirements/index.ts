import type { ByteFetch, Clock, Emit, Logger, Scheduler } from '../platform/ports';
import type { WorkspaceAttachments, WorkspaceService } from '../workspace/service';
import { createRequirementsHandlers } from './handlers';
import { checkLogo } from './logo-check';
import type { RequirementsRepository } from './repository';
import { createRequirementsService } from './service';

export { createRequirementsRepository } from './repository';

interface Deps {
  /** Created before the workspace service, which moves its files with each workspace. */
  repository: RequirementsRepository;
  workspaces: WorkspaceService;
  emit: Emit;
  logger: Logger;
  now: Clock;
  scheduler: Scheduler;
  byteFetch: ByteFetch;
  userAgent: string;
}

/**
 * Step 1's area: the requirements per workspace, the logo check, and their calls.
 *
 * `attachments` go to the workspace service so the files follow a workspace when it is
 * duplicated, deleted and restored; `stop` cancels the checks under way and those scheduled.
 */
export function createRequirementsArea(deps: Deps): {
  handlers: ReturnType<typeof createRequirementsHandlers>;
  attachments: WorkspaceAttachments;
  service: ReturnType<typeof createRequirementsService>;
  stop: () => void;
} {
  const { byteFetch, scheduler, now, userAgent } = deps;
  const service = createRequirementsService({
    repository: deps.repository,
    workspaces: deps.workspaces,
    emit: deps.emit,
    logger: deps.logger,
    now,
    scheduler,
    check: (url, cancel) => checkLogo(url, { byteFetch, scheduler, now, userAgent }, cancel),
  });
  return { handlers: createRequirementsHandlers(service), attachments: deps.repository, service, stop: service.stop };
}
