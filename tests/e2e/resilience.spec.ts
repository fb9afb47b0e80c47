import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './harness/fixture';
import { heading } from './helpers/screens';

test.describe('damaged or unreachable things', () => {
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
    expect((await new AxeBuilder({ page: app.page }).analyze()).violations.map(({ id }) => id)).toEqual([]);

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
