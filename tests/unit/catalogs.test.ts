import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors/index';
import { NOTICE_CODES } from '../../shared/model/app/app';
import { FINDING_CODES, FINDING_SEVERITIES } from '../../shared/rules/findings';
import { STEP_IDS } from '../../shared/steps';
import { CATALOGS } from '../../renderer/i18n/all-catalogs';
import { mergeCatalogs, type Catalog } from '../../renderer/i18n/catalogs';

/** Every leaf key of a nested catalog, dotted the way i18next looks them up. */
function leafKeys(catalog: Catalog, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [child, text] of leafKeys(value, path)) keys.set(child, text);
  }
  return keys;
}

/** Keys of `reference` that `candidate` lacks (or holds as an empty string). */
function missingKeys(reference: Catalog, candidate: Catalog): string[] {
  const have = leafKeys(candidate);
  return [...leafKeys(reference).keys()].filter((key) => !have.get(key));
}

/** `{{name}}` placeholders of a message, sorted, so both languages fill the same values. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const root = resolve(__dirname, '../..');
const catalogs = CATALOGS;
const languages = Object.keys(catalogs) as (keyof typeof catalogs)[];

describe('translation catalogs', () => {
  it('report a key missing from a catalog (the comparison can fail)', () => {
    const reference: Catalog = { errors: { internal: 'x', meta: { session: { cancelled: 'y' } } }, app: { title: 'z' } };
    const candidate: Catalog = { errors: { internal: 'x', meta: { session: {} } }, app: { title: '' } };
    expect(missingKeys(reference, candidate)).toEqual(['errors.meta.session.cancelled', 'app.title']);
    expect(missingKeys(candidate, reference)).toEqual([]);
  });

  it('refuse a message that two area files both define', () => {
    expect(() => mergeCatalogs([{ errors: { meta: { network: 'a' } } }, { errors: { meta: { network: 'b' } } }])).toThrow(/errors\.meta\.network/);
    expect(mergeCatalogs([{ errors: { meta: { network: 'a' } } }, { errors: { settings: { invalid: 'b' } } }])).toEqual({ errors: { meta: { network: 'a' }, settings: { invalid: 'b' } } });
  });

  it('hold the same keys in French and in English', () => {
    expect(missingKeys(catalogs.en, catalogs.fr), 'in en.json, missing from fr.json').toEqual([]);
    expect(missingKeys(catalogs.fr, catalogs.en), 'in fr.json, missing from en.json').toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const frKeys = leafKeys(catalogs.fr);
    const differing = [...leafKeys(catalogs.en)].filter(([key, text]) => frKeys.has(key) && placeholders(text).join() !== placeholders(frKeys.get(key) ?? '').join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  for (const language of languages) {
    describe(language, () => {
      const keys = leafKeys(catalogs[language]);

      it('translate every error code main may send', () => {
        expect(ERROR_CODES.filter((code) => !keys.has(`errors.${code}`))).toEqual([]);
      });

      it('word every finding code the rules may return, and every severity', () => {
        expect(FINDING_CODES.filter((code) => !keys.get(`findings.${code}`))).toEqual([]);
        expect(FINDING_SEVERITIES.filter((severity) => !keys.get(`severity.${severity}`))).toEqual([]);
      });

      it('translate every notice code', () => {
        expect(NOTICE_CODES.filter((code) => !keys.has(`notices.${code}`))).toEqual([]);
      });

      it('name and explain every step', () => {
        const missing = STEP_IDS.flatMap((id) => ['short', 'title', 'why'].map((part) => `steps.${id}.${part}`)).filter((key) => !keys.has(key));
        expect(missing).toEqual([]);
      });

      it('translate every state a step can show', () => {
        expect(['not_started', 'in_progress', 'done', 'skipped', 'waiting'].filter((state) => !keys.has(`state.${state}`))).toEqual([]);
      });

      it('translate every validation message the shared schemas use', () => {
        const used = sourceFiles(join(root, 'shared')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/['"`](validation\.\w+)['"`]/g)].map((match) => match[1] ?? ''));
        expect(used.length).toBeGreaterThan(0);
        expect(used.filter((key) => !keys.has(key))).toEqual([]);
      });

      it('hold every literal key the renderer asks for', () => {
        const used = sourceFiles(join(root, 'renderer')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((match) => match[1] ?? ''));
        expect(used.length).toBeGreaterThan(20);
        expect([...new Set(used)].filter((key) => !keys.has(key) && !(keys.has(`${key}_one`) && keys.has(`${key}_other`)))).toEqual([]);
      });
    });
  }
});
