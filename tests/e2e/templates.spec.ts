import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { connectToContoso, CONTOSO } from './helpers/meta-account';

/**
 * Step 5: the templates of the chosen account as Meta reviewed them, filtered and searched, with
 * the rules that decide when agents need them.
 */

const table = (page: Page) => page.getByTestId('templates-table');
const rowOf = (page: Page, id: string) => table(page).locator(`[data-row-key="${id}"]`);
const BLACK_FRIDAY = '500000000000004';
const REMINDER = '500000000000003';

test.describe('message templates', () => {
  test('lists the account\'s templates with the rejected one and why, filters by status and searches by name', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/templates');
    await expect(page.getByTestId('templates-no-account')).toContainText('No WhatsApp Business account chosen yet');
    await connectToContoso(app);

    const rejected = rowOf(page, BLACK_FRIDAY);
    await expect(rejected).toContainText('black_friday_promo');
    await expect(rejected.locator('[data-value="REJECTED"]')).toHaveText('Rejected');
    await expect(rejected).toContainText('Incorrect category');
    await expect(rejected).toContainText('Utility');
    await expect(table(page).getByRole('row')).toHaveCount(7);

    await page.getByTestId('templates-filter-status').selectOption({ label: 'Rejected' });
    await expect(table(page).getByRole('row')).toHaveCount(2);
    await expect(page.getByTestId('data-table-count')).toHaveText('1 of 1');
    await page.getByTestId('templates-filter-status').selectOption({ label: 'All' });
    await page.getByRole('searchbox', { name: /Search Message templates/ }).fill('rappel');
    await expect(table(page).getByRole('row')).toHaveCount(2);
    await expect(rowOf(page, REMINDER)).toContainText('French (fr)');

    await expect(page.getByTestId('templates-window-example')).toContainText('a customer writes on Monday at 10:00');
    await expect(page.getByTestId('templates-rules')).toContainText('you must create a message template for the survey');
    await expect(page.getByTestId('templates-rules')).toContainText('You must have customers\' permission to contact them.');
    await page.getByTestId('templates-manager-link').click();
    await expect.poll(() => app.openedOutside()).toContain(`https://business.facebook.com/wa/manage/message-templates/?waba_id=${CONTOSO.wabaId}&business_id=${CONTOSO.businessId}`);
    await expectNoAxeViolations(page);
  });

  test('reads again on request: a review Meta changed shows at once and is told once', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/templates');
    await connectToContoso(app);
    await expect(rowOf(page, REMINDER).locator('[data-value="PENDING"]')).toHaveText('Pending');

    app.simulator.setTemplateStatus(REMINDER, 'APPROVED');
    await page.getByRole('button', { name: 'Read again' }).click();
    await expect(rowOf(page, REMINDER).locator('[data-value="APPROVED"]')).toHaveText('Approved');
    await expect.poll(() => app.notifications().map(({ body }) => body)).toEqual(['rappel_rendez_vous (fr): Pending \u2192 Approved.']);
  });
});

test.describe('message templates in French', () => {
  test.use({ locale: 'fr-FR' });

  test('names statuses, categories and reasons in French, and filters by category', async ({ app }) => {
    const { page } = app;
    await app.open('#/step/templates');
    await connectToContoso(app, 'fr');
    const rejected = rowOf(page, BLACK_FRIDAY);
    await expect(rejected.locator('[data-value="REJECTED"]')).toHaveText('Refusé');
    await expect(rejected).toContainText('Catégorie incorrecte');
    await expect(rejected).toContainText('Utilitaire');

    await page.getByTestId('templates-filter-category').selectOption({ label: 'Marketing' });
    await expect(table(page).getByRole('row')).toHaveCount(2);
    await expect(table(page)).toContainText('old_newsletter');
    await expect(page.getByTestId('templates-window-example')).toContainText('un client écrit le lundi à 10 h');
    await expectNoAxeViolations(page);
  });
});
