import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails with the rule and the elements when axe finds a violation on the page as it is now
 * (or, with `include`, inside that part of it).
 *
 * Runs axe in the page itself (legacy mode): the app has no frames, and the default mode opens
 * a blank page for every scan to merge per-frame results, which costs seconds per scan on a
 * busy machine and adds up in tests that scan several screens.
 *
 * Fluent's focus manager (tabster) puts `<i data-tabster-dummy aria-hidden tabindex=0>` at
 * the edges of menus and dialogs: sentinels that hand focus straight on to the first or last
 * real control when Tab reaches them, so no one ever rests on one. axe reports them as
 * focusable inside aria-hidden whenever nothing paints over them; they are left out of the
 * scan, everything else in the popup is scanned.
 */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).setLegacyMode().exclude('[data-tabster-dummy]');
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  expect(violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
}
