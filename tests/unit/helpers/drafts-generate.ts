import { Drafts } from '../../../shared/model/drafts/drafts';

/** A v4-shaped uuid from a collection number and an index, so generated drafts are repeatable. */
export function generatedId(collection: number, index: number): string {
  return `${collection.toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** How many of each a generated workspace holds. */
export interface DraftsSize {
  skills: number;
  roles: number;
  queues: number;
  channels: number;
  agents: number;
}

/** The benchmark's tenant: the largest the drafts limits are sized for. */
export const LARGE_WORKSPACE: DraftsSize = { skills: 5_000, roles: 500, queues: 200, channels: 200, agents: 1_000 };

/**
 * Valid drafts of the given size, parsed by the real schema.
 *
 * Every reference points at something that exists (agents' skills and roles, queues' channels,
 * channels' default skills), so the rules walk real look-ups, not dangling ones. `seed` changes
 * names only, to tell two versions of the same size apart.
 */
export function generateDrafts(size: DraftsSize, seed = 0): Drafts {
  const channelId = (i: number) => generatedId(1, i);
  const skillId = (i: number) => generatedId(2, i);
  const roleId = (i: number) => generatedId(3, i);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  return Drafts.parse({
    schemaVersion: 1,
    channels: range(size.channels).map((i) => ({
      id: channelId(i),
      name: `WhatsApp ${i} v${seed}`,
      phoneNumber: `+3374${String(8_000_000 + i).padStart(7, '0')}`,
      startsConversations: i % 2 === 0,
      defaultSkillId: size.skills > 0 ? skillId(i % size.skills) : null,
      studioScript: 'WA_Inbound',
      sla: i % 3 === 0 ? { kind: 'own', firstResponse: { days: 0, hours: 1, minutes: 0 }, resolution: { days: 1, hours: 0, minutes: 0 } } : { kind: 'general' },
    })),
    agents: range(size.agents).map((i) => ({
      id: generatedId(4, i),
      name: `Agent ${i}`,
      application: i % 2 === 0 ? 'agent' : 'max',
      digitalEngagement: true,
      skillIds: size.skills > 0 ? [skillId(i % size.skills)] : [],
      roleIds: size.roles > 0 ? [roleId(i % size.roles)] : [],
    })),
    roles: range(size.roles).map((i) => ({
      id: roleId(i),
      name: `Role ${i}`,
      description: 'WhatsApp agents',
      channels: size.channels > 0 ? [{ channelId: channelId(i % size.channels), permissions: ['reply'] }] : [],
      skillsView: true,
    })),
    queues: range(size.queues).map((i) => ({
      id: generatedId(5, i),
      name: `Queue ${i}`,
      filters: size.channels > 0 ? [{ id: generatedId(6, i), name: `Filter ${i}`, conditions: [{ type: 'includedChannels', channelIds: [channelId(i % size.channels)] }] }] : [],
    })),
    skills: range(size.skills).map((i) => ({
      id: skillId(i),
      mediaType: 'digital',
      personalConnectionOrByoc: false,
      direction: 'inbound',
      name: `WA_Skill_${i}_${seed}`,
      campaign: 'Sales',
      subSkill: false,
      routing: i % 4 === 1 ? { kind: 'preferredAgent', priorityMetric: 'Longest idle', fallback: 'whenOffline', timeoutSeconds: 30 } : { kind: 'proficiency' },
      serviceLevel: { thresholdSeconds: 30, goalPercent: 80 },
      acceptReject: false,
      agentsUseSfaClassic: false,
    })),
    generalSla: { firstResponse: { days: 0, hours: 2, minutes: 0 }, resolution: { days: 1, hours: 0, minutes: 0 } },
    customComponent: { url: 'https://templates.example.com/settings?tenant=1', height: 200, channelIds: [], smoochDeleted: true },
  });
}
