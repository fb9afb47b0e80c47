import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import type { ImportProblem } from '../../shared/ipc/contract/drafts';
import { useWorkspaceStore } from '../state/workspace-store';
import { ErrorBar } from './error-bar';

// The form (react-hook-form, the zod resolver, Fluent's dialog) loads on first use, not at start-up.
const WorkspaceDialog = lazy(() => import('./workspace-dialog').then((module) => ({ default: module.WorkspaceDialog })));
const WorkspaceImportProblems = lazy(() => import('./workspace-import-problems').then((module) => ({ default: module.WorkspaceImportProblems })));

const useStyles = makeStyles({
  trigger: { maxWidth: '22rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  messages: { maxWidth: '40rem' },
});

/** What the last action of the menu left to say; one at a time, the newest replaces the last. */
type Feedback =
  | { kind: 'deleted'; id: string; name: string }
  | { kind: 'duplicated' | 'restored' | 'imported'; name: string }
  | { kind: 'exported'; fileName: string }
  | { kind: 'error'; error: AppErrorShape };

/** An invalid file's problems, shown in their dialog until the admin closes it. */
interface InvalidFile {
  fileName: string;
  problems: readonly ImportProblem[];
  more: number;
}

/**
 * Saves now a drafts change still waiting for its autosave.
 *
 * A copy, an export or a delete works on what main stored: without this, the last keystrokes
 * would be missing from the copy, or saved after their workspace was deleted.
 */
async function settleDrafts(): Promise<void> {
  // Loaded on demand: the drafts and their rules stay out of the start-up bundle.
  const { useDraftsStore } = await import('../state/drafts-store');
  const drafts = useDraftsStore.getState();
  if (drafts.saving) await drafts.flush();
}

/**
 * The workspace switcher in the header: which channel is being set up, another one, a new one, a
 * copy, a deletion, or a file to share with a colleague.
 *
 * Each workspace keeps its own progress and checklist ticks; switching shows the other one's at
 * once. What an action did is said in a live region next to the switcher, right after it in the
 * tab order, so "Undo" after a delete is one Tab away from where the menu leaves the focus.
 */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const styles = useStyles();
  const workspaces = useWorkspaceStore((state) => state.workspaces);
  const current = useWorkspaceStore((state) => state.current);
  const store = useWorkspaceStore.getState;
  const [editing, setEditing] = useState<'create' | 'rename' | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [invalidFile, setInvalidFile] = useState<InvalidFile | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  if (!workspaces || !current) return null;

  const fail = (error: AppErrorShape): void => setFeedback({ kind: 'error', error });

  const switchTo = async (id: string): Promise<void> => {
    const result = await store().switchTo(id);
    setFeedback(result.ok ? null : { kind: 'error', error: result.error });
  };

  const duplicate = async (): Promise<void> => {
    await settleDrafts();
    const result = await store().duplicate(current.id);
    if (result.ok) setFeedback({ kind: 'duplicated', name: store().current?.name ?? '' });
    else fail(result.error);
  };

  const remove = async (): Promise<void> => {
    const { id, name } = current;
    await settleDrafts();
    const result = await store().remove(id);
    if (result.ok) setFeedback({ kind: 'deleted', id, name });
    else fail(result.error);
  };

  const undo = async (id: string, name: string): Promise<void> => {
    const result = await store().restore(id);
    setFeedback(result.ok ? { kind: 'restored', name } : { kind: 'error', error: result.error });
    // The Undo button is gone: the focus goes back to the switcher, not to the page's start.
    triggerRef.current?.focus();
  };

  const exportFile = async (): Promise<void> => {
    await settleDrafts();
    const result = await store().exportFile();
    if (!result.ok) fail(result.error);
    else if (result.value.saved) setFeedback({ kind: 'exported', fileName: result.value.fileName });
  };

  const importFile = async (): Promise<void> => {
    await settleDrafts();
    const result = await store().importFile();
    if (!result.ok) return fail(result.error);
    const answer = result.value;
    if (answer.outcome === 'cancelled') return;
    if (answer.outcome === 'invalid') {
      setFeedback(null);
      setInvalidFile({ fileName: answer.fileName, problems: answer.problems, more: answer.more });
      return;
    }
    const imported = store().workspaces?.workspaces.find((workspace) => workspace.id === answer.workspaceId);
    setFeedback({ kind: 'imported', name: imported?.name ?? '' });
  };

  const dismiss = (
    <Button appearance="transparent" aria-label={t('workspace.dismiss')} icon={<DismissRegular />} onClick={() => setFeedback(null)} />
  );

  return (
    <>
      <Menu
        checkedValues={{ workspace: [current.id] }}
        onCheckedValueChange={(_event, data) => {
          const id = data.checkedItems[0];
          if (id && id !== current.id) void switchTo(id);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button ref={triggerRef} appearance="subtle" className={styles.trigger} data-testid="workspace-switcher" aria-label={t('workspace.switcherLabel', { name: current.name })}>
            {t('workspace.switcher', { name: current.name })}
          </Button>
        </MenuTrigger>
        {/* Portalled at the end of the page (where it needs no focus guards, which axe flags), so it
            names itself a region: otherwise its items would be content outside every landmark. */}
        <MenuPopover role="region" aria-label={t('workspace.menuRegion')}>
          <MenuList>
            {workspaces.workspaces.map((workspace) => (
              <MenuItemRadio key={workspace.id} name="workspace" value={workspace.id} secondaryContent={workspace.phoneNumber || undefined}>
                {workspace.name}
              </MenuItemRadio>
            ))}
            <MenuDivider />
            <MenuItem onClick={() => setEditing('create')}>{t('workspace.create')}</MenuItem>
            <MenuItem onClick={() => setEditing('rename')}>{t('workspace.rename')}</MenuItem>
            <MenuItem onClick={() => void duplicate()}>{t('workspace.duplicate')}</MenuItem>
            {/* Offered even for the last workspace: main refuses it, and the reason is said. */}
            <MenuItem onClick={() => void remove()}>{t('workspace.delete')}</MenuItem>
            <MenuDivider />
            <MenuItem onClick={() => void exportFile()}>{t('workspace.export')}</MenuItem>
            <MenuItem onClick={() => void importFile()}>{t('workspace.import')}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {/* Always in the page, so a message put into it is announced (a live region added with its text may not be). */}
      <div role="status" aria-live="polite" aria-label={t('workspace.messages')} className={styles.messages} data-testid="workspace-messages">
        {feedback?.kind === 'error' && <ErrorBar error={feedback.error} />}
        {feedback && feedback.kind !== 'error' && (
          <MessageBar intent={feedback.kind === 'deleted' ? 'info' : 'success'} layout="auto">
            <MessageBarBody>{feedback.kind === 'exported' ? t('workspace.exported', { fileName: feedback.fileName }) : t(`workspace.${feedback.kind}`, { name: feedback.name })}</MessageBarBody>
            <MessageBarActions containerAction={dismiss}>
              {feedback.kind === 'deleted' && (
                <Button size="small" onClick={() => void undo(feedback.id, feedback.name)}>
                  {t('workspace.undo')}
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {editing && (
        <Suspense fallback={null}>
          <WorkspaceDialog
            mode={editing}
            initial={editing === 'rename' ? { name: current.name, phoneNumber: current.phoneNumber } : { name: '', phoneNumber: '' }}
            workspaceId={current.id}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
      {invalidFile && (
        <Suspense fallback={null}>
          <WorkspaceImportProblems {...invalidFile} onClose={() => setInvalidFile(null)} />
        </Suspense>
      )}
    </>
  );
}
