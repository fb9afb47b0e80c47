import type { Page } from '@playwright/test';
import type { Drafts } from '../../shared/model/drafts/drafts';
import { expect, test } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { heading, stepTitle } from './helpers/screens';

const CHANNEL_ID = '0b6f2f5e-7d1c-4c47-9a57-1b2f3c4d5e6f';

/** Saves drafts through the app's own IPC, as the channels screen would: the screens must follow. */
async function seed(page: Page, recipe: { channel?: boolean; skills?: number }): Promise<void> {
  await page.evaluate(async ({ channelId, channel, skills }) => {
    const got = await window.setup.drafts.get();
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const drafts: Drafts = { ...got.value.drafts };
    if (channel) {
      drafts.channels = [{ id: channelId, name: 'The Jungle', phoneNumber: '+33748111524', startsConversations: false, defaultSkillId: null, studioScript: '', sla: { kind: 'general' } }];
    }
    if (skills) {
      drafts.skills = Array.from({ length: skills }, (_unused, n) => ({
        id: crypto.randomUUID(),
        mediaType: 'digital' as const,
        personalConnectionOrByoc: false,
        direction: 'inbound' as const,
        name: `WA_EN_Bulk${String(n).padStart(4, '0')}`,
        campaign: 'Bulk',
        subSkill: false,
        routing: { kind: 'proficiency' as const },
        acceptReject: false,
        agentsUseSfaClassic: false,
      }));
    }
    const saved = await window.setup.drafts.save({ workspaceId: got.value.workspaceId, drafts });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }, { channelId: CHANNEL_ID, channel: recipe.channel ?? false, skills: recipe.skills ?? 0 });
}

/**
 * Waits until main holds what the screen shows: changes autosave after a short pause, and a
 * restart in that pause would test the pause, not the screens.
 */
async function expectSaved(page: Page, check: (drafts: Drafts) => boolean): Promise<void> {
  await expect
    .poll(async () => {
      const got = await page.evaluate(() => window.setup.drafts.get());
      return got.ok ? check(got.value.drafts) : false;
    })
    .toBe(true);
}

test.describe('drafts screens for skills, default skill, SLA and custom component', () => {
  test('creates a skill: refuses 1 and 31 characters, checks the timeout and Accept/Reject with SFA Classic, and keeps it after a restart', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/digital-skill');
    await page.getByRole('button', { name: 'New skill' }).click();
    const form = page.getByTestId('skill-form');
    await expect(form.getByRole('textbox', { name: /Media Type/ })).toHaveValue('Digital');

    const name = page.locator('[data-field="name"]').getByRole('textbox');
    await name.fill('A');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await name.fill('A'.repeat(31));
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await name.fill('WA_EN_Sales');
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');

    await form.getByRole('textbox', { name: /Campaign/ }).fill('Sales');
    await form.getByRole('radio', { name: /^Preferred Agent/ }).check();
    await form.getByRole('textbox', { name: /Priority Metric/ }).fill('Last agent');
    const timeout = page.locator('[data-field="timeout"]').getByRole('textbox');
    await timeout.fill('0');
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await timeout.fill('5256000');
    await expect(timeout).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('timeout-as-duration')).toHaveText('That is 60 days, 20 hours and 0 minutes.');

    await form.getByRole('switch', { name: 'Agents of this skill use SFA Classic' }).check();
    await form.getByRole('checkbox', { name: 'Accept / Reject' }).check();
    await expect(page.locator('[data-field="acceptReject"] .fui-Field__validationMessage')).toBeVisible();

    await expectSaved(page, (drafts) => drafts.skills.some((skill) => skill.name === 'WA_EN_Sales' && skill.acceptReject));
    await app.restart();
    await app.open('#/step/digital-skill');
    await page.getByTestId('skills-table').getByRole('row', { name: /WA_EN_Sales/ }).click();
    await expect(page.locator('[data-field="name"]').getByRole('textbox')).toHaveValue('WA_EN_Sales');
    await expect(page.locator('[data-field="timeout"]').getByRole('textbox')).toHaveValue('5256000');
    await expect(page.getByRole('checkbox', { name: 'Accept / Reject' })).toBeChecked();
  });

  test('sets a channel default skill, script and own SLA, and finds them after a restart', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/default-skill');
    await seed(page, { channel: true, skills: 3 });
    const channel = page.locator(`[data-channel="${CHANNEL_ID}"]`);
    await expect(channel).toBeVisible();
    await expect(channel.getByRole('combobox', { name: /Default skill/ })).toHaveAttribute('aria-invalid', 'true');
    await channel.getByRole('combobox', { name: /Default skill/ }).selectOption({ label: 'WA_EN_Bulk0001' });
    await channel.getByRole('textbox', { name: /Studio script/ }).fill('WA_Inbound');
    await expect(channel.getByRole('combobox', { name: /Default skill/ })).not.toHaveAttribute('aria-invalid', 'true');
    await expect(channel.getByRole('textbox', { name: /Studio script/ })).not.toHaveAttribute('aria-invalid', 'true');

    await app.open('#/step/sla');
    await expect(page.getByTestId('sla-working-hours')).toHaveText('SLAs are only calculated during your configured business hours.');
    const sla = page.locator(`[data-channel="${CHANNEL_ID}"]`);
    await sla.getByRole('radio', { name: 'NO, DIFFERENT', exact: true }).check();
    await page.getByTestId('channel-0-firstResponse').getByRole('combobox', { name: 'Hours' }).selectOption('4');
    await page.getByTestId('channel-0-resolution').getByRole('combobox', { name: 'Hours' }).selectOption('2');
    await expect(page.getByTestId('channel-0-resolution').locator('[data-finding="sla.resolutionBeforeFirstResponse"]')).toBeVisible();
    await page.getByTestId('channel-0-resolution').getByRole('combobox', { name: 'Days' }).selectOption('1');
    await expect(page.getByTestId('channel-0-resolution').locator('[data-finding]')).toHaveCount(0);

    await expectSaved(page, (drafts) => drafts.channels[0]?.sla.kind === 'own' && drafts.channels[0].sla.resolution.days === 1);
    await app.restart();
    await app.open('#/step/default-skill');
    await expect(page.locator(`[data-channel="${CHANNEL_ID}"]`).getByRole('textbox', { name: /Studio script/ })).toHaveValue('WA_Inbound');
    await app.open('#/step/sla');
    await expect(page.getByTestId('channel-0-resolution').getByRole('combobox', { name: 'Days' })).toHaveValue('1');
  });

  test('shows the component URL with %s once, refuses http, and keeps it after a restart', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/custom-component');
    const url = page.locator('[data-field="url"]').getByRole('textbox');
    await url.fill('http://example.com/templates?x=1');
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await url.fill('https://example.com/templates?x=%s');
    await expect(page.getByTestId('component-url')).toHaveText('https://example.com/templates?x=%s');
    await expect(url).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('component-channels')).toContainText('every channel');
    await page.getByRole('checkbox', { name: /^I deleted every custom component/ }).check();

    await expectSaved(page, (drafts) => drafts.customComponent.smoochDeleted);
    await app.restart();
    await app.open('#/step/custom-component');
    await expect(page.getByTestId('component-url')).toHaveText('https://example.com/templates?x=%s');
    await expect(page.getByRole('checkbox', { name: /^I deleted every custom component/ })).toBeChecked();
  });

  test('keeps a table of 2,000 skills usable: search finds one, the keyboard opens it', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/digital-skill');
    await seed(page, { skills: 2000 });
    const table = page.getByTestId('skills-table');
    await expect(table.getByTestId('data-table-count')).toHaveText('2,000 of 2,000');
    // Virtualised: only the rows on screen exist.
    expect(await table.getByRole('row').count()).toBeLessThan(60);
    await table.getByRole('searchbox').fill('bulk1234');
    await expect(table.getByTestId('data-table-count')).toHaveText('1 of 2,000');
    const grid = table.getByRole('grid', { name: 'Digital skills' });
    await grid.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-field="name"]').getByRole('textbox')).toHaveValue('WA_EN_Bulk1234');
    await expect(table.getByRole('row', { name: /WA_EN_Bulk1234/ })).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
  });

  for (const id of ['digital-skill', 'default-skill', 'sla', 'custom-component'] as const) {
    test(`finds no axe violations on ${id} in English`, async ({ app }) => {
      await app.open(`#/step/${id}`);
      await seed(app.page, { channel: true, skills: 3 });
      await expect(heading(app.page)).toContainText(stepTitle('en', id));
      if (id === 'digital-skill') await app.page.getByTestId('skills-table').getByRole('row', { name: /WA_EN_Bulk0001/ }).click();
      if (id === 'default-skill' || id === 'sla') await expect(app.page.locator(`[data-channel="${CHANNEL_ID}"]`)).toBeVisible();
      await expectNoAxeViolations(app.page);
    });
  }

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });
    test('finds no axe violations on the digital skill form and says Numérique', async ({ app }) => {
      await app.open('#/step/digital-skill');
      await seed(app.page, { channel: true, skills: 3 });
      await app.page.getByTestId('skills-table').getByRole('row', { name: /WA_EN_Bulk0002/ }).click();
      await expect(app.page.getByRole('textbox', { name: /Type de média/ })).toHaveValue('Numérique');
      await expectNoAxeViolations(app.page);
    });
  });
});
