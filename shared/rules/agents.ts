import { finding, type Finding } from './findings';
import type { DraftsIndex } from './drafts-index';

/**
 * Who can handle digital contacts, and with how many roles (manual, task 7).
 *
 * The French manual distinguishes the agent applications: on Agent a user needs BOTH the
 * Digital Engagement attribute and a digital skill; on MAX either one is enough. (Its stray
 * English sentence saying "either ... or" for everyone is not the rule, DOMAIN.md.) A Digital
 * Experience user has exactly one role. Only skills of the drafts count as digital skills, since
 * every drafted skill is digital; a reference to a skill or role that is not drafted is reported.
 */
export function agentFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  index.drafts.agents.forEach((agent, a) => {
    let knownSkills = 0;
    agent.skillIds.forEach((skillId, s) => {
      if (index.skillIndex.has(skillId)) knownSkills += 1;
      else out.push(finding('agent.unknownSkill', ['agents', a, 'skillIds', s], { agent: agent.name }));
    });
    const hasSkill = knownSkills > 0;
    const hasEngagement = agent.digitalEngagement;
    if (agent.application === 'agent' && !(hasEngagement && hasSkill)) {
      out.push(finding('agent.agentAppNeedsEngagementAndSkill', ['agents', a, hasEngagement ? 'skillIds' : 'digitalEngagement'], { agent: agent.name, hasEngagement, hasSkill }));
    }
    if (agent.application === 'max' && !hasEngagement && !hasSkill) {
      out.push(finding('agent.maxNeedsEngagementOrSkill', ['agents', a, 'digitalEngagement'], { agent: agent.name }));
    }
    const roles = new Set(agent.roleIds).size;
    if (roles === 0) out.push(finding('agent.noRole', ['agents', a, 'roleIds'], { agent: agent.name }));
    if (roles > 1) out.push(finding('agent.multipleRoles', ['agents', a, 'roleIds'], { agent: agent.name, count: roles }));
    agent.roleIds.forEach((roleId, r) => {
      if (!index.roleIndex.has(roleId)) out.push(finding('agent.unknownRole', ['agents', a, 'roleIds', r], { agent: agent.name }));
    });
  });
  return out;
}
