import { expect, type Locator, type Page } from '@playwright/test';
import { STEPS, type StepId } from '../../../shared/steps';
import type { Language } from '../../../shared/model/settings/settings';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../harness/paths';

type Catalog = { steps: typeof import('../../../renderer/i18n/en/steps.json')['steps']; settings: typeof import('../../../renderer/i18n/en/settings.json')['settings'] };

function catalog(language: Language): Catalog {
  const read = (area: string) => JSON.parse(readFileSync(resolve(repoRoot, `renderer/i18n/${language}/${area}.json`), 'utf8')) as Record<string, unknown>;
  return { ...read('steps'), ...read('settings') } as Catalog;
}

/** The catalogs, so tests find steps by the title the admin reads in each language. */
export const CATALOGS: Record<Language, Catalog> = { en: catalog('en'), fr: catalog('fr') };

/** Every screen of the app: the twelve steps and the settings page. */
export const SCREENS: readonly { name: string; hash: string; title(language: Language): string }[] = [
  ...STEPS.map((step) => ({
    name: step.id,
    hash: `#/step/${step.id}`,
    title: (language: Language) => stepTitle(language, step.id),
  })),
  { name: 'settings', hash: '#/settings', title: (language: Language) => CATALOGS[language].settings.title },
];

/** The step's page title as shown in its h1 (without the number). */
export function stepTitle(language: Language, id: StepId): string {
  return CATALOGS[language].steps[id].title;
}

/** The step's short name as shown in the rail. */
export function stepShort(language: Language, id: StepId): string {
  return CATALOGS[language].steps[id].short;
}

/** The page's h1. */
export function heading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/** A step's link in the left rail. */
export function railLink(page: Page, id: StepId): Locator {
  return page.getByRole('navigation').locator(`a[data-step="${id}"]`);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard-only admin would.
 *
 * Fails after `max` presses, so a control that Tab never reaches fails the test instead of
 * looping forever.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 60 } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

/** Ticks every item of the step's checklist, as an admin who did each one would. */
export async function tickChecklist(page: Page, language: Language = 'en'): Promise<void> {
  const boxes = page.getByTestId('checklist').getByRole('checkbox');
  // The step page may still be arriving: count only once its checklist is on screen.
  await expect(boxes.first()).toBeVisible();
  const count = await boxes.count();
  for (let index = 0; index < count; index += 1) {
    await boxes.nth(index).check();
  }
  await expect(page.getByTestId('checklist-count')).toHaveText(language === 'fr' ? `${count} sur ${count} cochés` : `${count} of ${count} ticked`);
}
