import type { TFunction } from 'i18next';
import type { Progress } from '../../shared/model/workspace/progress';
import { stepStatus, type RecordedStepState, type StepDefinition, type StepId, type StepStatus } from '../../shared/steps';
import { useWorkspaceStore } from '../state/workspace-store';

/** The recorded state of every step, as `stepStatus` wants it. */
export function recordedStates(progress: Progress | null): Partial<Record<StepId, RecordedStepState>> {
  const recorded: Partial<Record<StepId, RecordedStepState>> = {};
  for (const [id, record] of Object.entries(progress?.steps ?? {})) {
    if (record) recorded[id as StepId] = record.state;
  }
  return recorded;
}

/**
 * A step's shown state (with missing prerequisites), re-rendering when progress changes.
 */
export function useStepStatus(id: StepId): StepStatus {
  const progress = useWorkspaceStore((state) => state.progress);
  return stepStatus(id, recordedStates(progress));
}

/** "3 Number status" in the rail, "Review" for the unnumbered last step. */
export function stepShortName(t: TFunction, step: StepDefinition): string {
  return t(`steps.${step.id}.short`);
}

/**
 * What a screen reader hears for a rail entry: "3 Number status, waiting for Connect".
 *
 * The state icon alone means nothing without sight, so the label carries the state and, when
 * waiting, the steps to do first.
 */
export function stepAccessibleLabel(t: TFunction, step: StepDefinition, status: StepStatus): string {
  const state =
    status.state === 'waiting'
      ? t('nav.waitingState', { missing: status.missing.map((id) => t(`steps.${id}.short`)).join(t('nav.listSeparator')) })
      : t(`state.${status.state}`);
  const title = stepShortName(t, step);
  return step.number === null ? t('nav.stepLabelNoNumber', { title, state }) : t('nav.stepLabel', { number: step.number, title, state });
}
