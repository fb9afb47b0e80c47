import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import { expect, test } from './harness/fixture';
import { heading, railLink, stepTitle, tickChecklist } from './helpers/screens';

test.describe('the step frame', () => {
  test('shows the manual’s click path with CXone’s labels, and keeps the ticks after a restart', async ({ app }) => {
    await app.open('#/step/roles');
    const checklist = app.page.getByTestId('checklist');
    await expect(checklist.getByRole('checkbox')).toHaveCount(STEP_CHECKLISTS.roles.length);
    await expect(checklist).toContainText('Reply');
    await expect(checklist).toContainText('Skills View');
    await expect(checklist).toContainText('ACD > Digital > Roles');
    await checklist.getByRole('checkbox').first().check();
    await expect(app.page.getByTestId('checklist-count')).toHaveText(`1 of ${STEP_CHECKLISTS.roles.length} ticked`);

    await app.restart();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'roles'));
    await expect(app.page.getByTestId('checklist').getByRole('checkbox').first()).toBeChecked();
    await expect(app.page.getByTestId('checklist').getByRole('checkbox').nth(1)).not.toBeChecked();
  });

  test('refuses Mark done with the reasons, then accepts it once the checklist is ticked', async ({ app }) => {
    await app.open('#/step/sla');
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    const refusal = app.page.getByRole('alert').filter({ hasText: 'This step cannot be marked done yet' });
    await expect(refusal).toContainText(`${STEP_CHECKLISTS.sla.length} checklist items are not ticked yet.`);
    await expect(app.page.getByTestId('step-state')).toHaveText('waiting');

    await tickChecklist(app.page);
    await expect(app.page.getByTestId('completion-ready')).toBeVisible();
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    await expect(heading(app.page)).toContainText(stepTitle('en', 'review'));
    await expect(railLink(app.page, 'sla')).toHaveAccessibleName('11 SLA (optional), done');
  });

  test('refuses Mark done on step 2 until the admin is logged in with Facebook', async ({ app }) => {
    await app.open('#/step/connect');
    await tickChecklist(app.page);
    await app.page.getByRole('button', { name: 'Mark done' }).click();
    await expect(app.page.getByRole('alert').filter({ hasText: 'This step cannot be marked done yet' })).toContainText('You are not logged in with Facebook yet');
    await expect(app.page.getByTestId('step-state')).not.toHaveText('done');
  });

  test('labels advice as advice, apart from what the manual says', async ({ app }) => {
    await app.open('#/step/number-status');
    await expect(app.page.getByTestId('step-advice')).toContainText('Advice (not from the manual)');
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });

    test('refuses Mark done with the reasons in French, and uses the manual’s French labels', async ({ app }) => {
      await app.open('#/step/roles');
      const checklist = app.page.getByTestId('checklist');
      await expect(checklist).toContainText('Réponse');
      await expect(checklist).toContainText('Vue Compétences');
      await app.page.getByRole('button', { name: 'Marquer terminée' }).click();
      await expect(app.page.getByRole('alert').filter({ hasText: 'Cette étape ne peut pas encore être marquée terminée' })).toContainText(
        `${STEP_CHECKLISTS.roles.length} éléments de la liste ne sont pas encore cochés.`,
      );
      await tickChecklist(app.page, 'fr');
      await app.page.getByRole('button', { name: 'Marquer terminée' }).click();
      await expect(heading(app.page)).toContainText(stepTitle('fr', 'routing'));
    });

    test('says the saved state in the language just picked, at once', async ({ app }) => {
      await app.open('#/step/roles');
      await app.page.getByRole('button', { name: 'Marquer en cours' }).click();
      await expect(app.page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
      await app.page.getByRole('button', { name: 'English (EN)' }).click();
      await expect(app.page.getByRole('status').filter({ hasText: 'Saved: in progress.' })).toBeVisible();
    });
  });
});

test.describe('workspaces', () => {
  test('creates a workspace for another channel, with its own progress, and switches back', async ({ app }) => {
    await app.open('#/step/sla');
    await app.page.getByTestId('checklist').getByRole('checkbox').first().check();
    await app.page.getByTestId('workspace-switcher').click();
    await app.page.getByRole('menuitem', { name: 'New workspace…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Phone number (optional)').fill('0748111524');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByText('This field is required.')).toBeVisible();
    await expect(dialog.getByText(/Enter the number in international format/)).toBeVisible();
    await dialog.getByLabel('Name').fill('Jungle – EN');
    await dialog.getByLabel('Phone number (optional)').fill('+33748111524');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: Jungle – EN');
    await expect(app.page.getByTestId('checklist').getByRole('checkbox').first()).not.toBeChecked();

    await app.page.getByTestId('workspace-switcher').click();
    await app.page.getByRole('menuitemradio', { name: 'WhatsApp' }).click();
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: WhatsApp');
    await expect(app.page.getByTestId('checklist').getByRole('checkbox').first()).toBeChecked();
  });

  test('renames the workspace on screen and keeps the name after a restart', async ({ app }) => {
    await app.open('#/step/requirements');
    await app.page.getByTestId('workspace-switcher').click();
    await app.page.getByRole('menuitem', { name: 'Rename this workspace…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Rename the workspace' });
    await dialog.getByLabel('Name').fill('Jungle – FR');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: Jungle – FR');
    await app.restart();
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: Jungle – FR');
  });
});

test.describe('the sandbox banner', () => {
  test('opens the simulated phone and the failure switchboard in the browser', async ({ app }) => {
    await app.open('#/step/connect');
    await app.page.getByRole('button', { name: 'Simulate Meta failures' }).click();
    await expect.poll(() => app.openedOutside()).toEqual([app.simulator.pageUrl('faults')]);
    await app.page.getByRole('button', { name: 'Simulated phone (verification codes)' }).click();
    await expect.poll(() => app.openedOutside()).toEqual([app.simulator.pageUrl('faults'), app.simulator.pageUrl('phone')]);
  });
});
