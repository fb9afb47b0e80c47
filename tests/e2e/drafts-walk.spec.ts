import type { Locator, Page } from '@playwright/test';
import type { StepId } from '../../shared/steps';
import { expect, test, type Harness } from './harness/fixture';
import { expectNoAxeViolations, expectStored } from './helpers/drafts';
import { heading, railLink, stepTitle, tickChecklist } from './helpers/screens';
import { CarriedStoreFolder } from './helpers/store-folder';

/**
 * One channel drafted from an empty workspace through every drafts step, in the manual's order,
 * by clicking as an admin would: each step's findings show, then go as the admin fixes them,
 * and Mark done is accepted before the next step opens.
 *
 * The walk in French (the manual's language, whose labels are requirements) is split into
 * serial tests that carry the app's data folder from one to the next, so each stays short; a
 * lighter pass in English checks CXone's English labels on the same path.
 */

/** What the admin types, each value distinct so the runbook check knows where it came from. */
const TYPED = {
  channel: 'WhatsApp Jungle',
  phone: '+33748111524',
  url: 'https://templates.jungle.example/settings%s',
  role: 'Répondeurs Jungle',
  roleDescription: 'Répondent sur WhatsApp',
  agent: 'Mowgli Kipling',
  queue: 'File Jungle',
  skill: 'WA_FR_Jungle',
  campaign: 'Campagne Jungle',
  template: 'bienvenue_jungle',
  metric: 'Dernier agent',
  timeout: '900',
  script: 'WA_Jungle_Entrant',
} as const;

/** The step's blocking findings, as the "before done" section names them one by one. */
const blockingList = (page: Page): Locator => page.getByTestId('completion-blocking-findings');

/** Ticks the checklist, clicks Mark done, and expects it accepted: the next step opens. */
async function markDone(page: Page, next: StepId): Promise<void> {
  await tickChecklist(page, 'fr');
  await expect(page.getByTestId('completion-ready')).toBeVisible();
  await page.getByRole('button', { name: 'Marquer terminée' }).click();
  await expect(heading(page)).toContainText(stepTitle('fr', next));
}

test.describe('a channel drafted through every drafts step, in French', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ locale: 'fr-FR' });
  const carried = new CarriedStoreFolder();
  test.afterAll(() => carried.dispose());

  /** Starts the app on what the previous test stored, at `step`. */
  async function resumeAt(app: Harness, step: StepId): Promise<void> {
    await carried.resume(app);
    await app.open(`#/step/${step}`);
    await expect(heading(app.page)).toContainText(stepTitle('fr', step));
  }

  test('step 2: the channel with its E.164 number and outbound switch', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/connect');
    await expect(heading(page)).toContainText(stepTitle('fr', 'connect'));
    const add = page.getByRole('form', { name: 'Ajouter un canal' });
    await add.getByLabel('Nom du canal').fill(TYPED.channel);
    await add.getByLabel('Numéro de téléphone').fill('07 48 11 15 24');
    await add.getByRole('button', { name: 'Ajouter le canal' }).click();
    await expect(add.getByText('Saisissez le numéro au format international')).toBeVisible();
    await add.getByLabel('Numéro de téléphone').fill(TYPED.phone);
    await add.getByRole('switch', { name: 'Ce canal initiera des conversations (sortant)' }).check();
    await add.getByRole('button', { name: 'Ajouter le canal' }).click();
    const row = page.getByTestId('channels-table').getByRole('row', { name: new RegExp(TYPED.channel) });
    await expect(row).toContainText(TYPED.phone);
    await expect(row).toContainText('Sortant');
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);

    await expectStored(page, (drafts) => drafts.channels[0]?.phoneNumber === TYPED.phone && drafts.channels[0].startsConversations);
    carried.keep(app);
  });

  test('step 6: the custom component, its URL with %s, its channel and the smooch clean-up', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'custom-component');
    const url = page.getByRole('textbox', { name: /URL des paramètres du modèle/ });
    await expect(blockingList(page)).toContainText("L'URL des paramètres du modèle manque");
    await url.fill('http://templates.jungle.example/settings');
    await expect(blockingList(page)).toContainText("L'URL n'est pas une adresse https");
    await url.fill('https://templates.jungle.example/settings');
    await expect(blockingList(page)).toHaveCount(0);
    await expect(page.getByText("%s est ajouté à la fin de l'URL")).toBeVisible();
    await expect(page.getByTestId('component-url')).toHaveText(TYPED.url);
    await url.fill(TYPED.url);
    await expect(page.getByText("%s est ajouté à la fin de l'URL")).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: /Hauteur/ })).toHaveValue('200');
    const channels = page.getByTestId('component-channels');
    await expect(channels.locator('[data-finding="customComponent.appliesToAllChannels"]')).toBeVisible();
    await channels.getByRole('checkbox', { name: `${TYPED.channel} (${TYPED.phone})` }).check();
    await expect(channels.locator('[data-finding]')).toHaveCount(0);
    const smooch = page.getByText("Supprimez tous les composants dont l'URL contient smooch avant d'ajouter celui-ci.", { exact: true });
    await expect(smooch).toBeVisible();
    await page.getByRole('checkbox', { name: /^J'ai supprimé tous les composants personnalisés/ }).check();
    await expect(smooch).toHaveCount(0);
    await expectNoAxeViolations(page);
    await markDone(page, 'roles');

    await expectStored(page, (drafts) => drafts.customComponent.smoochDeleted && drafts.customComponent.url === TYPED.url && drafts.channels[0]?.startsConversations === true);
    carried.keep(app);
  });

  test('step 7: a role including the channel, with Réponse', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'roles');
    const inNoRole = `Aucun rôle n'inclut le canal ${TYPED.channel}`;
    await expect(page.getByTestId('roles-findings')).toContainText(inNoRole);

    const addRole = page.getByRole('form', { name: 'Ajouter un rôle' });
    await addRole.getByLabel('Nom du rôle').fill(TYPED.role);
    await addRole.getByLabel('Description').fill(TYPED.roleDescription);
    await addRole.getByRole('button', { name: 'Ajouter le rôle' }).click();
    const role = page.getByTestId('role-editor');
    await role.getByRole('checkbox', { name: `${TYPED.channel} dans ce rôle` }).check();
    await expect(page.getByText(inNoRole)).toHaveCount(0);
    const noReply = `Le rôle ${TYPED.role} a le canal ${TYPED.channel} sans l'autorisation Réponse`;
    await expect(blockingList(page)).toContainText(noReply);
    await role.getByRole('checkbox', { name: `Réponse pour ${TYPED.channel}` }).check();
    await expect(page.getByText(noReply)).toHaveCount(0);
    await expect(page.getByTestId('roles-findings')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await expectStored(page, (drafts) => drafts.roles[0]?.channels[0]?.permissions.includes('reply') === true);
    carried.keep(app);
  });

  test('step 7: its agent on MAX with Digital Engagement, then Vue Compétences for the role', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'roles');
    const addAgent = page.getByRole('form', { name: 'Ajouter un agent' });
    await addAgent.getByLabel("Nom de l'agent").fill(TYPED.agent);
    await addAgent.getByRole('radio', { name: 'MAX' }).check();
    await addAgent.getByRole('button', { name: "Ajouter l'agent" }).click();
    const agent = page.getByTestId('agent-editor');
    const needsEngagement = `${TYPED.agent} utilise MAX : il lui faut l'attribut Digital Engagement ou une compétence numérique`;
    await expect(agent.getByText(needsEngagement)).toBeVisible();
    await agent.getByRole('switch', { name: 'Attribut Digital Engagement' }).check();
    await expect(page.getByText(needsEngagement)).toHaveCount(0);
    const noRole = `${TYPED.agent} n'a aucun rôle`;
    await expect(blockingList(page)).toContainText(noRole);
    await agent.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption({ label: TYPED.role });
    await expect(page.getByText(noRole)).toHaveCount(0);
    const noSkillsView = `Le rôle ${TYPED.role} est attribué à 1 agent(s) mais n'a pas l'autorisation Vue Compétences.`;
    await expect(blockingList(page)).toContainText(noSkillsView);
    await page.getByTestId('roles-table').getByRole('row', { name: new RegExp(TYPED.role) }).click();
    await page.getByTestId('role-editor').getByRole('switch', { name: 'Vue Compétences' }).check();
    await expect(page.getByText(noSkillsView)).toHaveCount(0);
    await expect(page.getByTestId('roles-findings')).toHaveCount(0);
    await expect(page.getByTestId('agents-findings')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await markDone(page, 'routing');

    await expectStored(page, (drafts) => drafts.roles[0]?.skillsView === true && drafts.agents[0]?.roleIds.length === 1);
    carried.keep(app);
  });

  test('step 8: a routing queue whose filter includes the outbound channel', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'routing');
    const notRouted = `Le canal ${TYPED.channel} démarre des conversations et aucun filtre de file d'attente de routage ne l'inclut`;
    await expect(page.getByTestId('routing-findings')).toContainText(notRouted);

    const addQueue = page.getByRole('form', { name: "Ajouter une file d'attente de routage" });
    await addQueue.getByLabel('Nom de la file').fill(TYPED.queue);
    await addQueue.getByRole('button', { name: 'Ajouter la file' }).click();
    const queue = page.getByTestId('queue-editor');
    await queue.getByRole('button', { name: 'Ajouter un filtre' }).click();
    await queue.getByRole('button', { name: 'Ajouter une condition Canaux inclus' }).click();
    await queue.getByRole('checkbox', { name: TYPED.channel }).check();
    await expect(page.getByText(notRouted)).toHaveCount(0);
    await expect(page.getByTestId('routing-channels-table').getByRole('row', { name: new RegExp(TYPED.channel) })).toContainText(TYPED.queue);
    await expectNoAxeViolations(page);
    await markDone(page, 'digital-skill');

    await expectStored(page, (drafts) => drafts.queues[0]?.filters[0]?.conditions[0]?.channelIds.length === 1);
    carried.keep(app);
  });

  test('step 9: the digital skill with its fields', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'digital-skill');
    await page.getByRole('button', { name: 'Nouvelle compétence' }).click();
    const form = page.getByTestId('skill-form');
    await expect(form.getByRole('textbox', { name: /Type de média/ })).toHaveValue('Numérique');
    await form.getByRole('textbox', { name: /Nom de la compétence/ }).fill(TYPED.skill);
    const noCampaign = `La compétence ${TYPED.skill} n'a pas de campagne`;
    await expect(blockingList(page)).toContainText(noCampaign);
    await form.getByRole('textbox', { name: /^Campagne/ }).fill(TYPED.campaign);
    await expect(page.getByText(noCampaign)).toHaveCount(0);
    await form.getByRole('textbox', { name: /Modèle de message/ }).fill(TYPED.template);

    await form.getByRole('radio', { name: /^Agent préféré/ }).check();
    await expect(blockingList(page)).toContainText('sans métrique prioritaire');
    await expect(blockingList(page)).toContainText('entrez une Temporisation');
    await form.getByRole('textbox', { name: /Métrique prioritaire/ }).fill(TYPED.metric);
    await form.getByRole('textbox', { name: /Temporisation/ }).fill(TYPED.timeout);
    await expect(page.getByTestId('timeout-as-duration')).toHaveText('Soit 0 jours, 0 heures et 15 minutes.');
    await expect(blockingList(page)).toHaveCount(0);
    await form.getByRole('switch', { name: /Modifier les paramètres de niveau de service/ }).check();
    await expect(form.getByRole('textbox', { name: /Seuil du niveau de service/ })).toHaveValue('30');
    await expect(page.getByTestId('skills-table').getByRole('row', { selected: true })).toContainText(TYPED.skill);
    await expectNoAxeViolations(page);
    await markDone(page, 'default-skill');

    await expectStored(page, (drafts) => drafts.skills[0]?.serviceLevel?.goalPercent === 80 && drafts.skills[0].routing.kind === 'preferredAgent');
    carried.keep(app);
  });

  test('step 10: the default skill and Studio script', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'default-skill');
    const channel = page.getByRole('group', { name: `Canal ${TYPED.channel} (${TYPED.phone})` });
    await expect(blockingList(page)).toContainText(`Le canal ${TYPED.channel} n'a pas de compétence par défaut.`);
    await expect(page.getByTestId('default-skill-findings')).toContainText('Aucun canal ne cite encore de script Studio');
    await channel.getByRole('combobox', { name: /Compétence par défaut/ }).selectOption({ label: TYPED.skill });
    await channel.getByRole('textbox', { name: /Script Studio/ }).fill(TYPED.script);
    await expect(blockingList(page)).toHaveCount(0);
    await expect(page.getByTestId('default-skill-findings')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await markDone(page, 'sla');

    await expectStored(page, (drafts) => drafts.channels[0]?.studioScript === TYPED.script && drafts.channels[0].defaultSkillId !== null);
    carried.keep(app);
  });

  test('step 11: the channel SLA, its own times', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'sla');
    await expect(page.getByTestId('sla-working-hours')).toHaveText('Les SLA ne sont calculés que pendant les heures de travail configurées.');
    await page.getByRole('group', { name: `Canal ${TYPED.channel}`, exact: true }).getByRole('radio', { name: 'NON, DIFFÉRENT' }).check();
    await expect(blockingList(page).getByRole('listitem')).toHaveCount(2);
    await page.getByTestId('channel-0-firstResponse').getByRole('combobox', { name: 'Heures' }).selectOption('4');
    await page.getByTestId('channel-0-resolution').getByRole('combobox', { name: 'Jours' }).selectOption('1');
    await expect(blockingList(page)).toHaveCount(0);
    await expectNoAxeViolations(page);
    await markDone(page, 'review');

    await expectStored(page, (drafts) => drafts.channels[0]?.sla.kind === 'own' && drafts.channels[0].sla.resolution.days === 1);
    carried.keep(app);
  });

  test('the review finds nothing, the drafts steps are done, and the runbook lists every typed value', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'review');
    const findings = page.getByTestId('review-findings');
    await expect(findings).toContainText('Les règles du manuel ne relèvent rien à corriger dans les brouillons.');
    await expect(findings.locator('[data-finding]')).toHaveCount(0);
    for (const step of ['custom-component', 'roles', 'routing', 'digital-skill', 'default-skill', 'sla'] as const) {
      await expect(page.getByTestId('review-steps').locator(`[data-step="${step}"]`)).toHaveAttribute('data-state', 'done');
    }
    await expectNoAxeViolations(page);

    await page.getByTestId('save-runbook-html').click();
    await expect(page.getByRole('status').filter({ hasText: '.html' })).toBeVisible();
    const html = app.files.saved().find((file) => file.name.endsWith('.html'))?.text ?? '';
    expect(html).toContain('<html lang="fr">');
    for (const value of [...Object.values(TYPED), 'Réponse', 'Vue Compétences', '0 j 4 h 0 min', '1 j 0 h 0 min']) expect(html, value).toContain(value);
  });

  test('after a restart, every drafts screen shows what was typed', async ({ app }) => {
    const { page } = app;
    await resumeAt(app, 'connect');
    await expect(page.getByTestId('channels-table').getByRole('row', { name: new RegExp(TYPED.channel) })).toContainText(TYPED.phone);
    await railLink(page, 'custom-component').click();
    await expect(page.getByRole('textbox', { name: /URL des paramètres du modèle/ })).toHaveValue(TYPED.url);
    await railLink(page, 'roles').click();
    await expect(page.getByTestId('roles-table').getByRole('row', { name: new RegExp(TYPED.role) })).toContainText('Oui');
    await expect(page.getByTestId('agents-table').getByRole('row', { name: new RegExp(TYPED.agent) })).toContainText(TYPED.role);
    await railLink(page, 'routing').click();
    await expect(page.getByTestId('queues-table').getByRole('row', { name: new RegExp(TYPED.queue) })).toContainText(TYPED.channel);
    await railLink(page, 'digital-skill').click();
    await expect(page.getByTestId('skills-table').getByRole('row', { name: new RegExp(TYPED.skill) })).toContainText(TYPED.campaign);
    await railLink(page, 'default-skill').click();
    await expect(page.getByRole('textbox', { name: /Script Studio/ })).toHaveValue(TYPED.script);
    await railLink(page, 'sla').click();
    await expect(page.getByTestId('channel-0-resolution').getByRole('combobox', { name: 'Jours' })).toHaveValue('1');
  });
});

test.describe('the same walk in English, lighter', () => {
  test.describe.configure({ mode: 'serial' });
  const carried = new CarriedStoreFolder();
  test.afterAll(() => carried.dispose());

  test('a channel, a role with Reply and Skills View, and its agent, with CXone English labels', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/connect');
    const add = page.getByRole('form', { name: 'Add a channel' });
    await add.getByLabel('Channel name').fill('WhatsApp Sales');
    await add.getByLabel('Phone number').fill('+16145551234');
    await add.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByTestId('channels-table').getByRole('row', { name: /WhatsApp Sales/ })).toContainText('Inbound only');
    await expectNoAxeViolations(page);

    await railLink(page, 'roles').click();
    await expect(heading(page)).toContainText(stepTitle('en', 'roles'));
    const addRole = page.getByRole('form', { name: 'Add a role' });
    await addRole.getByLabel('Role name').fill('Sales responders');
    await addRole.getByRole('button', { name: 'Add role' }).click();
    const role = page.getByTestId('role-editor');
    await role.getByRole('checkbox', { name: 'WhatsApp Sales in this role' }).check();
    await expect(blockingList(page)).toContainText('without the Reply permission');
    await role.getByRole('checkbox', { name: 'Reply for WhatsApp Sales' }).check();
    const addAgent = page.getByRole('form', { name: 'Add an agent' });
    await addAgent.getByLabel('Agent name').fill('Bagheera Panther');
    await addAgent.getByRole('radio', { name: 'MAX' }).check();
    await addAgent.getByRole('button', { name: 'Add agent' }).click();
    const agent = page.getByTestId('agent-editor');
    await agent.getByRole('switch', { name: 'Digital Engagement attribute' }).check();
    await agent.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: 'Sales responders' });
    await expect(blockingList(page)).toContainText('lacks the Skills View permission');
    await role.getByRole('switch', { name: 'Skills View' }).check();
    await expect(blockingList(page)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await expectStored(page, (drafts) => drafts.roles[0]?.skillsView === true && drafts.agents[0]?.roleIds.length === 1);
    carried.keep(app);
  });

  test('the review has no roles finding left, and the runbook in English names Reply and Skills View', async ({ app }) => {
    const { page } = app;
    await carried.resume(app);
    await app.open('#/step/review');
    await expect(page.getByTestId('review-findings').locator('[data-finding]').first()).toBeVisible();
    await expect(page.getByTestId('review-findings').locator('[data-finding-step="roles"]')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByTestId('save-runbook-html').click();
    await expect(page.getByRole('status').filter({ hasText: '.html' })).toBeVisible();
    const html = app.files.saved().find((file) => file.name.endsWith('.html'))?.text ?? '';
    expect(html).toContain('<html lang="en">');
    for (const value of ['WhatsApp Sales', '+16145551234', 'Sales responders', 'Bagheera Panther', 'Reply', 'Skills View']) expect(html, value).toContain(value);
  });
});
