import { StepPage } from '../../components/step-page';

/**
 * The 'templates' step's page, loaded on demand.
 *
 * Its guided tools come in a later release; the page is already real: title, why, state,
 * prerequisites and the footer that records progress.
 */
export default function TemplatesStep() {
  return <StepPage id="templates" />;
}
