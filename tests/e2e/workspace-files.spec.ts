import type { Page } from '@playwright/test';
import { WORKSPACE_FILE_FORMAT, WORKSPACE_FILE_VERSION } from '../../main/drafts/import-export';
import type { DraftsState } from '../../shared/ipc/contract/drafts';
import { emptyDrafts, type Drafts } from '../../shared/model/drafts/drafts';
import { expect, test } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';
import { heading } from './helpers/screens';

const CHANNEL_ID = '0b6f2f5e-7d1c-4c47-9a57-1b2f3c4d5e6f';
const SKILL_ID = '5c1a3e0b-2f4d-4e6a-9b8c-7d6e5f4a3b2c';

/** Drafts an admin might have prepared: one channel and one skill, with values to recognise. */
function draftedValues(): Drafts {
  return {
    ...emptyDrafts(),
    channels: [{ id: CHANNEL_ID, name: 'The Jungle', phoneNumber: '+33748111524', startsConversations: false, defaultSkillId: null, studioScript: 'WA_Main', sla: { kind: 'general' } }],
    skills: [
      {
        id: SKILL_ID,
        mediaType: 'digital',
        personalConnectionOrByoc: false,
        direction: 'inbound',
        name: 'WA_FR_Sales',
        campaign: 'Jungle',
        subSkill: false,
        routing: { kind: 'proficiency' },
        acceptReject: false,
        agentsUseSfaClassic: false,
      },
    ],
  };
}

/** Saves drafts into the current workspace through the app's own IPC, as the screens would. */
async function saveDrafts(page: Page, drafts: Drafts): Promise<void> {
  await page.evaluate(async (next) => {
    const got = await window.setup.drafts.get();
    if (!got.ok) throw new Error(JSON.stringify(got.error));
    const saved = await window.setup.drafts.save({ workspaceId: got.value.workspaceId, drafts: next });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }, drafts);
}

/** What main holds for the workspace on screen. */
async function currentDrafts(page: Page): Promise<DraftsState> {
  const got = await page.evaluate(() => window.setup.drafts.get());
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  return got.value;
}

async function workspaceCount(page: Page): Promise<number> {
  const got = await page.evaluate(() => window.setup.workspace.get());
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  return got.value.workspaces.length;
}

/** Opens the header's workspace menu and picks an item by its words. */
async function pick(page: Page, item: string): Promise<void> {
  await page.getByTestId('workspace-switcher').click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** A file in this app's format whose skill name is too long and whose channel number is not E.164. */
function brokenFileText(): string {
  const drafts = draftedValues();
  const broken = {
    ...drafts,
    channels: drafts.channels.map((channel) => ({ ...channel, phoneNumber: '0748111524' })),
    skills: drafts.skills.map((skill) => ({ ...skill, name: 'S'.repeat(201) })),
  };
  return JSON.stringify({ format: WORKSPACE_FILE_FORMAT, version: WORKSPACE_FILE_VERSION, workspace: { name: 'Broken', phoneNumber: '' }, drafts: broken });
}

test.describe('workspace files and copies', () => {
  test('duplicates the workspace with the same drafted values, and opens the copy', async ({ app }) => {
    await app.open('#/step/digital-skill');
    await expect(heading(app.page)).toBeVisible();
    await saveDrafts(app.page, draftedValues());
    const original = await currentDrafts(app.page);

    await pick(app.page, 'Duplicate this workspace');
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: WhatsApp (2)');
    await expect(app.page.getByRole('status', { name: 'Workspace messages' }).filter({ hasText: 'Workspace “WhatsApp (2)” created as a copy' })).toBeVisible();
    const copy = await currentDrafts(app.page);
    expect(copy.workspaceId).not.toBe(original.workspaceId);
    expect(copy.drafts).toEqual(original.drafts);
    expect(copy.drafts.skills[0]?.name).toBe('WA_FR_Sales');
    expect(await workspaceCount(app.page)).toBe(2);
  });

  test('deletes a workspace, says so, and Undo by keyboard brings it back with its drafts', async ({ app }) => {
    await app.open('#/step/digital-skill');
    await expect(heading(app.page)).toBeVisible();
    await pick(app.page, 'Duplicate this workspace');
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: WhatsApp (2)');
    await saveDrafts(app.page, draftedValues());

    await pick(app.page, 'Delete this workspace');
    const trigger = app.page.getByTestId('workspace-switcher');
    await expect(trigger).toHaveText('Workspace: WhatsApp');
    await expect(app.page.getByRole('status', { name: 'Workspace messages' }).filter({ hasText: 'Workspace “WhatsApp (2)” deleted.' })).toBeVisible();
    expect(await workspaceCount(app.page)).toBe(1);
    expect((await currentDrafts(app.page)).drafts.skills).toEqual([]);

    // The menu leaves the focus on the switcher; Undo is the next stop.
    await expect(trigger).toBeFocused();
    await app.page.keyboard.press('Tab');
    const undo = app.page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await app.page.keyboard.press('Enter');

    await expect(trigger).toHaveText('Workspace: WhatsApp (2)');
    await expect(app.page.getByRole('status', { name: 'Workspace messages' }).filter({ hasText: 'Workspace “WhatsApp (2)” restored.' })).toBeVisible();
    await expect(trigger).toBeFocused();
    expect(await workspaceCount(app.page)).toBe(2);
    expect((await currentDrafts(app.page)).drafts.skills[0]?.name).toBe('WA_FR_Sales');
  });

  test('refuses to delete the last workspace, and says why', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(heading(app.page)).toBeVisible();
    await pick(app.page, 'Delete this workspace');
    await expect(app.page.getByRole('status', { name: 'Workspace messages' })).toContainText('The only workspace cannot be deleted. Create another one first.');
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: WhatsApp');
    expect(await workspaceCount(app.page)).toBe(1);
  });

  test('exports to a file named after the workspace, and importing it gives a new workspace with the same drafts', async ({ app }) => {
    await app.open('#/step/digital-skill');
    await expect(heading(app.page)).toBeVisible();
    await saveDrafts(app.page, draftedValues());
    const original = await currentDrafts(app.page);

    await pick(app.page, 'Export to a file…');
    await expect(app.page.getByRole('status', { name: 'Workspace messages' }).filter({ hasText: 'Workspace saved to the file “WhatsApp.json”.' })).toBeVisible();
    const [saved] = app.files.saved();
    expect(saved?.name).toBe('WhatsApp.json');
    expect(JSON.parse(saved?.text ?? '{}')).toMatchObject({ format: WORKSPACE_FILE_FORMAT, workspace: { name: 'WhatsApp' }, drafts: original.drafts });

    app.files.nextOpen(saved?.path ?? null);
    await pick(app.page, 'Import from a file…');
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: WhatsApp (2)');
    await expect(app.page.getByRole('status', { name: 'Workspace messages' }).filter({ hasText: 'Workspace “WhatsApp (2)” imported and opened.' })).toBeVisible();
    const imported = await currentDrafts(app.page);
    expect(imported.workspaceId).not.toBe(original.workspaceId);
    expect(imported.drafts).toEqual(original.drafts);
  });

  test('does nothing when the admin cancels the open dialog', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(heading(app.page)).toBeVisible();
    app.files.nextOpen(null);
    await pick(app.page, 'Import from a file…');
    // The menu closed and the app answered: the switcher has the focus back and nothing else changed.
    await expect(app.page.getByTestId('workspace-switcher')).toBeFocused();
    await expect(app.page.getByTestId('workspace-messages')).toBeEmpty();
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
    expect(await workspaceCount(app.page)).toBe(1);
  });

  test('lists every problem of a broken file by its location, and changes nothing', async ({ app }) => {
    await app.open('#/step/digital-skill');
    await expect(heading(app.page)).toBeVisible();
    await saveDrafts(app.page, draftedValues());
    const before = await currentDrafts(app.page);

    app.files.nextOpen(app.files.write('broken.json', brokenFileText()));
    await pick(app.page, 'Import from a file…');
    const dialog = app.page.getByRole('dialog', { name: 'This file cannot be imported' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('“broken.json” has 2 problems. Nothing was changed');
    const problems = dialog.getByRole('list', { name: 'Problems found in the file' }).getByRole('listitem');
    await expect(problems).toHaveText([
      'drafts.channels[0].phoneNumber: This phone number is not in international format (+ then the country code and the number).',
      'drafts.skills[0].name: This value is too long.',
    ]);
    await expectNoAxeViolations(app.page);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Workspace: WhatsApp');
    expect(await workspaceCount(app.page)).toBe(1);
    expect(await currentDrafts(app.page)).toEqual(before);
  });

  test('says that a file which is not JSON is not a workspace file', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(heading(app.page)).toBeVisible();
    app.files.nextOpen(app.files.write('notes.json', 'Jungle – FR: +33 7 48 11 15 24'));
    await pick(app.page, 'Import from a file…');
    const dialog = app.page.getByRole('dialog', { name: 'This file cannot be imported' });
    await expect(dialog.getByRole('listitem')).toHaveText(['The file is not JSON: it is not a workspace file.']);
    await expect(dialog).toContainText('“notes.json” has 1 problem.');
    expect(await workspaceCount(app.page)).toBe(1);
  });

  test('finds no axe violations in the open workspace menu', async ({ app }) => {
    await app.open('#/step/requirements');
    await expect(heading(app.page)).toBeVisible();
    await app.page.getByTestId('workspace-switcher').click();
    await expect(app.page.getByRole('menuitem', { name: 'Import from a file…' })).toBeVisible();
    await expectNoAxeViolations(app.page);
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });

    test('lists the problems of a broken file in French, and deletes then restores a copy', async ({ app }) => {
      await app.open('#/step/requirements');
      await expect(heading(app.page)).toBeVisible();
      app.files.nextOpen(app.files.write('casse.json', brokenFileText()));
      await pick(app.page, 'Importer depuis un fichier…');
      const dialog = app.page.getByRole('dialog', { name: 'Ce fichier ne peut pas être importé' });
      await expect(dialog.getByRole('listitem')).toHaveText([
        "drafts.channels[0].phoneNumber : Ce numéro n'est pas au format international (+ puis l'indicatif du pays et le numéro).",
        'drafts.skills[0].name : Cette valeur est trop longue.',
      ]);
      await dialog.getByRole('button', { name: 'Fermer' }).click();

      await pick(app.page, 'Dupliquer cet espace de travail');
      await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Espace de travail : WhatsApp (2)');
      await pick(app.page, 'Supprimer cet espace de travail');
      await expect(app.page.getByRole('status', { name: 'Messages des espaces de travail' }).filter({ hasText: 'Espace de travail « WhatsApp (2) » supprimé.' })).toBeVisible();
      await app.page.getByRole('button', { name: 'Annuler la suppression' }).click();
      await expect(app.page.getByTestId('workspace-switcher')).toHaveText('Espace de travail : WhatsApp (2)');
    });
  });
});
