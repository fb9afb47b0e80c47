import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import type { DraftsInput } from '../../shared/model/drafts/drafts';
import { expect, test, type Harness } from './harness/fixture';
import { saveDrafts } from './helpers/drafts';
import { heading, railLink, stepTitle, tickChecklist } from './helpers/screens';

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

/**
 * Waits until the row is within its grid's scrolled area, below the sticky header: the page
 * itself may have scrolled to the focused field, so the page's viewport says nothing here.
 */
async function expectShownInGrid(row: Locator): Promise<void> {
  await expect
    .poll(() =>
      row.evaluate((element) => {
        const grid = element.closest('[role="grid"]');
        const header = grid?.querySelector('[role="row"]');
        if (!grid || !header) return false;
        const box = element.getBoundingClientRect();
        return box.top >= header.getBoundingClientRect().bottom - 1 && box.bottom <= grid.getBoundingClientRect().bottom + 1;
      }),
    )
    .toBe(true);
}

/** Where the broken item of each long list sits: far enough down that its row starts off screen. */
const BROKEN = { skill: 290, role: 37, agent: 25, queue: 27 } as const;
const MISSING_CHANNEL = uuid(99);

/**
 * Long lists, each with one broken item near its end: 40 roles (one with "#" in its name), 30
 * agents (one without a role), 30 queues (one including a channel that is not in the drafts)
 * and, when asked for, 300 skills (one named "W"); else three sound skills.
 */
function longListsWithOneFindingEach(skillCount: 3 | 300 = 3): DraftsInput {
  const channel = uuid(1);
  const skillId = (n: number) => uuid(1_000 + n);
  const roleId = (n: number) => uuid(2_000 + n);
  return {
    schemaVersion: 1,
    channels: [{ id: channel, name: 'Jungle Sales', phoneNumber: '+33748111524', startsConversations: false, defaultSkillId: skillId(0), studioScript: 'WA_Inbound_Script', sla: { kind: 'general' } }],
    skills: Array.from({ length: skillCount }, (_unused, n) => ({
      id: skillId(n),
      mediaType: 'digital' as const,
      personalConnectionOrByoc: false,
      direction: 'inbound' as const,
      name: n === BROKEN.skill ? 'W' : `WA_Bulk${String(n).padStart(3, '0')}`,
      campaign: 'Bulk',
      subSkill: false,
      routing: { kind: 'proficiency' as const },
      acceptReject: false,
      agentsUseSfaClassic: false,
    })),
    roles: Array.from({ length: 40 }, (_unused, n) => ({
      id: roleId(n),
      name: n === BROKEN.role ? 'Night shift #2' : `Team ${String(n).padStart(2, '0')}`,
      description: '',
      channels: [{ channelId: channel, permissions: ['reply' as const] }],
      skillsView: true,
    })),
    agents: Array.from({ length: 30 }, (_unused, n) => ({
      id: uuid(3_000 + n),
      name: n === BROKEN.agent ? 'Baloo Bear' : `Agent ${String(n).padStart(2, '0')}`,
      application: 'max' as const,
      digitalEngagement: true,
      skillIds: [],
      roleIds: n === BROKEN.agent ? [] : [roleId(0)],
    })),
    queues: Array.from({ length: 30 }, (_unused, n) => ({
      id: uuid(4_000 + n),
      name: n === BROKEN.queue ? 'Night' : `Queue ${String(n).padStart(2, '0')}`,
      filters: [{ id: uuid(5_000 + n), name: n === BROKEN.queue ? 'Night filter' : 'Filter 1', conditions: [{ type: 'includedChannels' as const, channelIds: n === BROKEN.queue ? [MISSING_CHANNEL] : [channel] }] }],
    })),
    customComponent: { url: 'https://templates.example.com/settings%s', height: 200, channelIds: [channel], smoochDeleted: true },
  };
}

/** Opens the review over `longListsWithOneFindingEach`, and returns its findings section. */
async function reviewOfLongLists(app: Harness, skillCount: 3 | 300 = 3): Promise<Locator> {
  await app.open('#/step/review');
  await saveDrafts(app.page, longListsWithOneFindingEach(skillCount));
  const findings = app.page.getByTestId('review-findings');
  await expect(findings.locator('[data-finding]').first()).toBeVisible();
  return findings;
}

/** The control a step page marks with a drafts path (`data-field`). */
function fieldOf(page: Page, step: string, path: string): Locator {
  return page.locator(`[data-step-page="${step}"] [data-field="${path}"]`);
}

test.describe('the review', () => {
  test('lists the findings grouped by step and severity, and a finding opens its step', async ({ app }) => {
    await app.open('#/step/review');
    await saveDrafts(app.page, draftsWithFindings());
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
    await saveDrafts(app.page, draftsWithFindings());
    await tickChecklist(app.page);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    const refusal = app.page.getByRole('alert').filter({ hasText: 'This step cannot be marked done yet' });
    await expect(refusal).toContainText('1 blocking finding remains');
    await expect(refusal).toContainText('Skill name W has 1 characters');
    await expect(app.page.getByTestId('step-state')).not.toHaveText('done');
    expect(STEP_CHECKLISTS['digital-skill'].length).toBeGreaterThan(0);
  });

  test.describe('finding links to an item of a long list', () => {
    test('select the skill near the end of 300, scroll its row into view and focus its name', async ({ app }) => {
      const { page } = app;
      const findings = await reviewOfLongLists(app, 300);
      const link = findings.getByRole('link', { name: 'Skill name W has 1 characters; it must have 2 to 30.' });
      await link.click();

      await expect(heading(page)).toContainText(stepTitle('en', 'digital-skill'));
      const name = fieldOf(page, 'digital-skill', `skills.${BROKEN.skill}.name`).getByRole('textbox');
      await expect(name).toBeFocused();
      await expect(name).toHaveValue('W');
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      // The row was not rendered before (virtualised): it is scrolled to and announced as selected.
      const row = page.getByTestId('skills-table').locator(`[data-row-key="${uuid(1_000 + BROKEN.skill)}"]`);
      await expect(row).toHaveAttribute('aria-selected', 'true');
      await expectShownInGrid(row);
      await expect(page.getByTestId('skills-table').getByRole('row', { selected: true })).toHaveCount(1);

      await name.fill('WA_Night');
      await expect(name).not.toHaveAttribute('aria-invalid', 'true');
      await railLink(page, 'review').click();
      await expect(findings.locator('[data-finding]').first()).toBeVisible();
      await expect(link).toHaveCount(0);
      await expect(findings.locator('[data-finding-step="digital-skill"]')).toHaveCount(0);
    });

    test('select the role, focus its name holding the refused character, and the fix clears the finding', async ({ app }) => {
      const { page } = app;
      const findings = await reviewOfLongLists(app);
      const link = findings.getByRole('link', { name: 'Role name Night shift #2 contains characters CXone refuses: #' });
      await link.click();
      const name = fieldOf(page, 'roles', `roles.${BROKEN.role}.name`).getByRole('textbox');
      await expect(name).toBeFocused();
      await expect(name).toHaveValue('Night shift #2');
      const row = page.getByTestId('roles-table').getByRole('row', { selected: true });
      await expect(row).toContainText('Night shift #2');
      await expectShownInGrid(row);

      await name.fill('Night shift 2');
      await expect(name).not.toHaveAttribute('aria-invalid', 'true');
      await railLink(page, 'review').click();
      await expect(findings.locator('[data-finding]').first()).toBeVisible();
      await expect(link).toHaveCount(0);
      await expect(findings.locator('[data-finding="role.nameForbiddenCharacters"]')).toHaveCount(0);
    });

    test('select the agent, focus its empty role, and the fix clears the finding', async ({ app }) => {
      const { page } = app;
      const findings = await reviewOfLongLists(app);
      const link = findings.getByRole('link', { name: 'Baloo Bear has no role: give them the role that includes the channel.' });
      await link.click();
      const role = fieldOf(page, 'roles', `agents.${BROKEN.agent}.roleIds`).getByRole('combobox');
      await expect(role).toBeFocused();
      await expect(role).toHaveValue('');
      const row = page.getByTestId('agents-table').getByRole('row', { selected: true });
      await expect(row).toContainText('Baloo Bear');
      await expectShownInGrid(row);

      await role.selectOption({ label: 'Team 00' });
      await expect(row).toContainText('Team 00');
      await railLink(page, 'review').click();
      await expect(findings.locator('[data-finding]').first()).toBeVisible();
      await expect(link).toHaveCount(0);
      await expect(findings.locator('[data-finding="agent.noRole"]')).toHaveCount(0);
    });

    test('select the queue, focus the ticked channel that is not in the drafts, and unticking it clears the finding', async ({ app }) => {
      const { page } = app;
      const findings = await reviewOfLongLists(app);
      const link = findings.getByRole('link', { name: 'Filter Night filter of queue Night includes a channel that is not in the drafts.' });
      await link.click();
      const missing = fieldOf(page, 'routing', `queues.${BROKEN.queue}.filters.0.conditions.0.channelIds.0`).getByRole('checkbox');
      await expect(missing).toBeFocused();
      await expect(missing).toBeChecked();
      await expect(missing).toHaveAccessibleName(`Channel not in the drafts (${MISSING_CHANNEL}): untick to remove it`);
      const row = page.getByTestId('queues-table').getByRole('row', { selected: true });
      await expect(row).toContainText('Night');
      await expectShownInGrid(row);

      // Unticked, the channel leaves the condition, and its box goes with it.
      await missing.click();
      await expect(missing).toHaveCount(0);
      await railLink(page, 'review').click();
      await expect(findings.locator('[data-finding]').first()).toBeVisible();
      await expect(link).toHaveCount(0);
      await expect(findings.locator('[data-finding="routing.unknownChannel"]')).toHaveCount(0);
    });
  });

  test('links about a channel open its routing switch, its place in a role and its SLA time', async ({ app }) => {
    const { page } = app;
    const base = longListsWithOneFindingEach();
    // A second channel, outbound, in no queue and no role, with its own SLA not set yet.
    const night = { ...base.channels[0]!, id: uuid(2), name: 'Jungle Night', phoneNumber: '+33748111525', startsConversations: true, sla: { kind: 'own' as const, firstResponse: { days: 0, hours: 0, minutes: 0 }, resolution: { days: 1, hours: 0, minutes: 0 } } };
    await app.open('#/step/review');
    await saveDrafts(page, { ...base, channels: [...base.channels, night] });
    const findings = page.getByTestId('review-findings');

    await findings.getByRole('link', { name: /^Channel Jungle Night starts conversations, and no routing-queue filter includes it/ }).click();
    const outbound = fieldOf(page, 'routing', 'channels.1.startsConversations').getByRole('switch');
    await expect(outbound).toBeFocused();
    await expect(outbound).toBeChecked();
    await expect(page.getByTestId('routing-channels-table').getByRole('row', { selected: true })).toContainText('Jungle Night');

    await railLink(page, 'review').click();
    await findings.getByRole('link', { name: /^No role includes channel Jungle Night/ }).click();
    const included = page.getByTestId('role-editor').getByRole('checkbox', { name: 'Jungle Night in this role' });
    await expect(included).toBeFocused();
    await expect(included).not.toBeChecked();
    await expect(page.getByTestId('roles-table').getByRole('row', { selected: true })).toHaveCount(1);

    await railLink(page, 'review').click();
    await findings.getByRole('link', { name: 'First Response Time is not set (0 days, 0 hours, 0 minutes).' }).click();
    const days = fieldOf(page, 'sla', 'channels.1.sla.firstResponse').getByRole('combobox', { name: 'Days' });
    await expect(days).toBeFocused();
    await expect(days).toHaveValue('0');
  });

  for (const language of ['en', 'fr'] as const) {
    test.describe(`runbook in ${language}`, () => {
      test.use({ locale: language === 'fr' ? 'fr-FR' : 'en-US' });

      test('saves the runbook HTML with the drafted values', async ({ app }) => {
        await app.open('#/step/review');
        await saveDrafts(app.page, draftsWithFindings());
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
