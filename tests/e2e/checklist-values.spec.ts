import type { Page } from '@playwright/test';
import type { DraftsInput } from '../../shared/model/drafts/drafts';
import { expect, test, type Harness } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { heading, stepTitle } from './helpers/screens';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** A channel, one skill named `skillName`, and the component URL pasted without `%s`. */
function drafts(skillName: string): DraftsInput {
  return {
    schemaVersion: 1,
    channels: [{ id: uuid(1), name: 'Jungle Sales', phoneNumber: '+33748111524', startsConversations: false, defaultSkillId: uuid(10), studioScript: 'WA_Inbound_Script', sla: { kind: 'general' } }],
    agents: [],
    roles: [],
    queues: [],
    skills: [
      { id: uuid(10), mediaType: 'digital', personalConnectionOrByoc: false, direction: 'inbound', name: skillName, campaign: 'Sales campaign', subSkill: false, routing: { kind: 'proficiency' }, acceptReject: false, agentsUseSfaClassic: false },
    ],
    customComponent: { url: 'https://templates.example.com/settings', height: 200, channelIds: [uuid(1)], smoochDeleted: true },
  };
}

/** Saves drafts for the current workspace through the app's own bridge, as the screens do. */
async function saveDrafts(app: Harness, input: DraftsInput): Promise<void> {
  await app.page.evaluate(async (body) => {
    const state = await window.setup.drafts.get();
    if (!state.ok) throw new Error('drafts:get failed');
    const saved = await window.setup.drafts.save({ workspaceId: state.value.workspaceId, drafts: body });
    if (!saved.ok) throw new Error('drafts:save failed');
  }, input);
}

/** The values shown under one checklist item. */
const valuesOf = (page: Page, item: string) => page.locator(`[data-testid="checklist"] [data-item="${item}"] [data-testid="checklist-values"]`);

test.describe('checklist values', () => {
  test('shows the drafted skill name under its item, and Copy puts it on the clipboard', async ({ app }) => {
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open('#/step/digital-skill');
    await saveDrafts(app, drafts('WA_FR_Sales'));
    const name = valuesOf(app.page, 'skill-name');
    await expect(name).toContainText('Skill Name:');
    await expect(name.getByTestId('checklist-value')).toHaveText('WA_FR_Sales');
    await expect(valuesOf(app.page, 'campaign')).toContainText('Sales campaign');
    await expectNoAxeViolations(app.page);

    await name.getByRole('button', { name: 'Copy WA_FR_Sales' }).click();
    await expect(name.getByRole('status')).toHaveText('Copied');
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe('WA_FR_Sales');
  });

  test('says so when the clipboard is refused, and selects the value', async ({ app }) => {
    await app.open('#/step/digital-skill');
    await saveDrafts(app, drafts('WA_FR_Sales'));
    await app.page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    const name = valuesOf(app.page, 'skill-name');
    await name.getByRole('button', { name: 'Copy WA_FR_Sales' }).click();
    await expect(name.getByRole('status')).toContainText('The clipboard refused the copy');
    expect(await app.page.evaluate(() => window.getSelection()?.toString())).toBe('WA_FR_Sales');
    expect(app.problems()).toEqual([]);
  });

  test('shows the component URL with %s once and the height 200', async ({ app }) => {
    await app.open('#/step/custom-component');
    await saveDrafts(app, drafts('WA_FR_Sales'));
    await expect(valuesOf(app.page, 'paste-url').getByTestId('checklist-value')).toHaveText('https://templates.example.com/settings%s');
    await expect(valuesOf(app.page, 'set-height')).toContainText('Height:');
    await expect(valuesOf(app.page, 'set-height').getByTestId('checklist-value')).toHaveText('200');
    await expect(valuesOf(app.page, 'select-channels').getByTestId('checklist-value')).toHaveText('Jungle Sales');
    await expect(valuesOf(app.page, 'paste-url').getByRole('button', { name: 'Copy https://templates.example.com/settings%s' })).toBeVisible();
    await expectNoAxeViolations(app.page);
  });

  test("opens a finding's step from the review with focus in its field", async ({ app }) => {
    await app.open('#/step/review');
    const base = drafts('WA_FR_Sales');
    await saveDrafts(app, {
      ...base,
      channels: base.channels.map((channel) => ({ ...channel, studioScript: '' })),
      customComponent: { ...base.customComponent, url: 'http://templates.example.com/settings' },
    });
    const findings = app.page.getByTestId('review-findings');
    await findings.getByRole('link', { name: /not an https address/ }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'custom-component'));
    await expect(app.page.locator('[data-step-page="custom-component"] [data-field="customComponent.url"] input')).toBeFocused();
    await expectNoAxeViolations(app.page);

    await app.open('#/step/review');
    await findings.getByRole('link', { name: 'Channel Jungle Sales has no default Studio script.' }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'default-skill'));
    await expect(app.page.locator('[data-step-page="default-skill"] [data-field="channels.0.studioScript"] input')).toBeFocused();
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });

    test('labels the value as the manual does and names the copy button in French', async ({ app }) => {
      await app.open('#/step/digital-skill');
      await saveDrafts(app, drafts('WA_FR_Sales'));
      const name = valuesOf(app.page, 'skill-name');
      await expect(name).toContainText('Nom de la compétence\u00a0:');
      await expect(name.getByRole('button', { name: 'Copier WA_FR_Sales' })).toBeVisible();
      await expectNoAxeViolations(app.page);
    });
  });
});
