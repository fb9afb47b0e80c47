import { describe, expect, it } from 'vitest';
import { STEP_CHECKLISTS, type ChecklistItem } from '../../shared/step-checklists';
import { STEP_IDS, type StepId } from '../../shared/steps';
import en from '../../renderer/i18n/en/checklists.json';
import fr from '../../renderer/i18n/fr/checklists.json';
import enValues from '../../renderer/i18n/en/checklist-values.json';
import frValues from '../../renderer/i18n/fr/checklist-values.json';
import enForms from '../../renderer/i18n/en/drafts-skills.json';
import frForms from '../../renderer/i18n/fr/drafts-skills.json';
import enFindings from '../../renderer/i18n/en/findings.json';
import enMeta from '../../renderer/i18n/en/meta.json';
import frMeta from '../../renderer/i18n/fr/meta.json';

type Language = 'en' | 'fr';
type Sentences = Readonly<Record<string, Readonly<Record<string, string>>>>;

// The JSON imports are typed by their literal shape; reading them by step id needs the wider type.
const sentences: Record<Language, Sentences> = { en: en.checklists, fr: fr.checklists };
const languages: readonly Language[] = ['en', 'fr'];

/** The sentence of one item in one language, or undefined when the catalog lacks it. */
function sentenceOf(language: Language, step: StepId, item: string): string | undefined {
  return sentences[language][step]?.[item];
}

/** The items of one step, read through the common item shape whatever literal types the list keeps. */
function itemsOf(step: StepId): readonly ChecklistItem[] {
  return STEP_CHECKLISTS[step];
}

/** Everything the admin reads for a step in one language: its sentences and its path labels. */
function textOf(language: Language, step: StepId): string {
  return itemsOf(step)
    .map((item) => [sentenceOf(language, step, item.id) ?? '', ...(item.path?.[language] ?? [])].join(' '))
    .join('\n');
}

const allItems: readonly (readonly [StepId, ChecklistItem])[] = STEP_IDS.flatMap((step) => itemsOf(step).map((item) => [step, item] as const));

describe('step checklists', () => {
  it('give every step of the wizard a checklist, and no other key', () => {
    expect(Object.keys(STEP_CHECKLISTS).sort()).toEqual([...STEP_IDS].sort());
  });

  it('give each manual task at least one item (only the review step may be empty)', () => {
    expect(STEP_IDS.filter((step) => step !== 'review' && itemsOf(step).length === 0)).toEqual([]);
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

  /*
   * The product's own words, wherever the app shows them. English labels are those of NICE's
   * English help pages (help.nice-incontact.com: the WhatsApp page's opening for Points of Contact
   * Digital, "Manage Digital Routing" and "Set Up Work Items" for the skill path, "Manage System
   * Settings" for the SLA, the "Routing" page's evaluation criteria); French ones are the manual's.
   * A screen, a checklist and the runbook that name one field two ways send the admin hunting.
   */
  describe("CXone's labels", () => {
    const path = (step: StepId, id: string) => itemsOf(step).find((item) => item.id === id)?.path;

    it('follow NICE\'s English menus along the click paths', () => {
      expect(path('connect', 'open-whatsapp-cloud-api')?.en.slice(0, 3)).toEqual(['ACD', 'Digital', 'Points of Contact Digital']);
      expect(path('default-skill', 'open-points-of-contact')?.en).toEqual(['ACD', 'Digital', 'Points of Contact Digital']);
      expect(path('roles', 'open-roles')?.en).toEqual(['ACD', 'Digital', 'Roles']);
      expect(path('digital-skill', 'open-new-skill')?.en).toEqual(['ACD', 'Contact Settings', 'ACD Skills', 'Create New', 'Single Skill']);
      expect(path('sla', 'open-sla')?.en).toEqual(['ACD', 'Digital', 'SLA']);
    });

    it('name the channel button Create Channel in English and alike in every French text', () => {
      expect(sentenceOf('en', 'connect', 'log-in-with-facebook')).toContain('Create Channel');
      expect(enMeta.connect.cxonePart).toContain('Points of Contact Digital');
      expect(enMeta.connect.cxonePart).toContain('Create Channel');
      expect(sentenceOf('fr', 'connect', 'log-in-with-facebook')).toContain('Créer un canal');
      expect(frMeta.connect.cxonePart).toContain('Créer un canal');
    });

    it('call the SLA times First Response Time and Solution Time on every English screen', () => {
      const shown = [
        sentenceOf('en', 'sla', 'set-times') ?? '',
        enValues.checklistValues.field.firstResponse,
        enValues.checklistValues.field.resolution,
        enForms.sla.firstResponse,
        enForms.sla.resolution,
        enFindings.findingFields.firstResponse,
        enFindings.findingFields.resolution,
      ].join('\n');
      expect(shown.match(/First Response Time/g)).toHaveLength(4);
      expect(shown.match(/Solution Time/g)).toHaveLength(4);
      expect(shown).not.toMatch(/resolution time/i);
      expect(frValues.checklistValues.field.resolution).toBe('Temps de résolution');
      expect(frForms.sla.resolution).toBe('Temps de résolution');
    });

    it('offer the SLA choice with the very YES and NO, DIFFERENT the checklist quotes', () => {
      expect(sentenceOf('en', 'sla', 'general-or-own')).toContain(enForms.sla.useGeneralYes);
      expect(sentenceOf('en', 'sla', 'general-or-own')).toContain(enForms.sla.useGeneralNo);
      expect(sentenceOf('fr', 'sla', 'general-or-own')).toContain(frForms.sla.useGeneralYes);
      expect(sentenceOf('fr', 'sla', 'general-or-own')).toContain(frForms.sla.useGeneralNo);
      expect([frForms.sla.useGeneralYes, frForms.sla.useGeneralNo]).toEqual(['OUI', 'NON, DIFFÉRENT']);
    });

    it('list the evaluation criteria the skill form offers, with the same names in the checklist', () => {
      for (const [language, forms] of [['en', enForms], ['fr', frForms]] as const) {
        const criteria = Object.values(forms.digitalSkill.routing);
        expect(criteria, language).toHaveLength(4);
        for (const name of criteria) expect(sentenceOf(language, 'digital-skill', 'routing-configuration'), `${language}: ${name}`).toContain(name);
      }
      expect(Object.values(enForms.digitalSkill.routing)).toEqual(['Skill Proficiency', 'Preferred Agent', 'Least Occupied', 'Most Occupied']);
      expect(Object.values(frForms.digitalSkill.routing)).toEqual(['Aptitude pour la compétence', 'Agent préféré', 'Le moins occupé', 'Les plus occupés']);
    });
  });
});
