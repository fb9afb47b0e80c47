import type { DraftsIndex } from './drafts-index';
import { finding, type Finding } from './findings';

/**
 * Default skill and default Studio script of each point of contact (manual, task 10).
 *
 * "Tous les points de contact numériques doivent se voir attribuer une compétence par défaut et
 * un script par défaut Studio", and at least one script and one skill must exist first. Skills
 * are drafted, so "none exists" is known; Studio scripts are not drafted (they are made in
 * Studio), so when no channel names one yet the finding is a warning reminding the admin to
 * create a script first, not a certainty.
 */
export function defaultSkillFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  const { drafts } = index;
  if (drafts.channels.length === 0) return out;
  if (drafts.skills.length === 0) out.push(finding('defaultSkill.noSkillExists', ['skills']));
  if (drafts.channels.every((channel) => channel.studioScript === '')) out.push(finding('defaultSkill.noScriptExists', ['channels']));
  drafts.channels.forEach((channel, c) => {
    if (channel.defaultSkillId === null) out.push(finding('defaultSkill.skillMissing', ['channels', c, 'defaultSkillId'], { channel: channel.name }));
    else if (!index.skillIndex.has(channel.defaultSkillId)) out.push(finding('defaultSkill.unknownSkill', ['channels', c, 'defaultSkillId'], { channel: channel.name }));
    if (channel.studioScript === '') out.push(finding('defaultSkill.scriptMissing', ['channels', c, 'studioScript'], { channel: channel.name }));
  });
  return out;
}
