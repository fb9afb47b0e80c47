import type { Drafts } from './model/drafts/drafts';
import type { Duration } from './model/drafts/duration';
import { CHANNEL_PERMISSION_LABELS, SKILLS_VIEW_LABEL } from './model/drafts/permissions';
import type { Language } from './model/settings/settings';
import { componentUrl } from './rules/custom-component';
import type { StepId } from './steps';

/**
 * The product fields whose drafted values a checklist shows; each is a catalog key.
 *
 * The renderer reads `checklistValues.field.<field>`, the field's own label in CXone (French:
 * the manual; English: NICE's help pages), so the admin looks for the same word on screen.
 */
export const CHECKLIST_VALUE_FIELDS = [
  'phoneNumber',
  'componentUrl',
  'componentHeight',
  'componentChannel',
  'roleName',
  'roleChannel',
  'permission',
  'queueName',
  'filterName',
  'includedChannel',
  'skillName',
  'campaign',
  'messageTemplate',
  'priorityMetric',
  'timeout',
  'serviceLevelThreshold',
  'serviceLevelGoal',
  'agentResponse',
  'customerResponse',
  'channel',
  'studioScript',
  'defaultSkill',
  'firstResponse',
  'resolution',
] as const;
export type ChecklistValueField = (typeof CHECKLIST_VALUE_FIELDS)[number];

/**
 * One drafted value to type or pick in CXone, under the checklist item that needs it.
 *
 * `context` names the drafted object the value belongs to (a role, a queue, a channel) when the
 * field alone would be ambiguous; durations stay structured because their wording ("2 h") is
 * the catalog's, not this module's.
 */
export interface ChecklistValue {
  readonly field: ChecklistValueField;
  readonly value: { readonly kind: 'text'; readonly text: string } | { readonly kind: 'duration'; readonly duration: Duration };
  readonly context?: readonly string[];
}

/** Where a checklist item's values come from: one extractor per source, named in the table below. */
type Source = (drafts: Drafts, language: Language) => ChecklistValue[];

const text = (field: ChecklistValueField, value: string, context?: readonly string[]): ChecklistValue[] =>
  value.trim() === '' ? [] : [{ field, value: { kind: 'text', text: value }, ...(context ? { context } : {}) }];

const channelName = (drafts: Drafts, id: string): string | undefined => drafts.channels.find((channel) => channel.id === id)?.name;

/**
 * Every source of values, by name; each reads only what the admin drafted and skips what is blank.
 *
 * Values of one object (a skill's campaign) name that object as context; an object's own name
 * (a skill name, a role name) needs none.
 */
const SOURCES = {
  channelPhoneNumbers: (drafts) => drafts.channels.flatMap((channel) => text('phoneNumber', channel.phoneNumber, [channel.name])),
  componentUrl: (drafts) => text('componentUrl', componentUrl(drafts.customComponent.url)),
  componentHeight: (drafts) => text('componentHeight', String(drafts.customComponent.height)),
  componentChannels: (drafts) => drafts.customComponent.channelIds.flatMap((id) => text('componentChannel', channelName(drafts, id) ?? '')),
  roleNames: (drafts) => drafts.roles.flatMap((role) => text('roleName', role.name)),
  roleChannels: (drafts) => drafts.roles.flatMap((role) => role.channels.flatMap((row) => text('roleChannel', channelName(drafts, row.channelId) ?? '', [role.name]))),
  rolePermissions: (drafts, language) =>
    drafts.roles.flatMap((role) =>
      role.channels.flatMap((row) => row.permissions.flatMap((permission) => text('permission', CHANNEL_PERMISSION_LABELS[permission][language], [role.name, channelName(drafts, row.channelId) ?? '']))),
    ),
  skillsView: (drafts, language) => drafts.roles.filter((role) => role.skillsView).flatMap((role) => text('permission', SKILLS_VIEW_LABEL[language], [role.name])),
  queueNames: (drafts) => drafts.queues.flatMap((queue) => text('queueName', queue.name)),
  filterNames: (drafts) => drafts.queues.flatMap((queue) => queue.filters.flatMap((filter) => text('filterName', filter.name, [queue.name]))),
  includedChannels: (drafts) =>
    drafts.queues.flatMap((queue) =>
      queue.filters.flatMap((filter) =>
        filter.conditions.flatMap((condition) => condition.channelIds.flatMap((id) => text('includedChannel', channelName(drafts, id) ?? '', [queue.name, filter.name]))),
      ),
    ),
  skillNames: (drafts) => drafts.skills.flatMap((skill) => text('skillName', skill.name)),
  campaigns: (drafts) => drafts.skills.flatMap((skill) => text('campaign', skill.campaign, [skill.name])),
  messageTemplates: (drafts) => drafts.skills.flatMap((skill) => text('messageTemplate', skill.messageTemplateName ?? '', [skill.name])),
  preferredAgent: (drafts) =>
    drafts.skills.flatMap((skill) =>
      skill.routing.kind !== 'preferredAgent'
        ? []
        : [...text('priorityMetric', skill.routing.priorityMetric, [skill.name]), ...text('timeout', skill.routing.timeoutSeconds?.toString() ?? '', [skill.name])],
    ),
  serviceLevels: (drafts) =>
    drafts.skills.flatMap((skill) =>
      skill.serviceLevel ? [...text('serviceLevelThreshold', String(skill.serviceLevel.thresholdSeconds), [skill.name]), ...text('serviceLevelGoal', String(skill.serviceLevel.goalPercent), [skill.name])] : [],
    ),
  countdowns: (drafts) =>
    drafts.skills.flatMap((skill) => [
      ...text('agentResponse', skill.agentResponseCountdownSeconds?.toString() ?? '', [skill.name]),
      ...text('customerResponse', skill.customerResponseCountdownSeconds?.toString() ?? '', [skill.name]),
    ]),
  channelNames: (drafts) => drafts.channels.flatMap((channel) => text('channel', channel.name)),
  studioScripts: (drafts) => drafts.channels.flatMap((channel) => text('studioScript', channel.studioScript, [channel.name])),
  defaultSkills: (drafts) =>
    drafts.channels.flatMap((channel) => text('defaultSkill', drafts.skills.find((skill) => skill.id === channel.defaultSkillId)?.name ?? '', [channel.name])),
  ownSlaTimes: (drafts) =>
    drafts.channels.flatMap((channel): ChecklistValue[] =>
      channel.sla.kind !== 'own'
        ? []
        : [
            { field: 'firstResponse', value: { kind: 'duration', duration: channel.sla.firstResponse }, context: [channel.name] },
            { field: 'resolution', value: { kind: 'duration', duration: channel.sla.resolution }, context: [channel.name] },
          ],
    ),
} as const satisfies Readonly<Record<string, Source>>;

/** The name of a source of values. */
export type ChecklistValueSource = keyof typeof SOURCES;

/**
 * Which drafted values each checklist item shows: step id, then item id, then sources in order.
 *
 * Only items where the admin types or picks something in CXone have values; the item ids are
 * those of `shared/step-checklists.ts` (a test checks that each one exists).
 */
export const STEP_CHECKLIST_VALUES: Readonly<Partial<Record<StepId, Readonly<Record<string, readonly ChecklistValueSource[]>>>>> = {
  connect: { 'select-phone-number': ['channelPhoneNumbers'] },
  'custom-component': { 'paste-url': ['componentUrl'], 'set-height': ['componentHeight'], 'select-channels': ['componentChannels'] },
  roles: {
    'skills-view-permission': ['skillsView'],
    'edit-role': ['roleNames'],
    'edit-permissions': ['roleChannels'],
    'tick-permissions': ['rolePermissions'],
  },
  routing: { 'open-filters': ['queueNames'], 'open-conditions': ['filterNames'], 'add-channel': ['includedChannels'] },
  'digital-skill': {
    'skill-name': ['skillNames'],
    campaign: ['campaigns'],
    'message-template': ['messageTemplates'],
    'routing-configuration': ['preferredAgent'],
    'service-level': ['serviceLevels'],
    'response-countdowns': ['countdowns'],
  },
  'default-skill': { 'edit-channel': ['channelNames'], 'select-studio-script': ['studioScripts'], 'select-default-skill': ['defaultSkills'] },
  sla: { 'edit-channel': ['channelNames'], 'set-times': ['ownSlaTimes'] },
};

/**
 * The drafted values to show under one checklist item, in the admin's language.
 *
 * Pure, so the same values can be shown, tested and printed; an item without a mapping, or
 * whose drafts are blank, gives an empty list (the checklist then shows the sentence alone).
 * Product labels drafted as values (a permission) come in `language`.
 */
export function checklistValues(drafts: Drafts, step: StepId, item: string, language: Language): ChecklistValue[] {
  const sources = STEP_CHECKLIST_VALUES[step]?.[item] ?? [];
  return sources.flatMap((source) => SOURCES[source](drafts, language));
}
