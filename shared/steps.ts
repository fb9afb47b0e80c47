import * as z from 'zod';

/**
 * The wizard's steps, in the order the vendor manual gives its tasks.
 *
 * One folder per step under renderer/steps/ carries the same id. `dependsOn` names the steps
 * whose result this one needs; steps are never locked, but a step whose prerequisites are not
 * done is shown as blocked with the missing ones named.
 */
export const STEP_IDS = [
  'requirements',
  'connect',
  'number-status',
  'rename',
  'templates',
  'custom-component',
  'roles',
  'routing',
  'digital-skill',
  'default-skill',
  'sla',
  'review',
] as const;

export const StepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepId>;

export interface StepDefinition {
  readonly id: StepId;
  /** Number shown in the rail; the review step has none (it is not a task of the manual). */
  readonly number: number | null;
  /** Optional steps may be skipped; the manual marks rename and SLA as optional. */
  readonly optional: boolean;
  readonly dependsOn: readonly StepId[];
}

export const STEPS: readonly StepDefinition[] = [
  { id: 'requirements', number: 1, optional: false, dependsOn: [] },
  { id: 'connect', number: 2, optional: false, dependsOn: ['requirements'] },
  { id: 'number-status', number: 3, optional: false, dependsOn: ['connect'] },
  { id: 'rename', number: 4, optional: true, dependsOn: ['number-status'] },
  { id: 'templates', number: 5, optional: false, dependsOn: ['connect'] },
  { id: 'custom-component', number: 6, optional: false, dependsOn: ['connect'] },
  { id: 'roles', number: 7, optional: false, dependsOn: ['connect'] },
  { id: 'routing', number: 8, optional: false, dependsOn: ['connect'] },
  { id: 'digital-skill', number: 9, optional: false, dependsOn: [] },
  { id: 'default-skill', number: 10, optional: false, dependsOn: ['connect', 'digital-skill'] },
  { id: 'sla', number: 11, optional: true, dependsOn: ['connect'] },
  {
    id: 'review',
    number: null,
    optional: false,
    dependsOn: ['requirements', 'connect', 'number-status', 'templates', 'custom-component', 'roles', 'routing', 'digital-skill', 'default-skill'],
  },
];

export function stepDefinition(id: StepId): StepDefinition {
  const found = STEPS.find((step) => step.id === id);
  if (!found) throw new Error(`unknown step ${id}`);
  return found;
}

/** What the admin recorded for a step; "blocked" is never stored, it is derived. */
export const RecordedStepState = z.enum(['not_started', 'in_progress', 'done', 'skipped']);
export type RecordedStepState = z.infer<typeof RecordedStepState>;

export type StepStatus =
  | { state: Exclude<RecordedStepState, 'done' | 'skipped'> | 'blocked'; missing: StepId[] }
  | { state: 'done' | 'skipped'; missing: [] };

/** A step is settled once done, or skipped when the manual allows skipping it. */
export function isSettled(state: RecordedStepState | undefined): boolean {
  return state === 'done' || state === 'skipped';
}

/**
 * The state shown for a step, with the prerequisites still missing.
 *
 * A step already done stays done even if a prerequisite is later reopened: the admin's record
 * is not rewritten behind their back; the missing list still tells them what changed.
 */
export function stepStatus(id: StepId, recorded: Partial<Record<StepId, RecordedStepState>>): StepStatus {
  const own = recorded[id] ?? 'not_started';
  if (own === 'done' || own === 'skipped') return { state: own, missing: [] };
  const missing = stepDefinition(id).dependsOn.filter((dep) => !isSettled(recorded[dep]));
  if (missing.length > 0 && own === 'not_started') return { state: 'blocked', missing };
  return { state: own, missing };
}
