import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { startUpdateFeed, type UpdateFeed } from './harness/update-feed';

/** The harness with a local update feed, saved as the admin's feed (checked at start). */
const test = base.extend<{ feed: UpdateFeed }>({
  // eslint-disable-next-line no-empty-pattern
  feed: async ({}, use) => {
    const feed = await startUpdateFeed({ releaseNotes: 'Faster checks of message templates.' });
    await use(feed);
    await feed.close();
  },
  updateFeed: async ({ feed }, use) => {
    await use(feed.url);
  },
});

const banner = (app: { page: import('@playwright/test').Page }) => app.page.getByTestId('update-banner');

test.describe('updates in English', () => {
  test('offers the newer version, downloads it with progress, and installs only on "Restart to install"', async ({ app, feed }) => {
    await app.open('#/step/requirements');
    await expect(banner(app)).toContainText('Version 9.1.0 is available');
    await banner(app).getByText("What's new").click();
    await expect(banner(app)).toContainText('Faster checks of message templates.');
    await expectNoAxeViolations(app.page, '[data-testid="update-banner"]');

    feed.holdHalfway();
    await banner(app).getByRole('button', { name: 'Download' }).click();
    await expect(banner(app)).toContainText('Downloading version 9.1.0: 50%');
    await expect(banner(app).getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
    await expect(banner(app).getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expectNoAxeViolations(app.page, '[data-testid="update-banner"]');

    feed.release();
    const restart = banner(app).getByRole('button', { name: 'Restart to install' });
    await expect(restart).toBeVisible();
    await expect(banner(app)).toContainText('Version 9.1.0 is downloaded and verified.');
    // Downloaded is not installed: nothing happens until the admin clicks.
    expect(app.installRequests()).toEqual([]);
    await restart.click();
    await expect.poll(() => app.installRequests().length).toBe(1);
    expect(app.installRequests()[0]).toContain(feed.fileName);
  });

  test('cancels a download half-way and offers it again', async ({ app, feed }) => {
    await app.open('#/step/requirements');
    feed.holdHalfway();
    await banner(app).getByRole('button', { name: 'Download' }).click();
    await expect(banner(app)).toContainText('50%');
    await banner(app).getByRole('button', { name: 'Cancel' }).click();
    // Cancelling ends a held network read and deletes the partial file: on a loaded machine
    // that has taken more than the default 5 s once, so this wait gets a longer ceiling.
    await expect(banner(app).getByRole('button', { name: 'Download' })).toBeVisible({ timeout: 15_000 });
    await expect(banner(app)).toContainText('Version 9.1.0 is available');
    expect(readdirSync(join(app.dataDir, 'pending-update'))).toEqual([]);
  });

  test('says the version is the latest when the feed has nothing newer', async ({ app, feed }) => {
    await app.open('#/settings');
    const section = app.page.getByTestId('updates-section');
    await expect(section.getByLabel('Update feed URL')).toHaveValue(feed.url);
    feed.setMode('not-available');
    await section.getByRole('button', { name: 'Check now' }).click();
    await expect(section.getByText('You have the latest version.')).toBeVisible();
    await expect(banner(app)).toHaveCount(0);
    await expect(section).toContainText('Last checked:');
  });

  test('shows an interrupted download with Retry, which then completes it', async ({ app, feed }) => {
    await app.open('#/step/requirements');
    feed.setMode('interrupt');
    await banner(app).getByRole('button', { name: 'Download' }).click();
    await expect(banner(app)).toContainText('The download was interrupted. The partial file was deleted');
    expect(readdirSync(join(app.dataDir, 'pending-update'))).toEqual([]);
    feed.setMode('available');
    await banner(app).getByRole('button', { name: 'Retry' }).click();
    await expect(banner(app).getByRole('button', { name: 'Restart to install' })).toBeVisible();
  });

  test('refuses a file whose checksum differs and never offers to install it', async ({ app, feed }) => {
    feed.setMode('bad-checksum');
    await app.open('#/settings');
    await app.page.getByTestId('updates-section').getByRole('button', { name: 'Check now' }).click();
    await banner(app).getByRole('button', { name: 'Download' }).click();
    await expect(banner(app)).toContainText('does not match its checksum in the feed, so it was deleted');
    await expect(banner(app).getByRole('button', { name: 'Restart to install' })).toHaveCount(0);
    expect(readdirSync(join(app.dataDir, 'pending-update'))).toEqual([]);
    expect(app.installRequests()).toEqual([]);
  });
});

base.describe('update settings', () => {
  base('refuses a feed that is not https, under the field, and saves a valid one', async ({ app }) => {
    await app.open('#/settings');
    const section = app.page.getByTestId('updates-section');
    const feedUrl = section.getByLabel('Update feed URL');
    await feedUrl.fill('http://updates.example.com/wcsa');
    await section.getByRole('button', { name: 'Apply update settings' }).click();
    await expect(section.getByText('Enter an https:// address')).toBeVisible();
    await expect(feedUrl).toHaveAttribute('aria-invalid', 'true');
    await feedUrl.fill('https://updates.example.com/wcsa/');
    await section.getByRole('switch', { name: 'Check for updates when the assistant starts' }).uncheck();
    await section.getByRole('button', { name: 'Apply update settings' }).click();
    await expect(section.getByText('Update settings saved.')).toBeVisible();
    await app.restart();
    await expect(app.page.getByTestId('updates-section').getByLabel('Update feed URL')).toHaveValue('https://updates.example.com/wcsa');
    await expect(app.page.getByTestId('updates-section').getByRole('switch', { name: 'Check for updates when the assistant starts' })).not.toBeChecked();
    await expectNoAxeViolations(app.page, '[data-testid="updates-section"]');
  });

  base("shows the organisation's policy turning updates off, over the admin's feed", async ({ app }) => {
    writeFileSync(join(app.dataDir, 'update-policy.json'), JSON.stringify({ enabled: false, feedUrl: 'https://updates.example.org/it' }));
    await app.open('#/settings');
    const section = app.page.getByTestId('updates-section');
    await expect(section.getByText('Your organisation has turned updates off.')).toBeVisible();
    await expect(section.getByLabel('Update feed URL')).toHaveValue('https://updates.example.org/it');
    await expect(section.getByLabel('Update feed URL')).toHaveAttribute('readonly', '');
    await expect(section.getByRole('button', { name: 'Check now' })).toHaveAttribute('aria-disabled', 'true');
    await expectNoAxeViolations(app.page, '[data-testid="updates-section"]');
    expect(existsSync(join(app.dataDir, 'pending-update'))).toBe(false);
  });
});

test.describe('updates in French', () => {
  test.use({ locale: 'fr-FR' });

  test('announces, downloads and offers to restart, in French', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(banner(app)).toContainText('La version 9.1.0 est disponible');
    await banner(app).getByRole('button', { name: 'Télécharger' }).click();
    await banner(app).getByRole('button', { name: 'Redémarrer pour installer' }).click();
    await expect.poll(() => app.installRequests().length).toBe(1);
  });
});
