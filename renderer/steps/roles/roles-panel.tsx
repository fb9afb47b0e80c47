import { Button, Checkbox, Field, Input, Switch, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Role, type Drafts } from '../../../shared/model/drafts/drafts';
import { CHANNEL_PERMISSIONS, CHANNEL_PERMISSION_LABELS, SKILLS_VIEW_LABEL, type ChannelPermission } from '../../../shared/model/drafts/permissions';
import type { Finding } from '../../../shared/rules/findings';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { validationKey } from '../../i18n/keys';
import { findingsAt } from '../../state/drafts-store';
import { useRequestedSelection } from '../review/open-finding';
import { CheckedInput, FindingsSummary, newId, useDrafts, useDraftsStyles } from './drafts-ui';

const useStyles = makeStyles({
  matrix: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalS },
  cell: { padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'start', verticalAlign: 'top' },
});

/** The product's label for the UI language: French as the manual gives it, English otherwise. */
export function productLabel(labels: { readonly fr: string; readonly en: string }, language: string): string {
  return language.startsWith('fr') ? labels.fr : labels.en;
}

function updateRole(drafts: Drafts, roleId: string, update: (role: Role) => Role): Drafts {
  return { ...drafts, roles: drafts.roles.map((role) => (role.id === roleId ? update(role) : role)) };
}

/** Ticks or clears one permission of a channel; ticking one adds the channel to the role. */
function setPermission(role: Role, channelId: string, permission: ChannelPermission, on: boolean): Role {
  const existing = role.channels.find((row) => row.channelId === channelId);
  if (!existing) return on ? { ...role, channels: [...role.channels, { channelId, permissions: [permission] }] } : role;
  const others = existing.permissions.filter((item) => item !== permission);
  const permissions = on ? [...others, permission] : others;
  return { ...role, channels: role.channels.map((row) => (row.channelId === channelId ? { ...row, permissions } : row)) };
}

function setIncluded(role: Role, channelId: string, on: boolean): Role {
  const included = role.channels.some((row) => row.channelId === channelId);
  if (on === included) return role;
  return on
    ? { ...role, channels: [...role.channels, { channelId, permissions: [] }] }
    : { ...role, channels: role.channels.filter((row) => row.channelId !== channelId) };
}

function PermissionMatrix({ drafts, roleIndex, findings }: { drafts: Drafts; roleIndex: number; findings: readonly Finding[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const layout = useDraftsStyles();
  const { change } = useDrafts();
  const role = drafts.roles[roleIndex];
  if (!role) return null;
  if (drafts.channels.length === 0) return <p>{t('roles.matrix.noChannels')}</p>;
  const edit = (update: (item: Role) => Role) => change((current) => updateRole(current, role.id, update));
  return (
    <table className={styles.matrix} aria-labelledby={`role-matrix-${role.id}`} data-testid="role-matrix">
      <caption id={`role-matrix-${role.id}`} className={mergeClasses(layout.h3, styles.caption)}>
        {t('roles.matrix.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            {t('roles.matrix.channel')}
          </th>
          <th scope="col" className={styles.cell}>
            {t('roles.matrix.included')}
          </th>
          {CHANNEL_PERMISSIONS.map((permission) => (
            <th key={permission} scope="col" className={styles.cell}>
              {productLabel(CHANNEL_PERMISSION_LABELS[permission], i18n.language)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {drafts.channels.map((channel, channelIndex) => {
          const rowIndex = role.channels.findIndex((row) => row.channelId === channel.id);
          const row = role.channels[rowIndex];
          const rowFindings = rowIndex >= 0 ? findingsAt(findings, ['roles', roleIndex, 'channels', rowIndex]) : [];
          return (
            <tr key={channel.id} data-channel={channel.name}>
              <th scope="row" className={styles.cell}>
                {channel.name}
              </th>
              <td className={styles.cell}>
                <Checkbox
                  checked={row !== undefined}
                  aria-label={t('roles.matrix.includedFor', { channel: channel.name })}
                  // "No role includes channel X" points at the channel: this box is where it is fixed.
                  data-field={`channels.${channelIndex}`}
                  onChange={(_event, data) => edit((item) => setIncluded(item, channel.id, data.checked === true))}
                />
              </td>
              {CHANNEL_PERMISSIONS.map((permission) => {
                const label = productLabel(CHANNEL_PERMISSION_LABELS[permission], i18n.language);
                return (
                  <td key={permission} className={styles.cell}>
                    <FormField label={t('roles.matrix.permissionFor', { permission: label, channel: channel.name })} findings={rowFindings} path={rowIndex >= 0 ? ['roles', roleIndex, 'channels', rowIndex, 'permissions'] : undefined}>
                      <Checkbox
                        checked={row?.permissions.includes(permission) ?? false}
                        onChange={(_event, data) => edit((item) => setPermission(item, channel.id, permission, data.checked === true))}
                      />
                    </FormField>
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RoleEditor({ drafts, roleId, onRemoved }: { drafts: Drafts; roleId: string; onRemoved: () => void }) {
  const { t, i18n } = useTranslation();
  const layout = useDraftsStyles();
  const { change, findings } = useDrafts();
  const index = drafts.roles.findIndex((role) => role.id === roleId);
  const role = drafts.roles[index];
  if (!role) return null;
  const edit = (update: (item: Role) => Role) => change((current) => updateRole(current, role.id, update));
  return (
    <section className={layout.editor} aria-labelledby="role-editor-title" data-testid="role-editor" data-field={`roles.${index}`}>
      <h4 id="role-editor-title" className={layout.h3}>
        {t('roles.edit.title', { name: role.name })}
      </h4>
      <div className={layout.row}>
        <CheckedInput
          label={t('roles.fields.name')}
          required
          value={role.name}
          schema={Role.shape.name}
          findings={findingsAt(findings, ['roles', index, 'name'])}
          path={['roles', index, 'name']}
          onValid={(name) => edit((item) => ({ ...item, name }))}
        />
        <CheckedInput
          label={t('roles.fields.description')}
          value={role.description}
          schema={Role.shape.description}
          findings={findingsAt(findings, ['roles', index, 'description'])}
          path={['roles', index, 'description']}
          onValid={(description) => edit((item) => ({ ...item, description }))}
        />
      </div>
      <FormField label={productLabel(SKILLS_VIEW_LABEL, i18n.language)} hint={t('roles.fields.skillsViewHint')} findings={findingsAt(findings, ['roles', index, 'skillsView'])} path={['roles', index, 'skillsView']}>
        <Switch checked={role.skillsView} onChange={(_event, data) => edit((item) => ({ ...item, skillsView: data.checked }))} />
      </FormField>
      <PermissionMatrix drafts={drafts} roleIndex={index} findings={findings} />
      <div>
        <Button
          onClick={() => {
            change((current) => ({
              ...current,
              roles: current.roles.filter((item) => item.id !== role.id),
              // Agents refer to roles by id: a removed role leaves them without one, which the rules report.
              agents: current.agents.map((agent) => ({ ...agent, roleIds: agent.roleIds.filter((id) => id !== role.id) })),
            }));
            onRemoved();
          }}
        >
          {t('roles.remove', { name: role.name })}
        </Button>
      </div>
    </section>
  );
}

function AddRoleForm({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { change } = useDrafts();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className={layout.editor}
      aria-labelledby="roles-add-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = Role.shape.name.safeParse(name);
        const parsedDescription = Role.shape.description.safeParse(description);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? 'validation.invalid');
          return;
        }
        setError(null);
        const id = newId();
        const text = parsedDescription.success ? parsedDescription.data : '';
        change((drafts) => ({ ...drafts, roles: [...drafts.roles, { id, name: parsed.data, description: text, channels: [], skillsView: false }] }));
        setName('');
        setDescription('');
        onAdded(id);
      }}
    >
      <h4 id="roles-add-title" className={layout.h3}>
        {t('roles.add.title')}
      </h4>
      <div className={layout.row}>
        <Field label={t('roles.fields.name')} required validationState={error ? 'error' : 'none'} validationMessage={error ? t(validationKey(error)) : undefined}>
          <Input value={name} autoComplete="off" onChange={(_event, data) => setName(data.value)} />
        </Field>
        <Field label={t('roles.fields.description')}>
          <Input value={description} autoComplete="off" onChange={(_event, data) => setDescription(data.value)} />
        </Field>
      </div>
      <div>
        <Button type="submit" appearance="primary">
          {t('roles.add.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The roles of task 7: name, description, the channels × permissions matrix and Skills View.
 *
 * A table that stays fast with hundreds of roles; opening a row (click, Enter) shows its
 * fields with the manual's findings under each.
 */
export function RolesPanel({ drafts }: { drafts: Drafts }) {
  const { t, i18n } = useTranslation();
  const layout = useDraftsStyles();
  const { findings } = useDrafts();
  const [selected, setSelected] = useRequestedSelection('roles', drafts.roles, (path, current) => {
    if (path[0] === 'roles' && typeof path[1] === 'number') return path[1];
    // A channel in no role: open the role being edited, else the first, where its "in this role" box is.
    if (path[0] === 'channels' && drafts.roles.length > 0) return Math.max(0, drafts.roles.findIndex((role) => role.id === current));
    return null;
  });
  const roleFindings = useMemo(() => findings.filter((finding) => finding.path[0] === 'roles' || finding.code === 'role.channelInNoRole'), [findings]);
  const countByRole = useMemo(() => {
    const counts = new Map<number, number>();
    for (const finding of roleFindings) if (typeof finding.path[1] === 'number' && finding.path[0] === 'roles') counts.set(finding.path[1], (counts.get(finding.path[1]) ?? 0) + 1);
    return counts;
  }, [roleFindings]);
  const indexOf = useMemo(() => new Map(drafts.roles.map((role, index) => [role.id, index])), [drafts.roles]);
  const channelNames = useMemo(() => new Map(drafts.channels.map((channel) => [channel.id, channel.name])), [drafts.channels]);
  const yes = t('roles.table.yes');
  const no = t('roles.table.no');

  return (
    <section className={layout.section} aria-labelledby="roles-panel-title" data-testid="roles-panel">
      <h3 id="roles-panel-title" className={layout.h3}>
        {t('roles.title')}
      </h3>
      <FindingsSummary findings={roleFindings} testId="roles-findings" />
      <AddRoleForm onAdded={setSelected} />
      <DataTable
        label={t('roles.table.label')}
        testId="roles-table"
        rows={drafts.roles}
        rowKey={(role) => role.id}
        selectedKey={selected}
        onSelect={(role) => setSelected(role.id)}
        emptyText={drafts.roles.length === 0 ? t('roles.table.none') : undefined}
        columns={[
          { id: 'name', header: t('roles.fields.name'), cell: (role) => role.name, text: (role) => role.name },
          { id: 'description', header: t('roles.fields.description'), cell: (role) => role.description, text: (role) => role.description, width: 'minmax(0, 2fr)' },
          {
            id: 'channels',
            header: t('roles.table.channels'),
            cell: (role) => role.channels.map((row) => channelNames.get(row.channelId) ?? '?').join(', '),
            text: (role) => role.channels.map((row) => channelNames.get(row.channelId) ?? '').join(' '),
          },
          { id: 'skillsView', header: productLabel(SKILLS_VIEW_LABEL, i18n.language), cell: (role) => (role.skillsView ? yes : no), width: '8rem' },
          { id: 'findings', header: t('roles.table.findings'), cell: (role) => String(countByRole.get(indexOf.get(role.id) ?? -1) ?? 0), width: '6rem' },
        ]}
        filter={{
          label: t('roles.table.filter'),
          options: [
            { value: 'findings', label: t('roles.table.withFindings') },
            { value: 'clean', label: t('roles.table.withoutFindings') },
          ],
          test: (role, value) => ((countByRole.get(indexOf.get(role.id) ?? -1) ?? 0) > 0) === (value === 'findings'),
        }}
      />
      {selected && <RoleEditor key={selected} drafts={drafts} roleId={selected} onRemoved={() => setSelected(null)} />}
    </section>
  );
}
