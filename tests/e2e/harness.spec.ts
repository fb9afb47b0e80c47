import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixture';

/**
 * The harness's controls reach main's services: its clock is their time and timers, its network
 * switch is their way out. (The controls themselves: tests/unit/harness-controls.test.ts.)
 */

test('the logo re-check waits for the harness clock, and the offline network is what it meets', async ({ app }) => {
  await app.open();
  const services = app.services();
  const { workspaceId, requirements } = services.requirements.get();
  app.network.offline();
  const before = app.clock.now().getTime();
  services.requirements.save(workspaceId, { ...requirements, logoUrl: 'https://cdn.contoso.example/logo.png' });
  await expect.poll(() => services.requirements.get().logo.state).toBe('waitingForNetwork');
  const first = services.requirements.get().logo;
  expect(Date.parse(first.nextAttemptAt ?? '') - before).toBeGreaterThanOrEqual(30_000);
  expect(app.clock.pending()).toBeGreaterThanOrEqual(1);

  await app.clock.advance(30_000);
  // The re-check ran at the harness's time, met the network still off, and backs off further.
  await expect.poll(() => services.requirements.get().logo.checkedAt).not.toBe(first.checkedAt);
  const second = services.requirements.get().logo;
  expect(second.state).toBe('waitingForNetwork');
  expect(Date.parse(second.checkedAt ?? '') - before).toBeGreaterThanOrEqual(30_000);
  expect(Date.parse(second.nextAttemptAt ?? '') - Date.parse(second.checkedAt ?? '')).toBe(60_000);
});

/** Logs in through the sandbox dialog as Camille Martin, as the login tests do. */
async function logIn(app: { page: Page; loginWindow(): Promise<Page> }): Promise<void> {
  await app.page.getByRole('button', { name: 'Log in with Facebook' }).click();
  const login = await app.loginWindow();
  await login.getByRole('button', { name: 'Log in as Camille Martin' }).click();
  await login.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect.poll(() => login.isClosed()).toBe(true);
}

test('Graph calls fail as unreachable while the harness network is off, and reach Meta again once on', async ({ app }) => {
  await app.open('#/step/connect');
  await logIn(app);
  await expect.poll(() => app.services().session.status().connected).toBe(true);
  const calls = app.simulator.graphCallCount('/me/permissions', 'GET');
  app.network.offline();
  await expect(app.services().session.refresh()).rejects.toMatchObject({ code: 'meta.network' });
  expect(app.simulator.graphCallCount('/me/permissions', 'GET')).toBe(calls);
  app.network.online();
  await expect(app.services().session.refresh()).resolves.toMatchObject({ connected: true });
  expect(app.simulator.graphCallCount('/me/permissions', 'GET')).toBe(calls + 1);
});

test.describe('with the page clock', () => {
  test.use({ pageClock: true });

  test('moves the page\'s time with main\'s, so both agree on "now"', async ({ app }) => {
    await app.open();
    const page = () => app.page.evaluate(() => Date.now());
    const before = await page();
    const mainBefore = app.clock.now().getTime();
    await app.clock.advance(120_000);
    expect((await page()) - before).toBeGreaterThanOrEqual(120_000);
    expect(app.clock.now().getTime() - mainBefore).toBeGreaterThanOrEqual(120_000);
  });
});
