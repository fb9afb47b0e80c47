/**
 * The shape of the catalog, as the type checker sees it: every English area file, merged.
 *
 * Registered with i18next below, so `t()` accepts only a key the catalogs hold: a key that is
 * not there, spelt out or built from a template, fails the typecheck. English is the reference;
 * the catalog tests keep French holding the same keys.
 *
 * One line per area file: `scripts/typecheck.mjs` fails, naming the file, while an
 * `en/<area>.json` is missing here (its keys would be unknown to `t()`). The area files share
 * top-level branches (`errors`, `validation`...), which the intersection merges just as
 * `mergeCatalogs` does at run time.
 */
export type EnglishCatalog = typeof import('./en/checklist-values.json') &
  typeof import('./en/checklists.json') &
  typeof import('./en/drafts-errors.json') &
  typeof import('./en/drafts-roles.json') &
  typeof import('./en/drafts-skills.json') &
  typeof import('./en/findings.json') &
  typeof import('./en/meta-onboarding-errors.json') &
  typeof import('./en/meta.json') &
  typeof import('./en/onboarding.json') &
  typeof import('./en/requirements.json') &
  typeof import('./en/settings.json') &
  typeof import('./en/shell.json') &
  typeof import('./en/status.json') &
  typeof import('./en/steps.json') &
  typeof import('./en/templates.json') &
  typeof import('./en/updates.json') &
  typeof import('./en/workspace.json');

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: EnglishCatalog };
    /** `t()` returns a string, never `null`. */
    returnNull: false;
    /** A default value does not excuse a key the catalogs lack. */
    strictKeyChecks: true;
  }
}
