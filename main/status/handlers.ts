import type { AreaHandlers } from '../ipc/router';
import type { StatusService } from './service';

/** The `status:*` calls: each answers what main holds, validated by the router. */
export function createStatusHandlers(status: StatusService): AreaHandlers<'status'> {
  return {
    'status:get': () => status.board(),
    'status:refresh': () => status.refresh(),
    'status:notifications': () => status.notifications(),
    'status:markRead': ({ ids }) => status.markRead(ids),
  };
}
