import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Language } from '../../shared/model/settings/settings';
import { repoRoot } from '../e2e/harness/paths';
import { expect, test } from '../e2e/harness/fixture';
import { SCREENS, heading, stepTitle, tickChecklist } from '../e2e/helpers/screens';

const outDir = resolve(repoRoot, 'docs/screenshots');
const LOCALES: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

for (const language of ['en', 'fr'] as const) {
  test.describe(`screenshots in ${language}`, () => {
    test.use({ locale: LOCALES[language] });

    test(`captures every screen in ${language}`, async ({ app }) => {
      mkdirSync(outDir, { recursive: true });
      // A little progress makes the rail show every state an admin meets.
      await app.open('#/step/requirements');
      await expect(heading(app.page)).toBeVisible();
      await tickChecklist(app.page, language);
      await app.page.locator('[data-action="done"]').click();
      await expect(heading(app.page)).toContainText(stepTitle(language, 'connect'));
      for (const screen of SCREENS) {
        await app.open(screen.hash);
        await expect(heading(app.page)).toContainText(screen.title(language));
        await app.page.evaluate(() => document.fonts.ready);
        await app.page.screenshot({ path: resolve(outDir, `${language}-${screen.name}.png`) });
      }

      // Step 2 once connected to the sandbox, with one permission declined.
      await app.open('#/step/connect');
      await app.page.getByTestId('connect-panel').getByRole('button').first().click();
      const login = await app.loginWindow();
      // The simulated dialog speaks the app's language, as Meta's speaks the admin's.
      const words = language === 'fr' ? { logInAs: 'Se connecter en tant que Camille Martin', continue: 'Continuer' } : { logInAs: 'Log in as Camille Martin', continue: 'Continue' };
      await login.getByRole('button', { name: words.logInAs }).click();
      await login.getByRole('checkbox', { name: /whatsapp_business_messaging/ }).uncheck();
      if (language === 'en') await login.screenshot({ path: resolve(outDir, 'sandbox-login-permissions.png') });
      await login.getByRole('button', { name: words.continue, exact: true }).click();
      await expect(app.page.getByTestId('scopes-missing')).toContainText('whatsapp_business_messaging');
      await app.page.screenshot({ path: resolve(outDir, `${language}-connect-connected.png`) });
    });
  });
}
