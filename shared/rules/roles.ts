import { characterCount, type DraftsIndex } from './drafts-index';
import { finding, type Finding } from './findings';

/** CXone's longest role name (DOMAIN.md, CXone limits). */
export const ROLE_NAME_MAX = 50;
/** CXone's longest role description. */
export const ROLE_DESCRIPTION_MAX = 200;
/** Characters CXone refuses in a role name: / \ + ! ? < > # & , % " */
export const ROLE_NAME_FORBIDDEN = ['/', '\\', '+', '!', '?', '<', '>', '#', '&', ',', '%', '"'] as const;

const FORBIDDEN = new Set<string>(ROLE_NAME_FORBIDDEN);

/** The reserved characters a role name contains, each once, in the order they appear. */
export function forbiddenRoleNameCharacters(name: string): string[] {
  const found = new Set<string>();
  for (const character of name) if (FORBIDDEN.has(character)) found.add(character);
  return [...found];
}

/**
 * Roles and their channel permissions (manual, task 7).
 *
 * Every role that uses the channel needs Reply (Réponse), or its users cannot answer; agents'
 * roles also need Skills View (Vue Compétences) in the Admin application. Names follow CXone's
 * limits: unique ignoring case (role names are never reusable, so a clash cannot be fixed later
 * by renaming the other), at most 50 characters, none of the reserved characters; descriptions
 * at most 200. A channel no role includes is a warning: nobody could reply on it, unless the
 * admin relies on a role not drafted here.
 */
export function roleFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  const { drafts } = index;
  const firstByName = new Map<string, number>();
  drafts.roles.forEach((role, r) => {
    const length = characterCount(role.name);
    if (length > ROLE_NAME_MAX) out.push(finding('role.nameTooLong', ['roles', r, 'name'], { role: role.name, length, max: ROLE_NAME_MAX }));
    const forbidden = forbiddenRoleNameCharacters(role.name);
    if (forbidden.length > 0) out.push(finding('role.nameForbiddenCharacters', ['roles', r, 'name'], { role: role.name, characters: forbidden.join('') }));
    const key = role.name.toLocaleLowerCase('en');
    const first = firstByName.get(key);
    if (first === undefined) firstByName.set(key, r);
    else out.push(finding('role.nameDuplicate', ['roles', r, 'name'], { role: role.name, otherIndex: first }));
    const descriptionLength = characterCount(role.description);
    if (descriptionLength > ROLE_DESCRIPTION_MAX) {
      out.push(finding('role.descriptionTooLong', ['roles', r, 'description'], { role: role.name, length: descriptionLength, max: ROLE_DESCRIPTION_MAX }));
    }
    role.channels.forEach((row, c) => {
      const channelIndex = index.channelIndex.get(row.channelId);
      if (channelIndex === undefined) {
        out.push(finding('role.unknownChannel', ['roles', r, 'channels', c, 'channelId'], { role: role.name }));
        return;
      }
      if (!row.permissions.includes('reply')) {
        out.push(finding('role.replyMissing', ['roles', r, 'channels', c, 'permissions'], { role: role.name, channel: drafts.channels[channelIndex]?.name ?? '' }));
      }
    });
    const agents = index.agentsPerRole.get(role.id) ?? 0;
    if (agents > 0 && !role.skillsView) out.push(finding('role.skillsViewMissing', ['roles', r, 'skillsView'], { role: role.name, agents }));
  });
  drafts.channels.forEach((channel, c) => {
    if (!index.roleChannelIds.has(channel.id)) out.push(finding('role.channelInNoRole', ['channels', c], { channel: channel.name }));
  });
  return out;
}
