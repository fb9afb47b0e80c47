import type { Language } from '../../shared/model/settings/settings';
import { expect, test } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { SCREENS, heading } from './helpers/screens';

const LOCALES: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

for (const language of ['en', 'fr'] as const) {
  test.describe(`accessibility in ${language}`, () => {
    test.use({ locale: LOCALES[language] });

    for (const screen of SCREENS) {
      test(`finds no axe violations on ${screen.name}`, async ({ app }) => {
        await app.open(screen.hash);
        await expect(heading(app.page)).toContainText(screen.title(language));
        await expect(app.page.locator('html')).toHaveAttribute('lang', language);
        await expectNoAxeViolations(app.page);
      });
    }
  });
}

test.describe('accessibility in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  for (const hash of ['#/step/default-skill', '#/settings']) {
    test(`finds no axe violations on ${hash} in dark mode`, async ({ app }) => {
      await app.open(hash);
      await expect(heading(app.page)).toBeVisible();
      await expectNoAxeViolations(app.page);
    });
  }
});

test('shows settings errors accessibly', async ({ app }) => {
  await app.open('#/settings');
  await app.page.getByLabel('Facebook App ID').fill('x');
  await app.page.getByRole('radio', { name: /^Live/ }).check();
  await app.page.getByRole('button', { name: 'Save' }).click();
  await expect(app.page.getByLabel('Facebook App ID')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(app.page);
});
