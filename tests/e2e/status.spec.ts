import type { Locator, Page } from '@playwright/test';
import { expect, test, type Harness } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { connectToContoso, CONTOSO, passLoginDialog } from './helpers/meta-account';

/**
 * Step 3's status board and step 4's rename page, over the simulated Meta: what the background
 * checks show and tell as time passes (the harness clock), and how they wait when Meta or the
 * network says so.
 */

test.use({ pageClock: true });

const board = (page: Page) => page.getByTestId('status-board');
const polling = (page: Page) => page.getByTestId('status-polling');
const row = (page: Page, id: string): Locator => page.getByTestId('status-numbers').locator(`[data-row-key="${id}"]`);

/** A time as the page writes it (same day): what the board shows for `iso`. */
const shortTime = (page: Page, iso: string, language: string) => page.evaluate(([at, lang]) => new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(at!)), [iso, language]);

/** Moves to another step the way the rail does (the hash), without reloading the page. */
async function goTo(app: Harness, hash: string): Promise<void> {
  await app.page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

test.describe('status board', () => {
  test('shows the number chosen in step 2, then its approved display name after the next check, with a desktop notification', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/connect');
    await page.getByRole('button', { name: 'Log in with Facebook' }).click();
    await passLoginDialog(await app.loginWindow(), 'en');
    // Step 2 reads the portfolios once logged in.
    await page.getByRole('combobox', { name: 'Business portfolio' }).click();
    await page.getByRole('option', { name: 'Contoso Contact Center (200000000000001)' }).click();
    await expect(page.getByTestId('account-chosen')).toContainText('Contoso Support');

    await goTo(app, '#/step/number-status');
    const pending = row(page, CONTOSO.pendingNumber);
    await expect(pending).toContainText('+33 1 84 88 00 42');
    await expect(pending).toContainText('Contoso Ventes');
    await expect(pending.locator('[data-value="PENDING_REVIEW"]')).toHaveText('Pending review');
    await expect(pending.locator('[data-value="NOT_APPLICABLE"]').first()).toHaveText('Not applicable (not registered)');
    await expect(row(page, CONTOSO.connectedNumber).locator('[data-value="GREEN"]')).toHaveText('High (green)');
    await expect(board(page)).toContainText('WhatsApp Business account: Contoso Support');
    await expect(page.getByTestId('status-subscription')).toHaveAttribute('data-subscribed', 'true');
    await expect(polling(page)).toHaveAttribute('data-state', 'scheduled');
    await expect(page.getByTestId('status-inbox')).toContainText('No change seen yet.');
    expect(app.notifications()).toEqual([]);

    app.simulator.setNameStatus(CONTOSO.pendingNumber, 'APPROVED');
    await app.clock.advance(120_000);
    await expect(pending.locator('[data-value="APPROVED"]')).toHaveText('Approved');
    await expect.poll(() => app.notifications().map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Display name approved', body: '+33 1 84 88 00 42: Meta approved the display name \u201cContoso Ventes\u201d.' },
    ]);
    await expect(page.getByTestId('status-inbox').getByRole('listitem')).toHaveText([/New\+33 1 84 88 00 42: Meta approved the display name “Contoso Ventes”\./]);
    await expect(page.getByTestId('status-read-at')).toContainText('Read just now');

    await page.getByTestId('status-manager-link').click();
    await expect.poll(() => app.openedOutside()).toContain(`https://business.facebook.com/wa/manage/phone-numbers/?waba_id=${CONTOSO.wabaId}&business_id=${CONTOSO.businessId}`);
    await expectNoAxeViolations(page);
  });

  test('pauses while Meta throttles, says until when, and resumes by itself at that time', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/number-status');
    await connectToContoso(app);
    await expect(polling(page)).toHaveAttribute('data-state', 'scheduled');

    app.simulator.faults.arm('rateLimit');
    await app.clock.advance(120_000);
    await expect(polling(page)).toHaveAttribute('data-reason', 'rateLimited');
    const resumesAt = app.services().status.board().polling.resumesAt ?? '';
    // Meta's five minutes, from when its answer came.
    expect(Date.parse(resumesAt) - app.clock.now().getTime()).toBeGreaterThan(5 * 60_000 - 2_000);
    expect(Date.parse(resumesAt) - app.clock.now().getTime()).toBeLessThanOrEqual(5 * 60_000);
    await expect(polling(page)).toHaveText(`Paused: Meta asks to wait. The checks resume at ${await shortTime(page, resumesAt, 'en')}.`);
    // The last reading stays, marked as such, with Meta's own words and its reference.
    await expect(row(page, CONTOSO.pendingNumber)).toContainText('Contoso Ventes');
    await expect(page.getByTestId('status-read-at')).toHaveAttribute('data-stale', 'true');
    await expect(board(page).getByText('The WhatsApp Business Account has reached its rate limit.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible();

    const calls = app.simulator.graphCallCount(`/${CONTOSO.wabaId}`, 'GET');
    await app.clock.advance(4 * 60_000);
    expect(app.simulator.graphCallCount(`/${CONTOSO.wabaId}`, 'GET')).toBe(calls);
    await app.clock.advance(60_000);
    await expect(polling(page)).toHaveAttribute('data-reason', '');
    await expect(polling(page)).toContainText('Checked again by itself at');
    expect(app.simulator.graphCallCount(`/${CONTOSO.wabaId}`, 'GET')).toBe(calls + 1);
    await expect(page.getByTestId('status-read-at')).toHaveAttribute('data-stale', 'false');
  });

  test('offers to register the number again once the board sees Meta approve a new display name', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/rename');
    await connectToContoso(app);
    const card = page.locator(`[data-testid="rename-number"][data-number="${CONTOSO.connectedNumber}"]`);
    await expect(card.getByTestId('rename-name')).toHaveText('Contoso Support');
    await expect(page.getByTestId('rename-name-change')).toContainText('registering before the approval has no effect');
    await expect(card.getByTestId('rename-register-again')).toHaveCount(0);

    // The admin renamed the number in WhatsApp Manager: Meta reviews, then approves.
    app.simulator.setNameStatus(CONTOSO.connectedNumber, 'PENDING_REVIEW');
    await app.clock.advance(120_000);
    await expect(card.locator('[data-value="PENDING_REVIEW"]')).toHaveText('Pending review');
    await expect(card.getByTestId('rename-register-again')).toHaveCount(0);
    app.simulator.setNameStatus(CONTOSO.connectedNumber, 'APPROVED');
    await app.clock.advance(120_000);
    const offer = card.getByTestId('rename-register-again');
    await expect(offer).toContainText('register the number again so the new name applies');
    await expectNoAxeViolations(page);

    // No PIN of this number is kept on this computer yet: the one it was registered with.
    await offer.getByLabel('Two-step verification PIN (six digits)').fill('246810');
    await offer.getByRole('button', { name: 'Register again' }).click();
    await expect(card.getByTestId('rename-registered')).toContainText('Registered again at');
    await expect(card.getByTestId('rename-register-again')).toHaveCount(0);
    expect(app.simulator.world.phones.find((phone) => phone.id === CONTOSO.connectedNumber)?.registerCalls).toHaveLength(1);
  });
});

test.describe('status board in French', () => {
  test.use({ locale: 'fr-FR' });

  test('shows the board in French, and the last reading with its time while offline', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/number-status');
    await connectToContoso(app, 'fr');
    const pending = row(page, CONTOSO.pendingNumber);
    await expect(pending.locator('[data-value="PENDING_REVIEW"]')).toHaveText('Examen en attente');
    await expect(pending.locator('[data-value="PENDING"]')).toHaveText('En attente');
    await expect(board(page)).toContainText('Compte WhatsApp Business : Contoso Support');
    await expect(polling(page)).toContainText('Nouvelle vérification automatique à');

    app.network.offline();
    await app.clock.advance(120_000);
    await expect(polling(page)).toHaveAttribute('data-reason', 'offline');
    await expect(polling(page)).toContainText('Hors ligne : voici la dernière lecture.');
    await expect(pending).toContainText('Contoso Ventes');
    await expect(page.getByTestId('status-read-at')).toHaveAttribute('data-stale', 'true');
    await expectNoAxeViolations(page);

    app.network.online();
    await app.clock.advance(60_000);
    await expect(polling(page)).toHaveAttribute('data-state', 'scheduled');
    await expect(polling(page)).toHaveAttribute('data-reason', '');
  });
});
