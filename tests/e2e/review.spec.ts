import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import type { DraftsInput } from '../../shared/model/drafts/drafts';
import { expect, test, type Harness } from './harness/fixture';
import { heading, stepTitle, tickChecklist } from './helpers/screens';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** Drafts with one blocking finding (a one-letter skill name) and one warning (smooch not deleted). */
function draftsWithFindings(): DraftsInput {
  return {
    schemaVersion: 1,
    channels: [{ id: uuid(1), name: 'Jungle Sales', phoneNumber: '+33748111524', startsConversations: false, defaultSkillId: uuid(10), studioScript: 'WA_Inbound_Script', sla: { kind: 'general' } }],
    agents: [],
    roles: [{ id: uuid(20), name: 'WhatsApp responders', description: '', channels: [{ channelId: uuid(1), permissions: ['reply'] }], skillsView: true }],
    queues: [],
    skills: [
      { id: uuid(10), mediaType: 'digital', personalConnectionOrByoc: false, direction: 'inbound', name: 'W', campaign: 'Sales campaign', subSkill: false, routing: { kind: 'proficiency' }, acceptReject: false, agentsUseSfaClassic: false },
    ],
    customComponent: { url: 'https://templates.example.com/settings%s', height: 200, channelIds: [uuid(1)], smoochDeleted: false },
  };
}

/** Saves drafts for the current workspace through the app's own bridge, as the screens do. */
async function saveDrafts(app: Harness, drafts: DraftsInput): Promise<void> {
  await app.page.evaluate(async (input) => {
    const state = await window.setup.drafts.get();
    if (!state.ok) throw new Error('drafts:get failed');
    const saved = await window.setup.drafts.save({ workspaceId: state.value.workspaceId, drafts: input });
    if (!saved.ok) throw new Error('drafts:save failed');
  }, drafts);
}

test.describe('the review', () => {
  test('lists the findings grouped by step and severity, and a finding opens its step', async ({ app }) => {
    await app.open('#/step/review');
    await saveDrafts(app, draftsWithFindings());
    const findings = app.page.getByTestId('review-findings');
    const skills = findings.locator('[data-finding-step="digital-skill"]');
    await expect(skills.locator('[data-severity="blocking"]')).toContainText('Skill name W has 1 characters; it must have 2 to 30.');
    await expect(findings.locator('[data-finding-step="custom-component"] [data-severity="warning"]')).toContainText('smooch');
    const order = await findings.locator('[data-finding-step]').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-finding-step')));
    expect(order).toEqual(['custom-component', 'routing', 'digital-skill']);
    expect((await new AxeBuilder({ page: app.page }).analyze()).violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);

    await skills.getByRole('link', { name: /Skill name W/ }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'digital-skill'));
  });

  test('refuses Mark done on the skills step, naming the blocking finding', async ({ app }) => {
    await app.open('#/step/digital-skill');
    await saveDrafts(app, draftsWithFindings());
    await tickChecklist(app.page);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    const refusal = app.page.getByRole('alert').filter({ hasText: 'This step cannot be marked done yet' });
    await expect(refusal).toContainText('1 blocking finding remains');
    await expect(refusal).toContainText('Skill name W has 1 characters');
    await expect(app.page.getByTestId('step-state')).not.toHaveText('done');
    expect(STEP_CHECKLISTS['digital-skill'].length).toBeGreaterThan(0);
  });

  for (const language of ['en', 'fr'] as const) {
    test.describe(`runbook in ${language}`, () => {
      test.use({ locale: language === 'fr' ? 'fr-FR' : 'en-US' });

      test('saves the runbook HTML with the drafted values', async ({ app }) => {
        await app.open('#/step/review');
        await saveDrafts(app, draftsWithFindings());
        await expect(app.page.getByTestId('review-findings').locator('[data-finding]').first()).toBeVisible();
        await app.page.getByTestId('save-runbook-html').click();
        await expect(app.page.getByRole('status').filter({ hasText: '.html' })).toBeVisible();
        const folder = join(app.dataDir, 'saved-files');
        const file = readdirSync(folder).find((name) => name.endsWith('.html'));
        const html = readFileSync(join(folder, file ?? ''), 'utf8');
        expect(html).toContain(`<html lang="${language}">`);
        for (const value of ['Jungle Sales', '+33748111524', 'WhatsApp responders', 'Sales campaign', 'WA_Inbound_Script', 'https://templates.example.com/settings%s']) expect(html).toContain(value);
        expect(html).toContain(language === 'fr' ? 'Numérique' : 'Digital');
        expect(html).toContain(language === 'fr' ? 'Vue Compétences' : 'Skills View');
      });
    });
  }
});
