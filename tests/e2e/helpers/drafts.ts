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

export { expectNoAxeViolations } from './axe';
