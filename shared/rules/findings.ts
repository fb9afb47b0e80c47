import * as z from 'zod';
import type { StepId } from '../steps';

/**
 * How much a finding matters.
 *
 * `blocking`: CXone would refuse it or contacts would not be handled (the step cannot be done);
 * `warning`: likely a mistake the admin should look at; `advice`: the manual's recommendation.
 */
export const FINDING_SEVERITIES = ['blocking', 'warning', 'advice'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** The wizard steps whose drafts the rules check. */
export type DraftsStepId = Extract<StepId, 'custom-component' | 'roles' | 'routing' | 'digital-skill' | 'default-skill' | 'sla'>;

/** Where a finding belongs and how much it matters; one fixed pair per code. */
export interface FindingDefinition {
  readonly step: DraftsStepId;
  readonly severity: FindingSeverity;
}

/**
 * Every finding code the rules may return, with its step and severity.
 *
 * The review screen groups findings by step, and the steps' completion rules refuse "done"
 * while a blocking finding of theirs remains. The renderer translates `findings.<code>` with
 * `params` interpolated; the catalog test walks `FINDING_CODES` so no code ships without words.
 * Severity is fixed per code so the same sentence never appears once as blocking and once not.
 */
export const FINDING_DEFINITIONS = {
  // Task 6: custom component.
  'customComponent.urlMissing': { step: 'custom-component', severity: 'blocking' },
  'customComponent.urlNotHttps': { step: 'custom-component', severity: 'blocking' },
  'customComponent.placeholderAppended': { step: 'custom-component', severity: 'advice' },
  'customComponent.placeholderRepeated': { step: 'custom-component', severity: 'blocking' },
  'customComponent.heightNotRecommended': { step: 'custom-component', severity: 'advice' },
  'customComponent.smoochNotDeleted': { step: 'custom-component', severity: 'warning' },
  'customComponent.unknownChannel': { step: 'custom-component', severity: 'blocking' },
  'customComponent.appliesToAllChannels': { step: 'custom-component', severity: 'advice' },
  // Task 7: agents (who may handle digital contacts) and roles.
  'agent.agentAppNeedsEngagementAndSkill': { step: 'roles', severity: 'blocking' },
  'agent.maxNeedsEngagementOrSkill': { step: 'roles', severity: 'blocking' },
  'agent.multipleRoles': { step: 'roles', severity: 'blocking' },
  'agent.noRole': { step: 'roles', severity: 'blocking' },
  'agent.unknownRole': { step: 'roles', severity: 'blocking' },
  'agent.unknownSkill': { step: 'roles', severity: 'blocking' },
  'role.replyMissing': { step: 'roles', severity: 'blocking' },
  'role.skillsViewMissing': { step: 'roles', severity: 'blocking' },
  'role.nameTooLong': { step: 'roles', severity: 'blocking' },
  'role.nameForbiddenCharacters': { step: 'roles', severity: 'blocking' },
  'role.nameDuplicate': { step: 'roles', severity: 'blocking' },
  'role.descriptionTooLong': { step: 'roles', severity: 'blocking' },
  'role.unknownChannel': { step: 'roles', severity: 'blocking' },
  'role.channelInNoRole': { step: 'roles', severity: 'warning' },
  // Task 8: routing queues.
  'routing.outboundChannelNotRouted': { step: 'routing', severity: 'blocking' },
  'routing.unknownChannel': { step: 'routing', severity: 'blocking' },
  'routing.optionalForInbound': { step: 'routing', severity: 'advice' },
  // Task 9: digital skills.
  'skill.nameLength': { step: 'digital-skill', severity: 'blocking' },
  'skill.nameCharacters': { step: 'digital-skill', severity: 'blocking' },
  'skill.nameDuplicate': { step: 'digital-skill', severity: 'blocking' },
  'skill.campaignMissing': { step: 'digital-skill', severity: 'blocking' },
  'skill.outboundNeedsPersonalConnection': { step: 'digital-skill', severity: 'blocking' },
  'skill.priorityMetricMissing': { step: 'digital-skill', severity: 'blocking' },
  'skill.timeoutMissing': { step: 'digital-skill', severity: 'blocking' },
  'skill.timeoutOutOfRange': { step: 'digital-skill', severity: 'blocking' },
  'skill.serviceLevelInboundOnly': { step: 'digital-skill', severity: 'blocking' },
  'skill.acceptRejectWithSfaClassic': { step: 'digital-skill', severity: 'blocking' },
  'skill.subSkillNotRecommended': { step: 'digital-skill', severity: 'advice' },
  'skill.countdownAgentOnly': { step: 'digital-skill', severity: 'advice' },
  // Task 10: default skill and Studio script.
  'defaultSkill.noSkillExists': { step: 'default-skill', severity: 'blocking' },
  'defaultSkill.noScriptExists': { step: 'default-skill', severity: 'warning' },
  'defaultSkill.skillMissing': { step: 'default-skill', severity: 'blocking' },
  'defaultSkill.scriptMissing': { step: 'default-skill', severity: 'blocking' },
  'defaultSkill.unknownSkill': { step: 'default-skill', severity: 'blocking' },
  // Task 11: SLA.
  'sla.resolutionBeforeFirstResponse': { step: 'sla', severity: 'blocking' },
  'sla.zeroDuration': { step: 'sla', severity: 'blocking' },
} as const satisfies Record<string, FindingDefinition>;

export type FindingCode = keyof typeof FINDING_DEFINITIONS;

/** Every finding code, for the catalog test and the IPC schema. */
export const FINDING_CODES = Object.keys(FINDING_DEFINITIONS) as [FindingCode, ...FindingCode[]];

/** The step each finding code belongs to (the review screen's grouping). */
export function findingStep(code: FindingCode): DraftsStepId {
  return FINDING_DEFINITIONS[code].step;
}

/** Interpolation values of a finding: plain data, never prose. */
export const FindingParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type FindingParams = z.infer<typeof FindingParams>;

/** Where in the drafts document a finding points: keys and array indexes from the root. */
export const FindingPath = z.array(z.union([z.string(), z.number().int().nonnegative()])).max(16);
export type FindingPath = z.infer<typeof FindingPath>;

/**
 * One thing the rules found in the drafts: what (code), how bad, where, and the values to show.
 *
 * A schema too, because findings cross IPC to the renderer, which translates `findings.<code>`.
 */
export const Finding = z.strictObject({
  code: z.enum(FINDING_CODES),
  severity: z.enum(FINDING_SEVERITIES),
  path: FindingPath,
  params: FindingParams,
});
export type Finding = z.infer<typeof Finding>;

/** A finding with the severity its code defines, so no rule can pick another one. */
export function finding(code: FindingCode, path: FindingPath, params: FindingParams = {}): Finding {
  return { code, severity: FINDING_DEFINITIONS[code].severity, path, params };
}

/** The findings of one step, for its panel and its completion rule. */
export function findingsForStep(findings: readonly Finding[], step: DraftsStepId): Finding[] {
  return findings.filter((item) => FINDING_DEFINITIONS[item.code].step === step);
}

/** Whether a step has a blocking finding: such a step cannot be marked done. */
export function hasBlockingFinding(findings: readonly Finding[], step: DraftsStepId): boolean {
  return findings.some((item) => item.severity === 'blocking' && FINDING_DEFINITIONS[item.code].step === step);
}
