import * as z from 'zod';
import { Duration } from './duration';
import { ChannelPermission } from './permissions';

/**
 * Version of the saved drafts document.
 *
 * Only version 1 exists, so there is no migration yet; the literal in the schema makes a file
 * written by a later release fail to parse instead of being read wrongly.
 */
export const DRAFTS_SCHEMA_VERSION = 1;

/**
 * Bounds of the drafts document.
 *
 * Skills follow CXone's own limit (at most 10,000 active skills per tenant, DOMAIN.md); the other
 * bounds are generous ceilings that keep a hostile or corrupt file from exhausting memory while
 * staying well above the largest tenants the validation benchmark models (5,000 skills, 500
 * roles, 200 queues, 200 channels).
 */
export const DRAFTS_LIMITS = {
  channels: 500,
  agents: 10_000,
  roles: 1_000,
  queues: 1_000,
  skills: 10_000,
  filtersPerQueue: 100,
  conditionsPerFilter: 100,
  rolesPerAgent: 20,
  skillsPerAgent: 1_000,
  /** A stored name may exceed CXone's own limits so the rules can report them; this only bounds the file. */
  nameLength: 200,
  descriptionLength: 1_000,
  urlLength: 2_048,
  maxSeconds: 1_000_000_000,
  maxComponentHeight: 5_000,
} as const;

/** The height the manual recommends for the custom component, in pixels (task 6). */
export const DEFAULT_COMPONENT_HEIGHT = 200;

/** A trimmed, bounded text that may be empty while the admin has not filled it in yet. */
const text = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' });
/** A trimmed, bounded text that must be filled in. */
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
/** A list of references, bounded like every array of the document. */
const ids = (max: number) => z.array(z.uuid()).max(max, { message: 'validation.tooLong' });
const seconds = z.number().int().min(0).max(DRAFTS_LIMITS.maxSeconds);

/** A phone number in E.164, required here (the same rule as the workspace's optional one). */
export const E164 = z.string().trim().regex(/^\+[1-9]\d{7,14}$/, { message: 'validation.e164' });

/** A channel's SLA: the general SLA, or its own first response and resolution times (task 11). */
export const ChannelSla = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('general') }),
  z.strictObject({ kind: z.literal('own'), firstResponse: Duration, resolution: Duration }),
]);
export type ChannelSla = z.infer<typeof ChannelSla>;

/**
 * A WhatsApp channel (digital point of contact) being set up.
 *
 * `startsConversations` decides whether routing-queue filters are required (outbound contacts
 * are routed by them, tasks 8 and 10); `defaultSkillId` and `studioScript` are the two things
 * every digital point of contact needs (task 10), `null` and `''` while not chosen yet.
 */
export const Channel = z.strictObject({
  id: z.uuid(),
  name: requiredText(DRAFTS_LIMITS.nameLength),
  phoneNumber: E164,
  startsConversations: z.boolean(),
  defaultSkillId: z.uuid().nullable(),
  /** The Studio script's name as CXone lists it; free text because scripts are read, not drafted. */
  studioScript: text(DRAFTS_LIMITS.nameLength),
  sla: ChannelSla,
});
export type Channel = z.infer<typeof Channel>;

/** The agent application a user works in; it decides what lets them handle digital contacts (task 7). */
export const AgentApplication = z.enum(['agent', 'max']);
export type AgentApplication = z.infer<typeof AgentApplication>;

/**
 * A user who will handle the channel.
 *
 * `roleIds` is a list although a Digital Experience user has exactly one role, so that a user
 * given two can be found and reported rather than silently cut to one.
 */
export const Agent = z.strictObject({
  id: z.uuid(),
  name: requiredText(DRAFTS_LIMITS.nameLength),
  application: AgentApplication,
  digitalEngagement: z.boolean(),
  skillIds: ids(DRAFTS_LIMITS.skillsPerAgent),
  roleIds: ids(DRAFTS_LIMITS.rolesPerAgent),
});
export type Agent = z.infer<typeof Agent>;

/** One row of a role's channel matrix: the channel and the set of permissions ticked on it. */
export const RoleChannel = z.strictObject({
  channelId: z.uuid(),
  permissions: z
    .array(ChannelPermission)
    .max(ChannelPermission.options.length)
    .refine((list) => new Set(list).size === list.length, { message: 'validation.invalid' }),
});
export type RoleChannel = z.infer<typeof RoleChannel>;

/**
 * A Digital Experience role: its channels × permissions matrix and the Admin-side Skills View.
 *
 * Name and description are bounded loosely here; CXone's limits (50 and 200 characters, no
 * reserved characters) are rules, so the admin sees a precise finding instead of a parse error.
 */
export const Role = z.strictObject({
  id: z.uuid(),
  name: requiredText(DRAFTS_LIMITS.nameLength),
  description: text(DRAFTS_LIMITS.descriptionLength),
  channels: z
    .array(RoleChannel)
    .max(DRAFTS_LIMITS.channels)
    .refine((rows) => new Set(rows.map((row) => row.channelId)).size === rows.length, { message: 'validation.invalid' }),
  /** Skills View (Vue Compétences), granted in the Admin application, not per channel. */
  skillsView: z.boolean(),
});
export type Role = z.infer<typeof Role>;

/** A filter condition; only "included channels" exists in the manual, the union leaves room for more. */
export const QueueCondition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('includedChannels'), channelIds: ids(DRAFTS_LIMITS.channels) }),
]);
export type QueueCondition = z.infer<typeof QueueCondition>;

export const QueueFilter = z.strictObject({
  id: z.uuid(),
  name: requiredText(DRAFTS_LIMITS.nameLength),
  conditions: z.array(QueueCondition).max(DRAFTS_LIMITS.conditionsPerFilter),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

/** A Digital Experience routing queue (task 8): the older routing path, required for outbound contacts. */
export const RoutingQueue = z.strictObject({
  id: z.uuid(),
  name: requiredText(DRAFTS_LIMITS.nameLength),
  filters: z.array(QueueFilter).max(DRAFTS_LIMITS.filtersPerQueue),
});
export type RoutingQueue = z.infer<typeof RoutingQueue>;

/** What happens when the preferred agent is not available (task 9, "Agent préféré"). */
export const PreferredAgentFallback = z.enum(['whenOffline', 'whenAvailable']);
export type PreferredAgentFallback = z.infer<typeof PreferredAgentFallback>;

/**
 * The skill's routing criteria (task 9, "Configuration de routage").
 *
 * `priorityMetric` is free text: the manual announces a list of metrics ("Choisissez l'un des
 * éléments suivants") but gives no item, so the app cannot offer the choices; the admin types
 * what CXone shows. The timeout is
 * optional in the schema because CXone's field can be left blank: the rules report it as
 * required, which tells the admin more than a parse error would.
 */
export const SkillRouting = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proficiency') }),
  z.strictObject({
    kind: z.literal('preferredAgent'),
    priorityMetric: text(DRAFTS_LIMITS.nameLength),
    fallback: PreferredAgentFallback,
    timeoutSeconds: seconds.optional(),
  }),
  z.strictObject({ kind: z.literal('leastBusy') }),
  z.strictObject({ kind: z.literal('mostBusy') }),
]);
export type SkillRouting = z.infer<typeof SkillRouting>;

/** Service level settings: shown by CXone only for inbound skills (task 9). */
export const ServiceLevel = z.strictObject({
  thresholdSeconds: z.number().int().min(1).max(DRAFTS_LIMITS.maxSeconds),
  goalPercent: z.number().int().min(0).max(100),
});
export type ServiceLevel = z.infer<typeof ServiceLevel>;

/**
 * A digital ACD skill, with every field of the manual's task 9.
 *
 * Digital skills are inbound unless the tenant uses Personal Connection or BYOC, so the
 * direction is stored as chosen and the rules check it against `personalConnectionOrByoc`.
 */
export const Skill = z.strictObject({
  id: z.uuid(),
  mediaType: z.literal('digital'),
  personalConnectionOrByoc: z.boolean(),
  direction: z.enum(['inbound', 'outbound']),
  name: requiredText(DRAFTS_LIMITS.nameLength),
  /** The campaign's name; '' until chosen. */
  campaign: text(DRAFTS_LIMITS.nameLength),
  messageTemplateName: requiredText(DRAFTS_LIMITS.nameLength).optional(),
  /** The sub-skill checkbox; not recommended by the manual. */
  subSkill: z.boolean(),
  routing: SkillRouting,
  serviceLevel: ServiceLevel.optional(),
  acceptReject: z.boolean(),
  /** Whether the agents of this skill use SFA Classic, where Accept/Reject auto-rejects contacts. */
  agentsUseSfaClassic: z.boolean(),
  agentResponseCountdownSeconds: z.number().int().min(1).max(DRAFTS_LIMITS.maxSeconds).optional(),
  customerResponseCountdownSeconds: z.number().int().min(1).max(DRAFTS_LIMITS.maxSeconds).optional(),
});
export type Skill = z.infer<typeof Skill>;

/** The general SLA that channels choosing `{ kind: 'general' }` apply (task 11). */
export const GeneralSla = z.strictObject({ firstResponse: Duration, resolution: Duration });
export type GeneralSla = z.infer<typeof GeneralSla>;

/**
 * The front-end custom component that shows WhatsApp templates to agents (task 6).
 *
 * `url` is kept exactly as pasted (trimmed); `componentUrl()` gives what goes into CXone, with
 * `%s` appended once. `channelIds` empty means ALL channels, as in CXone ("Si vous ne
 * sélectionnez aucun canal, il s'affichera pour tous les canaux"); it is never "none".
 */
export const CustomComponent = z.strictObject({
  url: text(DRAFTS_LIMITS.urlLength),
  height: z.number().int().min(1).max(DRAFTS_LIMITS.maxComponentHeight).default(DEFAULT_COMPONENT_HEIGHT),
  channelIds: ids(DRAFTS_LIMITS.channels),
  /** Whether every component whose URL contains "smooch" was deleted (also a checklist item). */
  smoochDeleted: z.boolean(),
});
export type CustomComponent = z.infer<typeof CustomComponent>;

type Identified = { readonly id: string };

/** Reports a second use of an id in one collection: references would then be ambiguous. */
function checkUniqueIds(collection: string, items: readonly Identified[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) context.addIssue({ code: 'custom', message: 'validation.invalid', path: [collection, index, 'id'] });
    seen.add(item.id);
  });
}

/**
 * A workspace's offline drafts of the CXone configuration, saved as one document.
 *
 * The admin prepares channels, agents, roles, queues and skills before (or without) touching
 * CXone; `validateDrafts` in `shared/rules` checks them against the manual. The schema only
 * guarantees shape and bounds, so half-finished drafts still save.
 */
export const Drafts = z
  .strictObject({
    schemaVersion: z.literal(DRAFTS_SCHEMA_VERSION),
    channels: z.array(Channel).max(DRAFTS_LIMITS.channels),
    agents: z.array(Agent).max(DRAFTS_LIMITS.agents),
    roles: z.array(Role).max(DRAFTS_LIMITS.roles),
    queues: z.array(RoutingQueue).max(DRAFTS_LIMITS.queues),
    skills: z.array(Skill).max(DRAFTS_LIMITS.skills),
    generalSla: GeneralSla.optional(),
    customComponent: CustomComponent,
  })
  .superRefine((drafts, context) => {
    checkUniqueIds('channels', drafts.channels, context);
    checkUniqueIds('agents', drafts.agents, context);
    checkUniqueIds('roles', drafts.roles, context);
    checkUniqueIds('queues', drafts.queues, context);
    checkUniqueIds('skills', drafts.skills, context);
  });
export type Drafts = z.infer<typeof Drafts>;
/** What a caller may hand to `Drafts.parse` (defaults such as the component height may be left out). */
export type DraftsInput = z.input<typeof Drafts>;

/** The drafts of a new workspace: nothing drafted yet, the component at its recommended height. */
export function emptyDrafts(): Drafts {
  return {
    schemaVersion: DRAFTS_SCHEMA_VERSION,
    channels: [],
    agents: [],
    roles: [],
    queues: [],
    skills: [],
    customComponent: { url: '', height: DEFAULT_COMPONENT_HEIGHT, channelIds: [], smoochDeleted: false },
  };
}
