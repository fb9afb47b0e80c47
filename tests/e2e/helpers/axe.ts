import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Fails with the rule and the elements when axe finds a violation on the page as it is now
 * (or, with `include`, inside that part of it).
 *
 * Runs axe in the page itself (legacy mode): the app has no frames, and the default mode opens
 * a blank page for every scan to merge per-frame results, which costs seconds per scan on a
 * busy machine and adds up in tests that scan several screens.
 */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).setLegacyMode();
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  expect(violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
}
