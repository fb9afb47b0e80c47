import * as z from 'zod';
import { RecordedStepState, StepId } from '../../steps';

export const PROGRESS_SCHEMA_VERSION = 1;

export const StepRecord = z.strictObject({
  state: RecordedStepState,
  /** ISO 8601 time of the last change, shown as "updated 2 min ago". */
  updatedAt: z.iso.datetime(),
});
export type StepRecord = z.infer<typeof StepRecord>;

/** Where the admin is in the wizard; survives restarts. */
export const Progress = z.strictObject({
  schemaVersion: z.literal(PROGRESS_SCHEMA_VERSION),
  currentStep: StepId,
  steps: z.partialRecord(StepId, StepRecord),
});
export type Progress = z.infer<typeof Progress>;

/** Either move to a step, or record a step's state (or both). */
export const ProgressUpdate = z
  .strictObject({
    currentStep: StepId.optional(),
    step: z.strictObject({ id: StepId, state: RecordedStepState }).optional(),
  })
  .refine((value) => value.currentStep !== undefined || value.step !== undefined, {
    message: 'validation.emptyUpdate',
  });
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

export const DEFAULT_PROGRESS: Progress = {
  schemaVersion: PROGRESS_SCHEMA_VERSION,
  currentStep: 'requirements',
  steps: {},
};
