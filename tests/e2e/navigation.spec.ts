import { STEPS, stepDefinition } from '../../shared/steps';
import { expect, test } from './harness/fixture';
import { heading, railLink, stepShort, stepTitle, tabTo, tickChecklist } from './helpers/screens';

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

  test('opens steps with the keyboard only and moves focus to their heading', async ({ app }) => {
    await app.open();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'requirements'));
    let first = true;
    // The last, a middle and the second step: every rail link is the same kind of plain link.
    for (const step of [stepDefinition('review'), stepDefinition('roles'), stepDefinition('connect')]) {
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

  test("skips to the step's content with the first Tab, past the header and the rail", async ({ app }) => {
    await app.open('#/step/connect');
    await expect(heading(app.page)).toContainText(stepTitle('en', 'connect'));
    await app.page.keyboard.press('Tab');
    const skip = app.page.getByRole('link', { name: "Skip to the step's content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await app.page.keyboard.press('Enter');
    await expect(app.page.locator('#step-content')).toBeFocused();
    await app.page.keyboard.press('Tab');
    // The next stop is the step's own tool: the Facebook login button, not the header.
    await expect(app.page.getByRole('button', { name: 'Log in with Facebook' })).toBeFocused();
  });

  test('keeps focus on a button that becomes disabled, never on the page body', async ({ app }) => {
    await app.open('#/step/roles');
    const button = app.page.getByRole('button', { name: 'Mark in progress' });
    await button.focus();
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByTestId('step-state')).toHaveText('in progress');
    await expect(button).toBeDisabled();
    await expect(button).toBeFocused();
  });

  test('names the missing prerequisites of a waiting step calmly and links to them', async ({ app }) => {
    await app.open('#/step/default-skill');
    await expect(heading(app.page)).toContainText(stepTitle('en', 'default-skill'));
    await expect(app.page.getByTestId('step-state')).toHaveText('waiting');
    const missing = app.page.getByTestId('step-missing');
    await expect(missing).toContainText('Waiting for:');
    await expect(missing.getByRole('link', { name: stepShort('en', 'connect') })).toBeVisible();
    await expect(missing.getByRole('link', { name: stepShort('en', 'digital-skill') })).toBeVisible();
    await expect(railLink(app.page, 'default-skill')).toHaveAccessibleName('10 Default skill, waiting for Connect & create, Digital skill');

    await missing.getByRole('link', { name: stepShort('en', 'connect') }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'connect'));
    await expect(railLink(app.page, 'connect')).toHaveAccessibleName('2 Connect & create, waiting for Requirements');
  });

  test('stops waiting once its prerequisite is done, and Mark done moves on to the next step', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(railLink(app.page, 'connect')).toHaveAccessibleName(/waiting for Requirements/);
    await tickChecklist(app.page);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'connect'));
    await expect(heading(app.page)).toBeFocused();
    await expect(railLink(app.page, 'requirements')).toHaveAccessibleName('1 Requirements, done');
    await expect(railLink(app.page, 'connect')).toHaveAccessibleName('2 Connect & create, not started');
  });

  test('offers Skip only on the optional steps and on routing, which only outbound channels need', async ({ app }) => {
    for (const step of STEPS) {
      await app.open(`#/step/${step.id}`);
      await expect(heading(app.page)).toContainText(stepTitle('en', step.id));
      await expect(app.page.getByRole('button', { name: 'Skip' })).toHaveCount(step.need === 'required' ? 0 : 1);
    }
    await expect(app.page.getByText('Required when the channel will start conversations')).toHaveCount(0);
    await railLink(app.page, 'routing').click();
    await expect(app.page.getByText(/Required when the channel will start conversations/)).toBeVisible();
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
