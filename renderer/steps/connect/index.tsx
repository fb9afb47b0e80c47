import { StepPage } from '../../components/step-page';
import { ConnectPanel } from './connect-panel';

/**
 * Step 2: log in with Facebook (real, in main's login window), then create the channel in CXone.
 *
 * The CXone side of this step is done in CXone itself; the step's checklist says where.
 */
export default function ConnectStep() {
  return (
    <StepPage id="connect">
      <ConnectPanel />
    </StepPage>
  );
}
