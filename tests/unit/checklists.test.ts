import { describe, expect, it } from 'vitest';
import { STEP_CHECKLISTS, type ChecklistItem } from '../../shared/step-checklists';
import { STEP_IDS, type StepId } from '../../shared/steps';
import en from '../../renderer/i18n/en/checklists.json';
import fr from '../../renderer/i18n/fr/checklists.json';

type Language = 'en' | 'fr';
type Sentences = Readonly<Record<string, Readonly<Record<string, string>>>>;

// The JSON imports are typed by their literal shape; reading them by step id needs the wider type.
const sentences: Record<Language, Sentences> = { en: en.checklists, fr: fr.checklists };
const languages: readonly Language[] = ['en', 'fr'];

/** The sentence of one item in one language, or undefined when the catalog lacks it. */
function sentenceOf(language: Language, step: StepId, item: string): string | undefined {
  return sentences[language][step]?.[item];
}

/** Everything the admin reads for a step in one language: its sentences and its path labels. */
function textOf(language: Language, step: StepId): string {
  return STEP_CHECKLISTS[step]
    .map((item) => [sentenceOf(language, step, item.id) ?? '', ...(item.path?.[language] ?? [])].join(' '))
    .join('\n');
}

const allItems: readonly (readonly [StepId, ChecklistItem])[] = STEP_IDS.flatMap((step) => STEP_CHECKLISTS[step].map((item) => [step, item] as const));

describe('step checklists', () => {
  it('give every step of the wizard a checklist, and no other key', () => {
    expect(Object.keys(STEP_CHECKLISTS).sort()).toEqual([...STEP_IDS].sort());
  });

  it('give each manual task at least one item (only the review step may be empty)', () => {
    expect(STEP_IDS.filter((step) => step !== 'review' && STEP_CHECKLISTS[step].length === 0)).toEqual([]);
  });

  it('use kebab-case ids, unique within their step', () => {
    for (const step of STEP_IDS) {
      const ids = STEP_CHECKLISTS[step].map((item) => item.id);
      expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)), step).toEqual([]);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), step).toEqual([]);
    }
  });

  it('give each path the same number of labels in French and English, none of them blank', () => {
    const withPath = allItems.filter(([, item]) => item.path);
    expect(withPath.length).toBeGreaterThan(0);
    for (const [step, item] of withPath) {
      const path = item.path;
      if (!path) continue;
      expect(path.fr.length, `${step}.${item.id}`).toBeGreaterThan(0);
      expect(path.fr.length, `${step}.${item.id}`).toBe(path.en.length);
      expect([...path.fr, ...path.en].filter((label) => label.trim() === ''), `${step}.${item.id}`).toEqual([]);
    }
  });

  for (const language of languages) {
    describe(language, () => {
      it('hold a non-empty sentence for every item', () => {
        const missing = allItems.filter(([step, item]) => !sentenceOf(language, step, item.id)?.trim()).map(([step, item]) => `${step}.${item.id}`);
        expect(missing).toEqual([]);
      });

      it('hold no sentence for an item the checklists lack (a renamed id would leave one behind)', () => {
        const orphans = Object.entries(sentences[language]).flatMap(([step, items]) =>
          Object.keys(items)
            .filter((id) => !(STEP_IDS as readonly string[]).includes(step) || !STEP_CHECKLISTS[step as StepId].some((item) => item.id === id))
            .map((id) => `${step}.${id}`),
        );
        expect(orphans).toEqual([]);
      });

      it('use {{path}} in a sentence exactly when its item has a path', () => {
        const wrong = allItems
          .filter(([step, item]) => (sentenceOf(language, step, item.id) ?? '').includes('{{path}}') !== Boolean(item.path))
          .map(([step, item]) => `${step}.${item.id}`);
        expect(wrong).toEqual([]);
      });

      it('use no placeholder other than {{path}}', () => {
        const others = allItems.filter(([step, item]) => /\{\{(?!path\}\})/.test(sentenceOf(language, step, item.id) ?? '')).map(([step, item]) => `${step}.${item.id}`);
        expect(others).toEqual([]);
      });

      it('name the custom component to delete by its smooch URL', () => {
        const smooch = STEP_CHECKLISTS['custom-component'].filter((item) => /smooch/i.test(sentenceOf(language, 'custom-component', item.id) ?? ''));
        expect(smooch.length).toBeGreaterThan(0);
      });
    });
  }

  it('never call a channel "chaîne" in French (the manual\'s mistranslation of channel)', () => {
    const french = STEP_IDS.map((step) => textOf('fr', step)).join('\n');
    expect(french).not.toMatch(/chaîne/i);
  });

  it('name the Reply and Skills View permissions on the roles step, with their French UI labels', () => {
    expect(textOf('fr', 'roles')).toContain('Réponse');
    expect(textOf('fr', 'roles')).toContain('Vue Compétences');
    expect(textOf('en', 'roles')).toContain('Reply');
    expect(textOf('en', 'roles')).toContain('Skills View');
  });

  it('set the digital skill media type to Numérique in French and Digital in English', () => {
    expect(textOf('fr', 'digital-skill')).toMatch(/Type de média sur Numérique/);
    expect(textOf('en', 'digital-skill')).toMatch(/Media Type to Digital/);
  });

  it('require both the attribute and a skill for Agent, either for MAX, in both languages', () => {
    expect(sentenceOf('en', 'roles', 'agents-can-handle-digital')).toMatch(/Agent need the Digital Engagement attribute turned on and a digital skill.*MAX need the Digital Engagement attribute or a digital skill/);
    expect(sentenceOf('fr', 'roles', 'agents-can-handle-digital')).toMatch(/Agent doivent avoir l'attribut Digital Engagement activé et être affectés à une compétence numérique.*MAX doivent avoir l'attribut Digital Engagement ou une compétence numérique/);
  });
});
