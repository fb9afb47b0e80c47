import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { heading } from './helpers/screens';

/**
 * Makes `folder` refuse new files for real and returns how to undo it, or null when this machine
 * cannot: chmod for a normal user, `chattr +i` for root (root ignores permission bits).
 */
function makeReadOnly(folder: string): (() => void) | null {
  const refuses = () => {
    try {
      writeFileSync(join(folder, '.probe'), '');
      rmSync(join(folder, '.probe'));
      return false;
    } catch {
      return true;
    }
  };
  chmodSync(folder, 0o555);
  const restoreMode = () => chmodSync(folder, 0o700);
  if (refuses()) return restoreMode;
  try {
    execFileSync('chattr', ['+i', folder], { stdio: 'ignore' });
  } catch {
    restoreMode();
    return null;
  }
  const undo = () => {
    execFileSync('chattr', ['-i', folder], { stdio: 'ignore' });
    restoreMode();
  };
  if (refuses()) return undo;
  undo();
  return null;
}

test.describe('damaged or unreachable things', () => {
  test('starts on a read-only data folder, names the folder, and keeps the admin\'s change on screen', async ({ app }) => {
    await app.open('#/settings');
    await expect(heading(app.page)).toContainText('Settings');
    const undo = makeReadOnly(app.dataDir);
    test.skip(undo === null, 'this machine cannot make a folder read-only');
    try {
      const before = readdirSync(app.dataDir).sort();
      await app.restart();
      const notice = app.page.getByText(/settings\.json cannot be saved in the folder/);
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(app.dataDir);
      await expect(notice).toContainText('then restart the assistant');

      const version = app.page.getByLabel('Graph API version');
      await version.fill('v25.0');
      await app.page.getByRole('button', { name: 'Save' }).click();
      await expect(app.page.getByText('Settings saved.')).toBeVisible();
      // Reloading the window asks main again: the change lives there, in memory.
      await app.page.reload();
      await expect(app.page.getByLabel('Graph API version')).toHaveValue('v25.0');
      expect(readdirSync(app.dataDir).sort()).toEqual(before);
    } finally {
      undo?.();
    }
  });

  test('tells the admin where an unreadable settings file was put, and keeps it', async ({ app }) => {
    await app.open('#/settings');
    await expect(heading(app.page)).toContainText('Settings');
    writeFileSync(join(app.dataDir, 'settings.json'), '{"language": "fr", "mode": ');
    await app.restart();

    const kept = readdirSync(app.dataDir).find((name) => name.startsWith('settings.json.corrupt-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(app.dataDir, kept ?? ''), 'utf8')).toBe('{"language": "fr", "mode": ');
    const notice = app.page.getByText(/A saved file could not be read \(settings\.json\)/);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(join(app.dataDir, kept ?? ''));
    await expectNoAxeViolations(app.page);

    await app.page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });

    test('says in French that a saved file was set aside', async ({ app }) => {
      await app.open();
      await expect(heading(app.page)).toBeVisible();
      writeFileSync(join(app.dataDir, 'workspaces.json'), 'pas du JSON');
      await app.restart();
      await expect(app.page.getByText(/Un fichier enregistré n'a pas pu être lu \(workspaces\.json\)/)).toBeVisible();
    });
  });

  test('says Facebook cannot be reached when the login dialog does not load, and changes nothing', async ({ app }) => {
    await app.open('#/step/connect');
    await expect(app.page.getByTestId('connect-status')).toHaveText('Not connected to Facebook.');
    await app.simulator.close();
    await app.page.getByRole('button', { name: 'Log in with Facebook' }).click();
    await expect(app.page.getByText('Facebook could not be reached. Check your connection and try again.')).toBeVisible();
    await expect(app.page.getByTestId('connect-status')).toHaveText('Not connected to Facebook.');
    await expect(app.page.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test('refuses a tampered or unknown IPC call without acting on it', async ({ app }) => {
    await app.open('#/step/requirements');
    const answer = await app.page.evaluate(() => window.setup.workspace.setProgress({ step: { id: 'requirements', state: 'hacked' } } as never));
    expect(answer).toMatchObject({ ok: false, error: { code: 'ipc.invalidInput', params: { channel: 'workspace:setProgress' } } });
    const unknown = await app.page.evaluate(() => window.__harnessInvoke('shell:openPath', '/etc/passwd'));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc.unknownChannel' } });
    expect(app.services().workspaces.current().progress.steps.requirements).toBeUndefined();
  });
});
