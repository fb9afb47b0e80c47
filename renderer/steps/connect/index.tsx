import { useTranslation } from 'react-i18next';
import { StepPage } from '../../components/step-page';
import { ConnectPanel } from './connect-panel';

/**
 * Step 2: log in with Facebook (real, in main's login window), then create the channel in CXone.
 *
 * The CXone side of this step is done in CXone itself; the page says where.
 */
export default function ConnectStep() {
  const { t } = useTranslation();
  return (
    <StepPage id="connect" note={t('connect.cxonePart')}>
      <ConnectPanel />
    </StepPage>
  );
}
