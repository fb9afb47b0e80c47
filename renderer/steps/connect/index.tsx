import { StepPage } from '../../components/step-page';
import { useRequestedFieldFocus } from '../review/open-finding';
import { ChannelsPanel } from './channels-panel';
import { ConnectPanel } from './connect-panel';

/**
 * Step 2: log in with Facebook (real, in main's login window), then create the channel in CXone.
 *
 * The CXone side of this step is done in CXone itself; the step's checklist says where.
 * The channels drafted below are what the later steps (roles, routing) refer to.
 */
export default function ConnectStep() {
  useRequestedFieldFocus('connect');
  return (
    <StepPage id="connect">
      <ConnectPanel />
      <ChannelsPanel />
    </StepPage>
  );
}
