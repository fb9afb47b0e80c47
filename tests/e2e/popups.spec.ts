import type { Locator } from '@playwright/test';
import { expect, test } from './harness/fixture';
import { heading } from './helpers/screens';

/** True when what sits on top at the centre of `target` is `target` or inside it. */
const isOnTop = (target: Locator) =>
  target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && element.contains(hit);
  });

/**
 * Fluent mounts popups (menus, listboxes, dialogs) in a layer outside the app's root, and a
 * combobox's listbox stays mounted there once opened. That layer must never cover the window:
 * if it took the app's full-height styles, every click would land on it and the page would
 * look frozen.
 */
test('a list picked from leaves every part of the page clickable', async ({ app }) => {
  const { page } = app;
  await app.open('#/step/requirements');
  const box = page.getByTestId('time-zone');
  await box.fill('pari');
  await box.press('s');
  await page.getByRole('option', { name: /^Europe\/Paris/ }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  for (const target of [heading(page), page.getByRole('navigation').getByRole('link').first()]) {
    await target.scrollIntoViewIfNeeded();
    expect(await isOnTop(target)).toBe(true);
  }
  await page.getByRole('navigation').getByRole('link').nth(1).click();
  await expect(page).toHaveURL(/#\/step\/connect$/);
});
