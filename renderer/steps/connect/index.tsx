import { StepPage } from '../../components/step-page';
import { useRequestedFieldFocus } from '../review/open-finding';
import { AccountPanel } from './account-panel';
import { ChannelsPanel } from './channels-panel';
import { ConnectPanel } from './connect-panel';

/**
 * Step 2: log in with Facebook (real, in main's login window), choose the business portfolio and
 * WhatsApp Business account, put the number on WhatsApp, then create the channel in CXone.
 *
 * The CXone side of this step is done in CXone itself; the step's checklist says where, and the
 * numbers panel gives the number to select there. The channels drafted below are what the later
 * steps (roles, routing) refer to.
 */
export default function ConnectStep() {
  useRequestedFieldFocus('connect');
  return (
    <StepPage id="connect">
      <ConnectPanel />
      <AccountPanel />
      <ChannelsPanel />
    </StepPage>
  );
}
