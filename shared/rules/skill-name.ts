import { characterCount } from './drafts-index';

/** The manual's bounds for a skill name (task 9). */
export const SKILL_NAME_MIN = 2;
export const SKILL_NAME_MAX = 30;

/**
 * A character allowed in a skill name: letters, digits, `-`, `_`, `.`, `:` (task 9).
 *
 * The manual says "lettres" without saying which alphabet, so any Unicode letter is accepted:
 * refusing "é" here could block a valid French name, while CXone's own form still catches a
 * letter it refuses. `suggestSkillName` produces ASCII only, which is valid either way.
 */
const ALLOWED = /^[\p{L}\p{Nd}\-_.:]$/u;

/** The characters of a skill name the manual does not allow, each once, in order of appearance. */
export function invalidSkillNameCharacters(name: string): string[] {
  const found = new Set<string>();
  for (const character of name) if (!ALLOWED.test(character)) found.add(character);
  return [...found];
}

/** Whether a name satisfies the manual's skill-name rule (length and characters; not uniqueness). */
export function isValidSkillName(name: string): boolean {
  const length = characterCount(name);
  return length >= SKILL_NAME_MIN && length <= SKILL_NAME_MAX && invalidSkillNameCharacters(name).length === 0;
}

/** The parts of a naming convention: channel, language and purpose, e.g. WA, FR, Sales. */
export interface SkillNameParts {
  readonly channel: string;
  readonly language: string;
  readonly purpose: string;
}

/** Used when the parts hold nothing usable, so the suggestion is still a valid name. */
const FALLBACK = 'Skill';

/** One part of a suggested name: accents dropped, spaces as `-`, anything else invalid removed. */
function cleanPart(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^A-Za-z0-9\-.:]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.:]+|[-.:]+$/g, '');
}

/**
 * A skill name following the manual's advice of a consistent naming format: `WA_FR_Sales`.
 *
 * The manual asks for descriptive, consistent names; this builds `<channel>_<language>_<purpose>`
 * and always returns a name valid under the skill-name rule: accents are dropped, invalid
 * characters removed, the result cut to 30 characters, and a too-short result completed.
 * ASCII only, because the manual's "letters" may not include accented ones in CXone.
 */
export function suggestSkillName(parts: SkillNameParts): string {
  const joined = [parts.channel, parts.language, parts.purpose].map(cleanPart).filter((part) => part.length > 0).join('_');
  const cut = joined.slice(0, SKILL_NAME_MAX).replace(/[-_.:]+$/, '');
  if (cut.length >= SKILL_NAME_MIN) return cut;
  return cut.length > 0 ? `${cut}_${FALLBACK}` : FALLBACK;
}
