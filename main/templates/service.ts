import { AppError } from '../../shared/errors/index';
import type { TemplatesState } from '../../shared/model/templates/templates';
import { listTemplates } from '../meta/graph/calls';
import type { StatusService, StatusSession } from '../status/service';

/** Step 5's calls. */
export interface TemplatesService {
  /** The last reading of the current workspace's templates; never calls Meta. */
  get(): TemplatesState;
  /** Reads every template of the chosen account now; rejects with a coded error. */
  refresh(): Promise<TemplatesState>;
}

interface Deps {
  session: Pick<StatusSession, 'graph'>;
  /** The status board keeps the templates' reading with its own, and tells their changes. */
  status: Pick<StatusService, 'target' | 'templates' | 'assertMayCall' | 'recordTemplates' | 'recordFailure'>;
}

/**
 * The message templates of the chosen account, read whole (every page of
 * `GET /{waba-id}/message_templates`).
 *
 * The reading is kept where the status checks keep theirs (which read the templates too, on each
 * check): one snapshot, so a change of review is told once whichever read saw it first.
 */
export function createTemplatesService(deps: Deps): TemplatesService {
  const { status } = deps;
  return {
    get: () => status.templates(),
    async refresh() {
      const target = status.target();
      if (target.wabaId === null) throw new AppError('meta.account.noSelection');
      status.assertMayCall();
      const account = { ...target, wabaId: target.wabaId };
      try {
        const graph = await deps.session.graph();
        status.recordTemplates(account, await listTemplates(graph, account.wabaId));
      } catch (error) {
        throw status.recordFailure(account, error);
      }
      return status.templates();
    },
  };
}
