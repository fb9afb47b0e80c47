import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Harness } from './harness/fixture';

/** Opens the rehearsal page from the sandbox banner's button, in a browser tab as the admin would. */
async function openRehearsal(app: Harness, button: string): Promise<Page> {
  await app.open('#/step/connect');
  await app.page.getByRole('button', { name: button }).click();
  await expect.poll(() => app.openedOutside()).toEqual([app.simulator.pageUrl('rehearsal')]);
  const tab = await app.page.context().newPage();
  await tab.goto(app.simulator.pageUrl('rehearsal'));
  return tab;
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
}

test.describe('the rehearsal page in English', () => {
  test('renames the business and puts the admin\'s number on the pending one', async ({ app }) => {
    const tab = await openRehearsal(app, 'Rehearse with your business and number');
    await expect(tab.locator('html')).toHaveAttribute('lang', 'en');
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Rehearsal');

    await tab.getByLabel('Business portfolio name').fill('Northwind Traders');
    await tab.getByLabel('WhatsApp Business Account name').fill('Northwind Support');
    await tab.getByRole('button', { name: 'Rename' }).click();
    await expect(tab.getByRole('status')).toContainText('Changed.');
    await expect(tab.getByLabel('Business portfolio name')).toHaveValue('Northwind Traders');

    await tab.getByLabel(/^Phone number in international format/).fill('+33 6 12 34 56 78');
    await tab.getByRole('button', { name: 'Use this number' }).click();
    await expect(tab.getByRole('group', { name: '+33 6 12 34 56 78 · Contoso Ventes' })).toBeVisible();
    expect(app.simulator.world.businesses[0]?.name).toBe('Northwind Traders');
    expect(app.simulator.world.wabas[0]?.name).toBe('Northwind Support');
    expect(app.simulator.world.phones[1]).toMatchObject({ display_phone_number: '+33 6 12 34 56 78', status: 'PENDING', code_verification_status: 'NOT_VERIFIED' });

    await tab.getByLabel(/^Phone number in international format/).fill('06 12');
    await tab.getByRole('button', { name: 'Use this number' }).click();
    await expect(tab.getByRole('alert')).toContainText('not a number in international format');
    await expectNoAxeViolations(tab);
    await tab.close();
  });

  test('plays Meta\'s review of a display name and of a template', async ({ app }) => {
    const tab = await openRehearsal(app, 'Rehearse with your business and number');
    const number = tab.getByRole('group', { name: '+33 1 84 88 00 42 · Contoso Ventes' });
    await number.getByLabel('Display name review (name_status)').selectOption('APPROVED');
    await number.getByRole('button', { name: 'Apply' }).click();
    await expect(tab.getByRole('status')).toContainText('Changed.');
    const template = tab.getByRole('group', { name: 'rappel_rendez_vous (fr)' });
    await template.getByLabel('Status (status)').selectOption('REJECTED');
    await template.getByLabel('Rejection reason (rejected_reason)').selectOption('INVALID_FORMAT');
    await template.getByRole('button', { name: 'Apply' }).click();
    await expect(tab.getByRole('group', { name: 'rappel_rendez_vous (fr)' }).getByLabel('Rejection reason (rejected_reason)')).toHaveValue('INVALID_FORMAT');
    expect(app.simulator.world.phones[1]?.name_status).toBe('APPROVED');
    expect(app.simulator.world.templates.find((item) => item.name === 'rappel_rendez_vous')).toMatchObject({ status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' });
    await tab.close();
  });
});

test.describe('the rehearsal page in French', () => {
  test.use({ locale: 'fr-FR' });

  test('speaks the app\'s language and renames the business', async ({ app }) => {
    const tab = await openRehearsal(app, 'Répéter avec votre entreprise et votre numéro');
    await expect(tab.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Répétition');
    await tab.getByLabel('Nom du portefeuille business').fill('Jungle Services');
    await tab.getByLabel('Nom du compte WhatsApp Business').fill('Jungle Support');
    await tab.getByRole('button', { name: 'Renommer' }).click();
    await expect(tab.getByRole('status')).toContainText('Modifié.');
    await tab.getByLabel(/^Numéro de téléphone au format international/).fill('+33 7 00 00 00 00');
    await tab.getByRole('button', { name: 'Utiliser ce numéro' }).click();
    await expect(tab.getByRole('group', { name: '+33 7 00 00 00 00 · Contoso Ventes' })).toBeVisible();
    expect(app.simulator.world.businesses[0]?.name).toBe('Jungle Services');
    await expectNoAxeViolations(tab);
    await tab.close();
  });
});
