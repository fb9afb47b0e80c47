import type { Drafts } from '../model/drafts/drafts';

/**
 * Look-up tables over a drafts document, built once per validation.
 *
 * Every rule reads references through these maps instead of scanning lists, so validating a
 * large tenant (thousands of skills, hundreds of roles) stays linear in the document's size.
 * Ids are unique per collection (the schema refuses duplicates), so index maps are exact.
 */
export interface DraftsIndex {
  readonly drafts: Drafts;
  readonly channelIndex: ReadonlyMap<string, number>;
  readonly skillIndex: ReadonlyMap<string, number>;
  readonly roleIndex: ReadonlyMap<string, number>;
  /** Channel ids some routing-queue condition includes. */
  readonly queuedChannelIds: ReadonlySet<string>;
  /** Channel ids some role's matrix includes. */
  readonly roleChannelIds: ReadonlySet<string>;
  /** Per role id, how many agents hold it. */
  readonly agentsPerRole: ReadonlyMap<string, number>;
  /** Per skill id, how many of its agents work in MAX. */
  readonly maxAgentsPerSkill: ReadonlyMap<string, number>;
}

function positions(items: readonly { readonly id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, index) => map.set(item.id, index));
  return map;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Builds the look-up tables in one pass over each collection. */
export function indexDrafts(drafts: Drafts): DraftsIndex {
  const queuedChannelIds = new Set<string>();
  for (const queue of drafts.queues) {
    for (const filter of queue.filters) {
      for (const condition of filter.conditions) {
        if (condition.type === 'includedChannels') for (const id of condition.channelIds) queuedChannelIds.add(id);
      }
    }
  }
  const roleChannelIds = new Set<string>();
  for (const role of drafts.roles) for (const row of role.channels) roleChannelIds.add(row.channelId);
  const agentsPerRole = new Map<string, number>();
  const maxAgentsPerSkill = new Map<string, number>();
  for (const agent of drafts.agents) {
    // A user listing a role or skill twice is still one user of it.
    for (const roleId of new Set(agent.roleIds)) increment(agentsPerRole, roleId);
    if (agent.application === 'max') for (const skillId of new Set(agent.skillIds)) increment(maxAgentsPerSkill, skillId);
  }
  return {
    drafts,
    channelIndex: positions(drafts.channels),
    skillIndex: positions(drafts.skills),
    roleIndex: positions(drafts.roles),
    queuedChannelIds,
    roleChannelIds,
    agentsPerRole,
    maxAgentsPerSkill,
  };
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}
