import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Drafts, DraftsInput } from '../../../shared/model/drafts/drafts';

/** Saves drafts for the current workspace through the app's own bridge, as the screens do. */
export async function saveDrafts(page: Page, drafts: DraftsInput): Promise<void> {
  await page.evaluate(async (input) => {
    const state = await window.setup.drafts.get();
    if (!state.ok) throw new Error(JSON.stringify(state.error));
    const saved = await window.setup.drafts.save({ workspaceId: state.value.workspaceId, drafts: input });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }, drafts);
}

/** What main holds for the workspace on screen. */
export async function storedDrafts(page: Page): Promise<Drafts> {
  const state = await page.evaluate(() => window.setup.drafts.get());
  if (!state.ok) throw new Error(JSON.stringify(state.error));
  return state.value.drafts;
}

/**
 * Waits until main holds what the screen shows: changes autosave after a short pause, and a
 * reload in that pause would test the pause, not the screens.
 */
export async function expectStored(page: Page, check: (drafts: Drafts) => boolean): Promise<void> {
  await expect.poll(async () => check(await storedDrafts(page))).toBe(true);
}

/**
 * Fails with the rule and the elements when axe finds a violation on the page as it is now.
 *
 * Runs axe in the page itself (legacy mode): the app has no frames, and the default mode opens
 * a blank page for every scan to merge per-frame results, which a walk scanning each screen
 * pays many times over.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  expect(violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }))).toEqual([]);
}
