import { expect, test } from './harness/fixture';
import { heading, railLink, stepTitle, tickChecklist } from './helpers/screens';

test.describe('persistence', () => {
  test('keeps a step marked done after a restart', async ({ app }) => {
    await app.open('#/step/requirements');
    await tickChecklist(app.page);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    await expect(railLink(app.page, 'requirements')).toHaveAccessibleName('1 Requirements, done');

    await app.restart();
    await app.open('#/step/requirements');
    await expect(heading(app.page)).toContainText(stepTitle('en', 'requirements'));
    await expect(app.page.getByTestId('step-state')).toHaveText('done');
    await expect(railLink(app.page, 'requirements')).toHaveAccessibleName('1 Requirements, done');
    await expect(app.page.getByRole('button', { name: 'Mark done' })).toBeDisabled();
  });

  test('keeps a skipped optional step and a step in progress after a restart', async ({ app }) => {
    await app.open('#/step/sla');
    await app.page.getByRole('button', { name: 'Skip' }).click();
    await expect(app.page.getByTestId('step-state')).toHaveText('skipped');
    await railLink(app.page, 'roles').click();
    await app.page.getByRole('button', { name: 'Mark in progress' }).click();
    await expect(app.page.getByTestId('step-state')).toHaveText('in progress');

    await app.restart();
    await expect(railLink(app.page, 'sla')).toHaveAccessibleName('11 SLA (optional), skipped');
    await expect(railLink(app.page, 'roles')).toHaveAccessibleName('7 Roles, in progress');
  });

  test('returns to the step the admin was on after a restart', async ({ app }) => {
    await app.open();
    await railLink(app.page, 'routing').click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'routing'));

    await app.restart();
    // A fresh start has no address: the app must remember the step itself.
    await app.open();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'routing'));
    await expect(app.page).toHaveURL(/#\/step\/routing$/);
  });

  test('keeps saved settings after a restart', async ({ app }) => {
    await app.open('#/settings');
    await app.page.getByLabel('Facebook App ID').fill('123456789012345');
    await app.page.getByLabel('Graph API version').fill('v25.0');
    await app.page.getByRole('switch', { name: 'Use the authorization code flow with PKCE' }).check();
    await app.page.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByText('Settings saved.')).toBeVisible();

    await app.restart();
    await app.open('#/settings');
    await expect(app.page.getByLabel('Facebook App ID')).toHaveValue('123456789012345');
    await expect(app.page.getByLabel('Graph API version')).toHaveValue('v25.0');
    await expect(app.page.getByRole('switch', { name: 'Use the authorization code flow with PKCE' })).toBeChecked();
  });
});
