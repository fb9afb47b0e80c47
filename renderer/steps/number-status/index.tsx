import { useEffect } from 'react';
import { StepPage } from '../../components/step-page';
import { useStatusStore } from '../../state/status-store';
import { StatusBoardView } from './board';
import { StatusInbox } from './inbox';

/**
 * Step 3: the status of each number of the chosen WhatsApp Business account.
 *
 * Meta may take hours to approve a number (the manual), so main keeps checking in the
 * background and tells what changed; this page shows the last reading with its time (offline
 * too), the state of the checks, and the changes seen.
 */
export default function NumberStatusStep() {
  const subscribe = useStatusStore((state) => state.subscribe);
  const load = useStatusStore((state) => state.load);

  useEffect(() => {
    const stop = subscribe();
    void load();
    return stop;
  }, [subscribe, load]);

  return (
    <StepPage id="number-status">
      <StatusBoardView />
      <StatusInbox />
    </StepPage>
  );
}
