import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Harness } from '../harness/fixture';

/**
 * The app's data folder carried from one test to the next, for a walk split into serial tests
 * (`test.describe.configure({ mode: 'serial' })`): each test starts the app on what the previous
 * one stored, as an admin reopening the app would, so no test has to repeat the steps before it.
 *
 * Usage:
 * ```ts
 * const carried = new CarriedStoreFolder();
 * test.afterAll(() => carried.dispose());
 * test('first part', async ({ app }) => { …; carried.keep(app); });
 * test('second part', async ({ app }) => { await carried.resume(app); … });
 * ```
 */
export class CarriedStoreFolder {
  private folder: string | null = null;

  /** Keeps what the app stored so far. Wait for the autosaves first: the files are copied as they are. */
  keep(app: Harness): void {
    this.dispose();
    this.folder = mkdtempSync(join(tmpdir(), 'wcsa-e2e-carried-'));
    cpSync(app.dataDir, this.folder, { recursive: true });
  }

  /** Starts the app again on what the last `keep` stored (call before `app.open`). */
  async resume(app: Harness): Promise<void> {
    if (!this.folder) throw new Error('nothing kept: the test before this one did not finish');
    cpSync(this.folder, app.dataDir, { recursive: true, force: true });
    await app.restart();
  }

  dispose(): void {
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = null;
  }
}
