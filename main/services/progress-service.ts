import { AppError } from '../../shared/errors';
import type { Progress, ProgressUpdate } from '../../shared/model/progress';
import { stepDefinition } from '../../shared/steps';
import type { VersionedDocument } from '../persistence/versioned-document';

export interface ProgressService {
  get(): Progress;
  set(update: ProgressUpdate): Progress;
}

/**
 * Where the admin is in the wizard and what they recorded for each step.
 *
 * Only steps the manual marks optional may be skipped; everything else must be done.
 */
export function createProgressService(document: VersionedDocument<Progress>, now: () => Date): ProgressService {
  return {
    get: () => document.read(),
    set(update) {
      const current = document.read();
      if (update.step?.state === 'skipped' && !stepDefinition(update.step.id).optional) {
        throw new AppError('progress.notSkippable', { step: update.step.id });
      }
      const next: Progress = {
        ...current,
        currentStep: update.currentStep ?? current.currentStep,
        steps: update.step
          ? { ...current.steps, [update.step.id]: { state: update.step.state, updatedAt: now().toISOString() } }
          : current.steps,
      };
      document.write(next);
      return next;
    },
  };
}
