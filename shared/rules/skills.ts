import { characterCount, type DraftsIndex } from './drafts-index';
import { finding, type Finding } from './findings';
import { invalidSkillNameCharacters, SKILL_NAME_MAX, SKILL_NAME_MIN } from './skill-name';

/** The preferred-agent timeout's bounds, in seconds (task 9: "entre 1 et 5 256 000"). */
export const PREFERRED_AGENT_TIMEOUT_MIN = 1;
export const PREFERRED_AGENT_TIMEOUT_MAX = 5_256_000;

/**
 * Digital skills (manual, task 9).
 *
 * Enforced as the manual writes them: the name rule and uniqueness (ignoring case, as CXone
 * compares names); a campaign; inbound unless Personal Connection or BYOC; the preferred-agent
 * timeout required within its bounds and its priority metric chosen; service level only on
 * inbound skills (CXone shows it only there); Accept/Reject off when agents use SFA Classic
 * (contacts would be auto-rejected). Sub-skills and countdowns seen by MAX users are advice: the
 * manual does not recommend the first, and supports the second in Agent only.
 */
export function skillFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  const firstByName = new Map<string, number>();
  index.drafts.skills.forEach((skill, s) => {
    const at = (...rest: (string | number)[]) => ['skills', s, ...rest];
    const length = characterCount(skill.name);
    if (length < SKILL_NAME_MIN || length > SKILL_NAME_MAX) out.push(finding('skill.nameLength', at('name'), { skill: skill.name, length, min: SKILL_NAME_MIN, max: SKILL_NAME_MAX }));
    const invalid = invalidSkillNameCharacters(skill.name);
    if (invalid.length > 0) out.push(finding('skill.nameCharacters', at('name'), { skill: skill.name, characters: invalid.join('') }));
    const key = skill.name.toLocaleLowerCase('en');
    const first = firstByName.get(key);
    if (first === undefined) firstByName.set(key, s);
    else out.push(finding('skill.nameDuplicate', at('name'), { skill: skill.name, otherIndex: first }));

    if (skill.campaign === '') out.push(finding('skill.campaignMissing', at('campaign'), { skill: skill.name }));
    if (skill.direction === 'outbound' && !skill.personalConnectionOrByoc) out.push(finding('skill.outboundNeedsPersonalConnection', at('direction'), { skill: skill.name }));

    const routing = skill.routing;
    if (routing.kind === 'preferredAgent') {
      if (routing.priorityMetric === '') out.push(finding('skill.priorityMetricMissing', at('routing', 'priorityMetric'), { skill: skill.name }));
      const bounds = { min: PREFERRED_AGENT_TIMEOUT_MIN, max: PREFERRED_AGENT_TIMEOUT_MAX };
      if (routing.timeoutSeconds === undefined) out.push(finding('skill.timeoutMissing', at('routing', 'timeoutSeconds'), { skill: skill.name, ...bounds }));
      else if (routing.timeoutSeconds < PREFERRED_AGENT_TIMEOUT_MIN || routing.timeoutSeconds > PREFERRED_AGENT_TIMEOUT_MAX) {
        out.push(finding('skill.timeoutOutOfRange', at('routing', 'timeoutSeconds'), { skill: skill.name, value: routing.timeoutSeconds, ...bounds }));
      }
    }
    if (skill.serviceLevel !== undefined && skill.direction !== 'inbound') out.push(finding('skill.serviceLevelInboundOnly', at('serviceLevel'), { skill: skill.name }));
    if (skill.acceptReject && skill.agentsUseSfaClassic) out.push(finding('skill.acceptRejectWithSfaClassic', at('acceptReject'), { skill: skill.name }));
    if (skill.subSkill) out.push(finding('skill.subSkillNotRecommended', at('subSkill'), { skill: skill.name }));

    const maxAgents = index.maxAgentsPerSkill.get(skill.id) ?? 0;
    if (maxAgents > 0) {
      for (const field of ['agentResponseCountdownSeconds', 'customerResponseCountdownSeconds'] as const) {
        if (skill[field] !== undefined) out.push(finding('skill.countdownAgentOnly', at(field), { skill: skill.name, field, maxAgents }));
      }
    }
  });
  return out;
}
