import { StepPage } from '../../components/step-page';
import { ReviewPanel } from './review-panel';

/**
 * The 'review' step's page, loaded on demand: every step's state, every finding of the drafts
 * grouped by step and severity, and the runbook to save.
 */
export default function ReviewStep() {
  return (
    <StepPage id="review">
      <ReviewPanel />
    </StepPage>
  );
}
