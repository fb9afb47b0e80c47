import {
  Button,
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
} from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import { useWorkspaceStore } from '../state/workspace-store';
import { ErrorBar } from './error-bar';

// The form (react-hook-form, the zod resolver, Fluent's dialog) loads on first use, not at start-up.
const WorkspaceDialog = lazy(() => import('./workspace-dialog').then((module) => ({ default: module.WorkspaceDialog })));

const useStyles = makeStyles({
  trigger: { maxWidth: '22rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/**
 * The workspace switcher in the header: which channel is being set up, another one, or a new one.
 *
 * Each workspace keeps its own progress and checklist ticks; switching shows the other one's at
 * once. Names and numbers are validated with the schema main uses, under their fields.
 */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const styles = useStyles();
  const workspaces = useWorkspaceStore((state) => state.workspaces);
  const current = useWorkspaceStore((state) => state.current);
  const switchTo = useWorkspaceStore((state) => state.switchTo);
  const [editing, setEditing] = useState<'create' | 'rename' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  if (!workspaces || !current) return null;

  return (
    <>
      <Menu
        checkedValues={{ workspace: [current.id] }}
        onCheckedValueChange={(_event, data) => {
          const id = data.checkedItems[0];
          if (id && id !== current.id) void switchTo(id).then((result) => setError(result.ok ? null : result.error));
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" className={styles.trigger} data-testid="workspace-switcher" aria-label={t('workspace.switcherLabel', { name: current.name })}>
            {t('workspace.switcher', { name: current.name })}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {workspaces.workspaces.map((workspace) => (
              <MenuItemRadio key={workspace.id} name="workspace" value={workspace.id} secondaryContent={workspace.phoneNumber || undefined}>
                {workspace.name}
              </MenuItemRadio>
            ))}
            <MenuDivider />
            <MenuItem onClick={() => setEditing('create')}>{t('workspace.create')}</MenuItem>
            <MenuItem onClick={() => setEditing('rename')}>{t('workspace.rename')}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {error && <ErrorBar error={error} />}
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
    </>
  );
}

