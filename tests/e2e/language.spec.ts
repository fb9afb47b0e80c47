import { expect, test } from './harness/fixture';
import { heading } from './helpers/screens';

test.describe('on a French system', () => {
  test.use({ locale: 'fr-FR' });

  test('speaks French on first start', async ({ app }) => {
    await app.open();
    await expect(heading(app.page)).toContainText('Vérifier les exigences du compte WhatsApp Business');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(app.page.getByRole('link', { name: 'Paramètres' })).toBeVisible();
    await expect(app.page.getByRole('navigation', { name: "Étapes de l'assistant" })).toBeVisible();
  });

  test('switches to English at once and keeps it after a restart', async ({ app }) => {
    await app.open();
    await expect(heading(app.page)).toContainText('Vérifier les exigences');
    await app.page.getByRole('button', { name: 'English (EN)' }).click();
    await expect(heading(app.page)).toContainText('Check the WhatsApp Business account requirements');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.page.getByRole('button', { name: 'English (EN)' })).toHaveAttribute('aria-pressed', 'true');

    await app.restart();
    await expect(heading(app.page)).toContainText('Check the WhatsApp Business account requirements');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('on an English system', () => {
  test.use({ locale: 'en-US' });

  test('speaks English on first start', async ({ app }) => {
    await app.open();
    await expect(heading(app.page)).toContainText('Check the WhatsApp Business account requirements');
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(app.page.getByRole('link', { name: 'Settings' })).toBeVisible();
  });

  test('switches to French at once, everywhere on the screen, and keeps it after a restart', async ({ app }) => {
    await app.open('#/step/number-status');
    await expect(heading(app.page)).toContainText("Check the number's status");
    await app.page.getByRole('button', { name: 'Français (FR)' }).click();
    await expect(heading(app.page)).toContainText("Vérifier l'état du numéro");
    await expect(app.page.getByRole('navigation').getByRole('link', { name: '3 État du numéro, en attente de : Connexion et création' })).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'Marquer terminée' })).toBeVisible();
    await expect(app.page.getByTestId('checklist-count')).toHaveText(/^0 sur \d+ cochés$/);
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Espace de travail : WhatsApp');
    await expect(app.page).toHaveTitle(/Vérifier l'état du numéro/);

    await app.restart();
    await expect(heading(app.page)).toContainText("Vérifier l'état du numéro");
    await expect(app.page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('follows a language chosen on the Settings page', async ({ app }) => {
    await app.open('#/settings');
    await expect(heading(app.page)).toHaveText('Settings');
    await app.page.getByRole('radio', { name: 'Français' }).check();
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(heading(app.page)).toHaveText('Paramètres');
    await expect(app.page.getByText('Paramètres enregistrés.')).toBeVisible();
  });
});
