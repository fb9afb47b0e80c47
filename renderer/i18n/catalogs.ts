import type { Language } from '../../shared/model/settings/settings';
import enChecklistValues from './en/checklist-values.json';
import enChecklists from './en/checklists.json';
import enDraftsErrors from './en/drafts-errors.json';
import enDraftsRoles from './en/drafts-roles.json';
import enDraftsSkills from './en/drafts-skills.json';
import enFindings from './en/findings.json';
import enMeta from './en/meta.json';
import enRequirements from './en/requirements.json';
import enSettings from './en/settings.json';
import enShell from './en/shell.json';
import enSteps from './en/steps.json';
import enUpdates from './en/updates.json';
import enWorkspace from './en/workspace.json';
import frChecklistValues from './fr/checklist-values.json';
import frChecklists from './fr/checklists.json';
import frDraftsErrors from './fr/drafts-errors.json';
import frDraftsRoles from './fr/drafts-roles.json';
import frDraftsSkills from './fr/drafts-skills.json';
import frFindings from './fr/findings.json';
import frMeta from './fr/meta.json';
import frRequirements from './fr/requirements.json';
import frSettings from './fr/settings.json';
import frShell from './fr/shell.json';
import frSteps from './fr/steps.json';
import frUpdates from './fr/updates.json';
import frWorkspace from './fr/workspace.json';

/** A catalog: nested objects whose leaves are messages. */
export type Catalog = { readonly [key: string]: string | Catalog };

/**
 * Merges one language's area files into the catalog i18next reads.
 *
 * Each area (shell, settings, meta, a step...) owns its file, so adding a feature adds a file
 * rather than editing a shared one. Two files may share a branch (`errors`), never a message:
 * a key defined twice throws, so one area cannot silently override another's words.
 */
export function mergeCatalogs(parts: readonly Catalog[]): Catalog {
  const merge = (into: Record<string, string | Catalog>, from: Catalog, path: string): Catalog => {
    for (const [key, value] of Object.entries(from)) {
      const at = path ? `${path}.${key}` : key;
      const existing = into[key];
      if (existing === undefined) into[key] = typeof value === 'string' ? value : merge({}, value, at);
      else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`catalog key defined twice: ${at}`);
      else merge(existing as Record<string, string | Catalog>, value, at);
    }
    return into as Catalog;
  };
  const out: Record<string, string | Catalog> = {};
  for (const part of parts) merge(out, part, '');
  return out;
}

const en = [enShell, enSettings, enMeta, enSteps, enRequirements, enChecklists, enWorkspace, enUpdates, enDraftsSkills, enFindings, enDraftsErrors, enDraftsRoles, enChecklistValues] as const;
const fr = [frShell, frSettings, frMeta, frSteps, frRequirements, frChecklists, frWorkspace, frUpdates, frDraftsSkills, frFindings, frDraftsErrors, frDraftsRoles, frChecklistValues] as const;

/**
 * The UI's translation catalogs, one per language the app ships.
 *
 * Both are bundled: they are small, and loading them over the network would need a CSP
 * exception (connect-src) for no gain.
 */
export const CATALOGS: Record<Language, Catalog> = { en: mergeCatalogs(en), fr: mergeCatalogs(fr) };
