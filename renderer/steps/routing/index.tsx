import { StepPage } from '../../components/step-page';
import { useRequestedFieldFocus } from '../review/open-finding';
import { DraftsStatus } from '../roles/drafts-ui';
import { ChannelRoutingPanel } from './channel-routing-panel';
import { QueuesPanel } from './queues-panel';

/**
 * Step 8: which channels start conversations, and the routing queues whose "included channels"
 * conditions route them; required for outbound channels, optional for inbound-only ones.
 */
export default function RoutingStep() {
  useRequestedFieldFocus('routing');
  return (
    <StepPage id="routing">
      <DraftsStatus>
        {(drafts) => (
          <>
            <ChannelRoutingPanel drafts={drafts} />
            <QueuesPanel drafts={drafts} />
          </>
        )}
      </DraftsStatus>
    </StepPage>
  );
}
