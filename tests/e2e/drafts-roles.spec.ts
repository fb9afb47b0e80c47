import type { Drafts, Skill } from '../../shared/model/drafts/drafts';
import { expect, test, type Harness } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { heading, railLink, stepTitle } from './helpers/screens';

const SKILL: Skill = {
  id: '7d1f6a52-3c1b-4a8e-9f0e-2b6d5c4a3e21',
  mediaType: 'digital',
  personalConnectionOrByoc: false,
  direction: 'inbound',
  name: 'WA_Support',
  campaign: 'Support',
  subSkill: false,
  routing: { kind: 'proficiency' },
  acceptReject: false,
  agentsUseSfaClassic: false,
};

const CHANNEL_ID = '0b8a4f3e-9d2c-4e71-8a5b-6c3d2e1f0a99';

/** Writes drafts through main's own handler, as the skills step (another screen) would have. */
async function seed(app: Harness, update: (drafts: Drafts) => Drafts): Promise<void> {
  const { handlers } = app.services();
  const state = await handlers['drafts:get'](undefined);
  await handlers['drafts:save']({ workspaceId: state.workspaceId, drafts: update(state.drafts) });
}

/** Drafts with one of everything, so the screens are checked with their editors open. */
function fullDrafts(drafts: Drafts): Drafts {
  const roleId = 'a5c1e2d3-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
  return {
    ...drafts,
    skills: [SKILL],
    channels: [{ id: CHANNEL_ID, name: 'WhatsApp FR', phoneNumber: '+33748111524', startsConversations: true, defaultSkillId: null, studioScript: '', sla: { kind: 'general' } }],
    roles: [{ id: roleId, name: 'Sales agents', description: 'Answers WhatsApp', channels: [{ channelId: CHANNEL_ID, permissions: [] }], skillsView: false }],
    agents: [{ id: 'f1e2d3c4-b5a6-4978-8877-665544332211', name: 'Mowgli Kipling', application: 'agent', digitalEngagement: false, skillIds: [], roleIds: [roleId] }],
    queues: [{ id: 'c0ffee00-1234-4abc-8def-0123456789ab', name: 'Sales', filters: [{ id: 'deadbeef-1234-4abc-8def-0123456789ab', name: 'Filter 1', conditions: [{ type: 'includedChannels', channelIds: [] }] }] }],
  };
}

test.describe('drafts of channels, roles, agents and routing', () => {
  test('drafts a channel, routes it, gives a role Reply and an agent what it needs, and keeps it all after a restart', async ({ app }) => {
    await seed(app, (drafts) => ({ ...drafts, skills: [SKILL] }));
    const { page } = app;
    await app.open('#/step/connect');
    const channels = page.getByTestId('channels-panel');
    const addChannel = page.getByRole('form', { name: 'Add a channel' });

    // A number without the country code is refused under its field and drafts nothing.
    await addChannel.getByLabel('Channel name').fill('WhatsApp FR');
    await addChannel.getByLabel('Phone number').fill('07 48 11 15 24');
    await addChannel.getByRole('button', { name: 'Add channel' }).click();
    await expect(addChannel.getByText('Enter the number in international format')).toBeVisible();
    await expect(addChannel.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');
    await expect(channels.getByTestId('data-table-count')).toHaveText('0 of 0');

    await addChannel.getByLabel('Phone number').fill('+33748111524');
    await addChannel.getByRole('button', { name: 'Add channel' }).click();
    await expect(channels.getByRole('row', { name: /WhatsApp FR/ })).toBeVisible();
    await page.getByTestId('channel-editor').getByRole('switch', { name: 'This channel will start conversations (outbound)' }).check();

    await railLink(page, 'routing').click();
    await expect(heading(page)).toContainText(stepTitle('en', 'routing'));
    const notRouted = 'Channel WhatsApp FR starts conversations, and no routing-queue filter includes it';
    await expect(page.getByTestId('routing-findings')).toContainText(notRouted);

    const addQueue = page.getByRole('form', { name: 'Add a routing queue' });
    await addQueue.getByLabel('Queue name').fill('Sales');
    await addQueue.getByRole('button', { name: 'Add queue' }).click();
    const queue = page.getByTestId('queue-editor');
    await queue.getByRole('button', { name: 'Add a filter' }).click();
    await queue.getByRole('button', { name: 'Add an included channels condition' }).click();
    await queue.getByRole('checkbox', { name: 'WhatsApp FR' }).check();
    await expect(page.getByText(notRouted)).toHaveCount(0);
    await expect(page.getByTestId('routing-channels-table').getByRole('row', { name: /WhatsApp FR/ })).toContainText('Sales');

    await railLink(page, 'roles').click();
    await expect(heading(page)).toContainText(stepTitle('en', 'roles'));
    const addRole = page.getByRole('form', { name: 'Add a role' });
    await addRole.getByLabel('Role name').fill('Sales agents');
    await addRole.getByRole('button', { name: 'Add role' }).click();
    const role = page.getByTestId('role-editor');
    await role.getByRole('checkbox', { name: 'WhatsApp FR in this role' }).check();
    const noReply = 'Role Sales agents has channel WhatsApp FR without the Reply permission';
    await expect(page.getByTestId('roles-findings')).toContainText(noReply);
    await expect(role.getByRole('checkbox', { name: 'Reply for WhatsApp FR' })).toHaveAttribute('aria-invalid', 'true');
    await role.getByRole('checkbox', { name: 'Reply for WhatsApp FR' }).check();
    await expect(page.getByText(noReply)).toHaveCount(0);

    const addAgent = page.getByRole('form', { name: 'Add an agent' });
    await addAgent.getByLabel('Agent name').fill('Mowgli Kipling');
    await addAgent.getByRole('button', { name: 'Add agent' }).click();
    const agent = page.getByTestId('agent-editor');
    const needsBoth = 'Mowgli Kipling uses Agent: they need both the Digital Engagement attribute and a digital skill';
    await expect(agent.getByText(needsBoth)).toBeVisible();
    await agent.getByRole('switch', { name: 'Digital Engagement attribute' }).check();
    await agent.getByLabel('Add a digital skill').selectOption({ label: 'WA_Support' });
    await agent.getByLabel('Role').selectOption({ label: 'Sales agents' });
    await expect(page.getByText(needsBoth)).toHaveCount(0);
    await expect(agent.getByRole('button', { name: 'Remove skill WA_Support' })).toBeVisible();
    // Wait for the autosave before quitting, as the app does when leaving a page.
    await expect.poll(async () => (await app.services().handlers['drafts:get'](undefined)).drafts.agents[0]?.roleIds.length).toBe(1);

    await app.restart();
    await app.open('#/step/connect');
    await expect(page.getByTestId('channels-panel').getByRole('row', { name: /WhatsApp FR/ })).toContainText('+33748111524');
    await railLink(page, 'routing').click();
    await expect(page.getByTestId('queues-table').getByRole('row', { name: /Sales/ })).toContainText('WhatsApp FR');
    await expect(page.getByText(notRouted)).toHaveCount(0);
    await railLink(page, 'roles').click();
    await expect(page.getByTestId('roles-table').getByRole('row', { name: /Sales agents/ })).toContainText('WhatsApp FR');
    await expect(page.getByTestId('agents-table').getByRole('row', { name: /Mowgli Kipling/ })).toContainText('Sales agents');
    await expect(page.getByText(noReply)).toHaveCount(0);
  });

  test('opens a row of each table from the keyboard and removes it with its labelled button', async ({ app }) => {
    await seed(app, fullDrafts);
    const { page } = app;
    await app.open('#/step/roles');
    const grid = page.getByRole('grid', { name: 'roles' });
    await grid.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('role-editor')).toBeVisible();
    await page.getByRole('button', { name: 'Remove role Sales agents' }).click();
    await expect(page.getByTestId('roles-table').getByTestId('data-table-count')).toHaveText('0 of 0');
    await page.getByLabel('Search roles').fill('nothing');
    await expect(page.getByTestId('agents-table').getByRole('row', { name: /Mowgli/ })).toBeVisible();
  });

  for (const [hash, tables] of [
    ['#/step/connect', ['channels']],
    ['#/step/roles', ['roles', 'agents']],
    ['#/step/routing', ['channels and their routing', 'routing queues']],
  ] as const) {
    test(`finds no axe violations on ${hash} in English, editors open`, async ({ app }) => {
      await seed(app, fullDrafts);
      const { page } = app;
      await app.open(hash);
      for (const table of tables) await page.getByRole('grid', { name: table }).getByRole('row').nth(1).click();
      await expect(page.getByRole('grid', { name: tables[0] }).getByRole('row', { selected: true })).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });

    test('finds no axe violations on the roles screen, with the product labels Réponse and Vue Compétences', async ({ app }) => {
      await seed(app, fullDrafts);
      const { page } = app;
      await app.open('#/step/roles');
      await expect(heading(page)).toContainText(stepTitle('fr', 'roles'));
      await page.getByRole('grid', { name: 'rôles' }).getByRole('row').nth(1).click();
      const role = page.getByTestId('role-editor');
      await expect(role.getByRole('checkbox', { name: 'Réponse pour WhatsApp FR' })).toBeVisible();
      await expect(role.getByRole('switch', { name: 'Vue Compétences' })).toBeVisible();
      await expect(page.getByTestId('roles-findings')).toContainText("sans l'autorisation Réponse");
      await expectNoAxeViolations(page);
    });
  });
});
