import { expect, test } from './harness/fixture';
import { heading } from './helpers/screens';

test.describe('settings in English', () => {
  test('rejects an App ID that is not numeric, under the field', async ({ app }) => {
    await app.open('#/settings');
    const appId = app.page.getByLabel('Facebook App ID');
    await appId.fill('12ab34');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByText("Enter 5 to 20 digits, exactly as shown in Meta's App Dashboard.")).toBeVisible();
    await expect(appId).toHaveAttribute('aria-invalid', 'true');
    await expect(app.page.getByText('Settings saved.')).toHaveCount(0);

    await appId.fill('1234567890');
    await expect(app.page.getByText("Enter 5 to 20 digits, exactly as shown in Meta's App Dashboard.")).toHaveCount(0);
  });

  test('rejects a malformed Graph API version', async ({ app }) => {
    await app.open('#/settings');
    await app.page.getByLabel('Graph API version').fill('26');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByText('Use the form v26.0.')).toBeVisible();
  });

  test('refuses live mode without an App ID', async ({ app }) => {
    await app.open('#/settings');
    await app.page.getByRole('radio', { name: /^Live/ }).check();
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByText("Live mode needs your organisation's Facebook App ID.")).toBeVisible();
    await expect(app.page.getByText('Settings saved.')).toHaveCount(0);
    await expect(app.page.getByTestId('sandbox-banner')).toBeVisible();
  });

  test('shows the sandbox banner until valid live settings are saved', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(app.page.getByTestId('sandbox-banner')).toBeVisible();
    await expect(app.page.getByTestId('sandbox-badge')).toHaveText('SANDBOX');

    await app.page.getByRole('link', { name: 'Settings' }).click();
    await expect(heading(app.page)).toHaveText('Settings');
    await app.page.getByLabel('Facebook App ID').fill('1234567890');
    await app.page.getByRole('radio', { name: /^Live/ }).check();
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByText('Settings saved.')).toBeVisible();
    await expect(app.page.getByTestId('sandbox-banner')).toHaveCount(0);
    await expect(app.page.getByTestId('sandbox-badge')).toHaveCount(0);
    await expect(app.page.getByTestId('live-badge')).toHaveText('LIVE');

    await app.restart();
    await expect(app.page.getByTestId('live-badge')).toBeVisible();
    await expect(app.page.getByTestId('sandbox-banner')).toHaveCount(0);
  });

  test('keeps the sandbox banner when an App ID is saved but the mode stays sandbox', async ({ app }) => {
    await app.open('#/settings');
    await app.page.getByLabel('Facebook App ID').fill('1234567890');
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByText('Settings saved.')).toBeVisible();
    // An App ID alone, with the mode still on sandbox, is not live.
    await expect(app.page.getByTestId('sandbox-banner')).toBeVisible();
  });
});

test.describe('settings in French', () => {
  test.use({ locale: 'fr-FR' });

  test("rejects an App ID that is not numeric, with the French message", async ({ app }) => {
    await app.open('#/settings');
    await expect(heading(app.page)).toHaveText('Paramètres');
    await app.page.getByLabel("Identifiant de l'application Facebook (App ID)").fill('abcde');
    await app.page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.page.getByText('Saisissez 5 à 20 chiffres, exactement comme dans le tableau de bord des applications de Meta.')).toBeVisible();
  });

  test('refuses live mode without an App ID, with the French message', async ({ app }) => {
    await app.open('#/settings');
    await app.page.getByRole('radio', { name: /^Réel/ }).check();
    await app.page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(app.page.getByText("Le mode réel nécessite l'identifiant de l'application Facebook de votre organisation.")).toBeVisible();
    await expect(app.page.getByTestId('sandbox-badge')).toHaveText('BAC À SABLE');
  });
});
