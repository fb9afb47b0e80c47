import { existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import * as z from 'zod';
import { expect, test, type Harness } from './harness/fixture';
import { heading, stepTitle, tickChecklist } from './helpers/screens';

const panel = (page: Page) => page.getByTestId('connect-panel');

/** Clicks "Log in with Facebook" (or another login button) and returns the login window. */
async function openLogin(app: Harness, button: string | RegExp = 'Log in with Facebook'): Promise<Page> {
  await panel(app.page).getByRole('button', { name: button }).click();
  await expect(panel(app.page).getByText(/Waiting for you to log in in Facebook's window… \(Step 2 of 3\)/)).toBeVisible();
  const login = await app.loginWindow();
  // As a person would: act once the dialog is on screen.
  await expect(login.getByRole('heading', { level: 1 })).toBeVisible();
  await login.waitForLoadState('load');
  return login;
}

/** The simulated dialog's words: it speaks the app's language, as Meta's speaks the admin's. */
const DIALOG = {
  en: { logInAs: (person: string) => `Log in as ${person}`, requesting: /is requesting access/, continue: 'Continue' },
  fr: { logInAs: (person: string) => `Se connecter en tant que ${person}`, requesting: /demande l’accès/, continue: 'Continuer' },
} as const;

/** Goes through the sandbox dialog as `person`, unticking `decline` on the permissions page. */
async function logInAs(login: Page, person: string, decline: string[] = [], language: keyof typeof DIALOG = 'en'): Promise<void> {
  const words = DIALOG[language];
  await expect(login.locator('html')).toHaveAttribute('lang', language);
  await login.getByRole('button', { name: words.logInAs(person) }).click();
  await expect(login.getByRole('heading', { name: words.requesting })).toBeVisible();
  for (const scope of decline) await login.getByRole('checkbox', { name: new RegExp(scope) }).uncheck();
  await login.getByRole('button', { name: words.continue, exact: true }).click();
}

test.describe('Log in with Facebook (sandbox)', () => {
  test('logs in and shows who is connected, the mode, the permissions and the expiry', async ({ app }) => {
    await app.open('#/step/connect');
    await expect(panel(app.page).getByTestId('connect-mode')).toHaveText('Sandbox');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Not connected to Facebook.');
    const login = await openLogin(app);
    await expect(login.getByText('Sandbox: simulated Meta login')).toBeVisible();
    await logInAs(login, 'Camille Martin');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
    await expect(panel(app.page).getByTestId('scopes-granted')).toContainText('Manage WhatsApp Business accounts');
    await expect(panel(app.page).getByTestId('scopes-missing')).toHaveText('none');
    await expect(panel(app.page).getByTestId('connect-expiry')).toContainText(String(new Date().getFullYear()));
    expect(login.isClosed()).toBe(true);
    // The token stays in main: the vault file holds ciphertext only.
    const vault = join(app.dataDir, 'secrets.vault');
    expect(existsSync(vault)).toBe(true);
  });

  test('shows a declined permission as missing and asks again only for it', async ({ app }) => {
    await app.open('#/step/connect');
    await logInAs(await openLogin(app), 'Camille Martin', ['whatsapp_business_messaging']);
    await expect(panel(app.page).getByTestId('scopes-missing')).toHaveText('Send WhatsApp messages (whatsapp_business_messaging)');

    const again = await openLogin(app, 'Ask again for the missing permissions');
    await again.getByRole('button', { name: 'Continue as Camille Martin' }).click();
    await expect(again.getByRole('checkbox')).toHaveCount(1);
    await expect(again.getByRole('checkbox', { name: /whatsapp_business_messaging/ })).toBeChecked();
    await again.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(panel(app.page).getByTestId('scopes-missing')).toHaveText('none');
  });

  test('says the login was declined when Cancel is pressed in the dialog, and changes nothing', async ({ app }) => {
    await app.open('#/step/connect');
    const login = await openLogin(app);
    await login.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel(app.page).getByText('Facebook login was declined. Nothing was changed.')).toBeVisible();
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Not connected to Facebook.');
  });

  test('stops the login from the app with Cancel', async ({ app }) => {
    await app.open('#/step/connect');
    const login = await openLogin(app);
    await panel(app.page).getByRole('button', { name: 'Cancel' }).click();
    await expect(panel(app.page).getByText('Login was cancelled. Nothing was changed.')).toBeVisible();
    await expect.poll(() => login.isClosed()).toBe(true);
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Not connected to Facebook.');
  });

  test("takes a closed login window as the admin's choice: no error, one button to log in again", async ({ app }) => {
    await app.open('#/step/connect');
    const login = await openLogin(app);
    await login.close();
    await expect(panel(app.page).getByTestId('connect-window-closed')).toHaveText('The login window was closed. Nothing was changed.Log in again');
    await expect(panel(app.page).getByTestId('error-bar')).toHaveCount(0);
    await expect(panel(app.page).getByText('Something went wrong')).toHaveCount(0);
    await expect(panel(app.page).getByRole('button', { name: 'Log in with Facebook' })).toHaveCount(0);
    const retry = await openLogin(app, 'Log in again');
    await logInAs(retry, 'Camille Martin');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
  });

  test('logs in with another account', async ({ app }) => {
    await app.open('#/step/connect');
    await logInAs(await openLogin(app), 'Camille Martin');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
    const other = await openLogin(app, 'Log in with another account');
    await expect(other.getByRole('button', { name: /Continue as/ })).toHaveCount(0);
    await logInAs(other, 'Alex Tremblay');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Alex Tremblay.');
  });

  test('keeps a working session after a refused login', async ({ app }) => {
    await app.open('#/step/connect');
    await logInAs(await openLogin(app), 'Camille Martin');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
    // Meta ends the token presented on the next Graph call: the new login's, on its first read.
    app.simulator.faults.arm('expireToken');
    await logInAs(await openLogin(app, 'Log in with another account'), 'Alex Tremblay');
    await expect(panel(app.page).getByText('Meta refused the new login, so it was not used. Nothing was changed: any session you had is still connected. Please try again.')).toBeVisible();
    expect(app.simulator.faults.active()).toEqual([]);
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
    await expect(panel(app.page).getByText('Session ended')).toHaveCount(0);

    // The old session still reads Graph, and is still the one stored after a restart.
    const me = await (await app.services().session.graph()).get({ path: '/me', query: { fields: 'id,name' }, schema: z.object({ name: z.string() }) });
    expect(me.name).toBe('Camille Martin');
    await app.restart();
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
  });

  test('disconnects: revokes at Meta, wipes the stored token and the login cookies', async ({ app }) => {
    await app.open('#/step/connect');
    await logInAs(await openLogin(app), 'Camille Martin');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
    await panel(app.page).getByRole('button', { name: 'Disconnect' }).click();
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Not connected to Facebook.');
    expect(existsSync(join(app.dataDir, 'secrets.vault'))).toBe(false);
    expect([...app.simulator.world.people[0]!.permissions.keys()]).toEqual([]);
    // No cookie left: the dialog asks who is logging in again instead of "Continue as".
    const login = await openLogin(app);
    await expect(login.getByRole('button', { name: 'Log in as Camille Martin' })).toBeVisible();
    await expect(login.getByRole('button', { name: /Continue as/ })).toHaveCount(0);
  });

  test('survives a restart, then notices an expired token and logs in again with nothing lost', async ({ app }) => {
    await app.open('#/step/requirements');
    await tickChecklist(app.page);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'connect'));
    await logInAs(await openLogin(app), 'Camille Martin');
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');

    await app.restart();
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');

    app.simulator.faults.expireTokens();
    await panel(app.page).getByRole('button', { name: 'Check again' }).click();
    await expect(panel(app.page).getByText('Session ended')).toBeVisible();
    await expect(panel(app.page).getByText(/Meta no longer accepts the session of Camille Martin/)).toBeVisible();

    const login = await openLogin(app, 'Log in again');
    await login.getByRole('button', { name: 'Continue as Camille Martin' }).click();
    await expect(panel(app.page).getByTestId('connect-status')).toHaveText('Connected as Camille Martin.');
    await expect(app.page.getByRole('navigation').getByRole('link', { name: /^1 Requirements, done/ })).toBeVisible();
  });
});

for (const [language, locale, loginLabel] of [
  ['en', 'en-US', 'Log in with Facebook'],
  ['fr', 'fr-FR', 'Se connecter avec Facebook'],
] as const) {
  test.describe(`connect panel accessibility in ${language}`, () => {
    test.use({ locale });

    test('finds no axe violations before and after logging in', async ({ app }) => {
      await app.open('#/step/connect');
      await expect(panel(app.page).getByRole('button', { name: loginLabel })).toBeVisible();
      expect((await new AxeBuilder({ page: app.page }).analyze()).violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
      await panel(app.page).getByRole('button', { name: loginLabel }).click();
      await logInAs(await app.loginWindow(), 'Camille Martin', ['whatsapp_business_messaging'], language);
      await expect(panel(app.page).getByTestId('scopes-missing')).toContainText('whatsapp_business_messaging');
      // The check after a login greys the buttons for a moment; scan the settled panel.
      for (const button of await panel(app.page).getByRole('button').all()) await expect(button).toBeEnabled();
      expect((await new AxeBuilder({ page: app.page }).analyze()).violations.map(({ id, nodes }) => ({ id, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
    });
  });
}
