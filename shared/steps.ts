import * as z from 'zod';
import { FINDING_DEFINITIONS, type Finding } from './rules/findings';
import { STEP_CHECKLISTS, type ChecklistItem } from './step-checklists';

/**
 * The wizard's steps, in the order the vendor manual gives its tasks.
 *
 * One folder per step under renderer/steps/ carries the same id. `dependsOn` names the steps
 * whose result this one needs; steps are never locked, but a step whose prerequisites are not
 * done is shown as waiting with the missing ones named.
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

/**
 * Whether the manual requires a step.
 *
 * `conditional`: required in some setups only; routing queues are required when the channel
 * will start conversations (outbound), optional for inbound-only channels (manual, tasks 8 and
 * 10). Optional and conditional steps may be skipped.
 */
export type StepNeed = 'required' | 'optional' | 'conditional';

/**
 * What must hold before a step can be marked done; shown as reasons when it does not.
 *
 * - `checklist`: every item of the step's checklist is ticked;
 * - `metaConnected`: the admin is logged in with Facebook (step 2);
 * - `requiredSteps`: every required step before this one is done (the review);
 * - `noBlockingFindings`: no blocking finding of the manual's rules remains in the step's drafts
 *   (UI.md: "Mark done is refused, with reasons, while blocking findings remain").
 */
export type CompletionRule = 'checklist' | 'metaConnected' | 'requiredSteps' | 'noBlockingFindings';

export interface StepDefinition {
  readonly id: StepId;
  /** Number shown in the rail; the review step has none (it is not a task of the manual). */
  readonly number: number | null;
  readonly need: StepNeed;
  readonly dependsOn: readonly StepId[];
  readonly completion: readonly CompletionRule[];
  /** The manual's click path as ordered items the admin ticks (labels in the catalogs). */
  readonly checklist: readonly ChecklistItem[];
}

const step = (id: StepId, number: number | null, need: StepNeed, dependsOn: readonly StepId[], completion: readonly CompletionRule[] = ['checklist']): StepDefinition => ({
  id,
  number,
  need,
  dependsOn,
  completion,
  checklist: STEP_CHECKLISTS[id],
});

/** Steps whose drafts the manual's rules check: their checklist, and no blocking finding left. */
const DRAFTS_COMPLETION: readonly CompletionRule[] = ['checklist', 'noBlockingFindings'];

export const STEPS: readonly StepDefinition[] = [
  step('requirements', 1, 'required', []),
  step('connect', 2, 'required', ['requirements'], ['metaConnected', 'checklist']),
  step('number-status', 3, 'required', ['connect']),
  step('rename', 4, 'optional', ['number-status']),
  step('templates', 5, 'required', ['connect']),
  step('custom-component', 6, 'required', ['connect'], DRAFTS_COMPLETION),
  step('roles', 7, 'required', ['connect'], DRAFTS_COMPLETION),
  step('routing', 8, 'conditional', ['connect'], DRAFTS_COMPLETION),
  step('digital-skill', 9, 'required', [], DRAFTS_COMPLETION),
  step('default-skill', 10, 'required', ['connect', 'digital-skill'], DRAFTS_COMPLETION),
  step('sla', 11, 'optional', ['connect'], DRAFTS_COMPLETION),
  step('review', null, 'required', ['requirements', 'connect', 'number-status', 'templates', 'custom-component', 'roles', 'digital-skill', 'default-skill'], ['requiredSteps']),
];

/** Whether the admin may skip a step (optional, or required only in some setups). */
export function isSkippable(id: StepId): boolean {
  return stepDefinition(id).need !== 'required';
}

/** What completion rules look at; gathered by main (and by the renderer, to show reasons early). */
export interface CompletionFacts {
  readonly metaConnected: boolean;
  readonly ticked: Partial<Record<StepId, readonly string[]>>;
  readonly recorded: Partial<Record<StepId, RecordedStepState | undefined>>;
  /** Blocking findings of the current drafts, counted per step (`countBlockingFindings`); absent = none. */
  readonly blockingFindings: Partial<Record<StepId, number>>;
}

/**
 * The blocking findings of a validation run, counted per step, for `CompletionFacts`.
 *
 * Main counts over the drafts it stored, the renderer over the drafts on screen; both run the
 * same rules, so the reasons shown before a click are the ones main refuses with.
 */
export function countBlockingFindings(findings: readonly Finding[]): Partial<Record<StepId, number>> {
  const counts: Partial<Record<StepId, number>> = {};
  for (const item of findings) {
    if (item.severity !== 'blocking') continue;
    const step = FINDING_DEFINITIONS[item.code].step;
    counts[step] = (counts[step] ?? 0) + 1;
  }
  return counts;
}

/** Why a step cannot be marked done yet; translated as `completion.<code>`. */
export type CompletionBlocker =
  | { readonly code: 'checklistOpen'; readonly items: readonly string[] }
  | { readonly code: 'metaNotConnected' }
  | { readonly code: 'stepsOpen'; readonly steps: readonly StepId[] }
  | { readonly code: 'blockingFindings'; readonly step: StepId; readonly count: number };

/**
 * The reasons a step cannot be marked done now; empty when it can.
 *
 * One function for main (which refuses) and the renderer (which lists the reasons before the
 * admin even clicks), so both always agree.
 */
export function completionBlockers(id: StepId, facts: CompletionFacts): CompletionBlocker[] {
  const definition = stepDefinition(id);
  const blockers: CompletionBlocker[] = [];
  for (const rule of definition.completion) {
    if (rule === 'metaConnected' && !facts.metaConnected) blockers.push({ code: 'metaNotConnected' });
    if (rule === 'checklist') {
      const ticked = new Set(facts.ticked[id] ?? []);
      const open = definition.checklist.filter((item) => !ticked.has(item.id)).map((item) => item.id);
      if (open.length > 0) blockers.push({ code: 'checklistOpen', items: open });
    }
    if (rule === 'requiredSteps') {
      const open = STEPS.filter((other) => other.id !== id && other.need === 'required' && !isSettled(facts.recorded[other.id])).map((other) => other.id);
      if (open.length > 0) blockers.push({ code: 'stepsOpen', steps: open });
    }
    if (rule === 'noBlockingFindings') {
      const count = facts.blockingFindings[id] ?? 0;
      if (count > 0) blockers.push({ code: 'blockingFindings', step: id, count });
    }
  }
  return blockers;
}

export function stepDefinition(id: StepId): StepDefinition {
  const found = STEPS.find((step) => step.id === id);
  if (!found) throw new Error(`unknown step ${id}`);
  return found;
}

/** What the admin recorded for a step; "waiting" is never stored, it is derived. */
export const RecordedStepState = z.enum(['not_started', 'in_progress', 'done', 'skipped']);
export type RecordedStepState = z.infer<typeof RecordedStepState>;

export type StepStatus =
  | { state: Exclude<RecordedStepState, 'done' | 'skipped'> | 'waiting'; missing: StepId[] }
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
  if (missing.length > 0 && own === 'not_started') return { state: 'waiting', missing };
  return { state: own, missing };
}
