import type { EventName } from '../../shared/ipc/contract/index';
import type { Language } from '../../shared/model/settings/settings';
import type { Clock, Emit, Logger, Notifier, Scheduler } from '../platform/ports';
import { createTemplatesHandlers } from '../templates/handlers';
import { createTemplatesService, type TemplatesService } from '../templates/service';
import type { WorkspaceAttachments, WorkspaceService } from '../workspace/service';
import { createStatusHandlers } from './handlers';
import type { StatusRepository } from './repository';
import { createStatusService, type AccountSelection, type StatusDeps, type StatusService, type StatusSession } from './service';

export { createStatusRepository } from './repository';
export type { AccountSelection, StatusSession, StatusTarget } from './service';

interface Deps {
  /** Created before the workspace service, which moves its files with each workspace. */
  repository: StatusRepository;
  session: StatusSession;
  workspaces: Pick<WorkspaceService, 'current' | 'onChange'>;
  selection: AccountSelection;
  now: Clock;
  scheduler: Scheduler;
  random?: () => number;
  notifier: Notifier;
  language: () => Language;
  emit: Emit;
  logger: Logger;
  onNumbers?: StatusDeps['onNumbers'];
}

/** The events of other areas the status checks act on: the session, and step 2's account. */
const FOLLOWED: ReadonlySet<string> = new Set(['meta:changed', 'meta:accountChanged']);

/**
 * Steps 3 and 5: the status board with its background checks and notifications, and the
 * templates. The status files (`status/<id>.json`, {@link createStatusRepository}) are opened
 * before the workspace service, which moves them with each workspace (`attachments`).
 *
 * `follow` is handed every event main emits: the checks start when the admin logs in or picks
 * an account in step 2, and pause when Meta refuses the token. `stop` ends the timers (quitting).
 */
export function createStatusArea(deps: Deps): {
  handlers: ReturnType<typeof createStatusHandlers> & ReturnType<typeof createTemplatesHandlers>;
  attachments: WorkspaceAttachments;
  status: StatusService;
  templates: TemplatesService;
  follow: (event: EventName) => void;
  stop: () => void;
} {
  const service = createStatusService({
    repository: deps.repository,
    workspaces: deps.workspaces,
    session: deps.session,
    selection: deps.selection,
    now: deps.now,
    scheduler: deps.scheduler,
    random: deps.random ?? Math.random,
    notifier: deps.notifier,
    language: deps.language,
    emit: deps.emit,
    logger: deps.logger,
    onNumbers: deps.onNumbers,
  });
  const templates = createTemplatesService({ session: deps.session, status: service });
  // The first check, when there is an account to check, starts now.
  service.update();
  return {
    handlers: { ...createStatusHandlers(service), ...createTemplatesHandlers(templates) },
    attachments: deps.repository,
    status: service,
    templates,
    follow: (event) => {
      if (FOLLOWED.has(event)) service.update();
    },
    stop: () => service.stop(),
  };
}

/**
 * An `emit` that also tells `follow` which event went out, for areas that act on another
 * area's events (the status checks on `meta:changed`) without that area knowing them.
 */
export function createEventTap(emit: Emit): { emit: Emit; follow(listener: (event: EventName) => void): void } {
  const listeners: ((event: EventName) => void)[] = [];
  return {
    emit: (event, payload) => {
      emit(event, payload);
      for (const listener of listeners) listener(event);
    },
    follow: (listener) => void listeners.push(listener),
  };
}
