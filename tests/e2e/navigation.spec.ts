import { STEPS } from '../../shared/steps';
import { expect, test } from './harness/fixture';
import { heading, railLink, stepShort, stepTitle, tabTo } from './helpers/screens';

test.describe('navigation', () => {
  test('opens every step by clicking it in the rail', async ({ app }) => {
    await app.open();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'requirements'));
    for (const step of [...STEPS].reverse()) {
      await railLink(app.page, step.id).click();
      await expect(heading(app.page)).toContainText(stepTitle('en', step.id));
      await expect(app.page).toHaveURL(new RegExp(`#/step/${step.id}$`));
      await expect(railLink(app.page, step.id)).toHaveAttribute('aria-current', 'page');
    }
  });

  test('opens every step with the keyboard only and moves focus to its heading', async ({ app }) => {
    await app.open();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'requirements'));
    let first = true;
    for (const step of [...STEPS].reverse()) {
      // The rail comes before the main area: from a step's heading, Shift+Tab walks back into it.
      await tabTo(app.page, railLink(app.page, step.id), { backwards: !first });
      first = false;
      await app.page.keyboard.press('Enter');
      await expect(heading(app.page)).toContainText(stepTitle('en', step.id));
      await expect(heading(app.page)).toBeFocused();
    }
  });

  test('walks the steps in the manual order with Next and Previous', async ({ app }) => {
    await app.open('#/step/requirements');
    for (const step of STEPS.slice(1)) {
      await app.page.getByRole('button', { name: 'Next' }).click();
      await expect(heading(app.page)).toContainText(stepTitle('en', step.id));
    }
    await expect(app.page.getByRole('button', { name: 'Next' })).toBeDisabled();
    await app.page.getByRole('button', { name: 'Previous' }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'sla'));
  });

  test('names the missing prerequisites of a blocked step and links to them', async ({ app }) => {
    await app.open('#/step/default-skill');
    await expect(heading(app.page)).toContainText(stepTitle('en', 'default-skill'));
    await expect(app.page.getByTestId('step-state')).toHaveText('blocked');
    const missing = app.page.getByTestId('step-missing');
    await expect(missing).toContainText('Needs first:');
    await expect(missing.getByRole('link', { name: stepShort('en', 'connect') })).toBeVisible();
    await expect(missing.getByRole('link', { name: stepShort('en', 'digital-skill') })).toBeVisible();
    await expect(railLink(app.page, 'default-skill')).toHaveAccessibleName('10 Default skill, blocked: needs Connect & create, Digital skill');

    await missing.getByRole('link', { name: stepShort('en', 'connect') }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'connect'));
    await expect(railLink(app.page, 'connect')).toHaveAccessibleName('2 Connect & create, blocked: needs Requirements');
  });

  test('unblocks a step once its prerequisite is done', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(railLink(app.page, 'connect')).toHaveAccessibleName(/blocked: needs Requirements/);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    await expect(app.page.getByTestId('step-state')).toHaveText('done');
    await expect(railLink(app.page, 'requirements')).toHaveAccessibleName('1 Requirements, done');
    await expect(railLink(app.page, 'connect')).toHaveAccessibleName('2 Connect & create, not started');
  });

  test('offers Skip only on the optional steps', async ({ app }) => {
    for (const step of STEPS) {
      await app.open(`#/step/${step.id}`);
      await expect(heading(app.page)).toContainText(stepTitle('en', step.id));
      await expect(app.page.getByRole('button', { name: 'Skip' })).toHaveCount(step.optional ? 1 : 0);
    }
  });

  test('opens the last step visited when the address names no step', async ({ app }) => {
    await app.open('#/step/no-such-step');
    await expect(heading(app.page)).toContainText(stepTitle('en', 'requirements'));
    await expect(app.page).toHaveURL(/#\/step\/requirements$/);
  });
});

test.describe('in Windows high contrast (forced colors)', () => {
  test.use({ forcedColors: 'active' });

  test('still marks the step on screen in the rail', async ({ app }) => {
    await app.open('#/step/roles');
    await expect(heading(app.page)).toContainText(stepTitle('en', 'roles'));
    const current = railLink(app.page, 'roles');
    await expect(current).toHaveAttribute('aria-current', 'page');
    // Backgrounds vanish in forced colors: the current entry must keep a drawn outline.
    await expect(current).toHaveCSS('outline-style', 'solid');
    await expect(railLink(app.page, 'routing')).not.toHaveCSS('outline-style', 'solid');
  });
});
