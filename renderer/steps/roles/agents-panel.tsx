import { Button, Field, Input, Radio, RadioGroup, Select, Switch, mergeClasses } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Agent, AgentApplication, type Drafts } from '../../../shared/model/drafts/drafts';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { validationKey } from '../../i18n/keys';
import { findingsAt } from '../../state/drafts-store';
import { itemOf, useRequestedSelection } from '../review/open-finding';
import { CheckedInput, FindingsSummary, newId, useDrafts, useDraftsStyles } from './drafts-ui';

/** The agent applications by the product's own names, which are the same in both languages. */
const APPLICATION_NAMES: Record<AgentApplication, string> = { agent: 'Agent', max: 'MAX' };

function updateAgent(drafts: Drafts, agentId: string, update: (agent: Agent) => Agent): Drafts {
  return { ...drafts, agents: drafts.agents.map((agent) => (agent.id === agentId ? update(agent) : agent)) };
}

function AgentEditor({ drafts, agentId, onRemoved }: { drafts: Drafts; agentId: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { change, findings } = useDrafts();
  const index = drafts.agents.findIndex((agent) => agent.id === agentId);
  const agent = drafts.agents[index];
  const skillNames = useMemo(() => new Map(drafts.skills.map((skill) => [skill.id, skill.name])), [drafts.skills]);
  if (!agent) return null;
  const edit = (update: (item: Agent) => Agent) => change((current) => updateAgent(current, agent.id, update));
  const available = drafts.skills.filter((skill) => !agent.skillIds.includes(skill.id));
  // A user holds exactly one role; an imported user with several shows the first until one is picked.
  const roleId = agent.roleIds[0] ?? '';
  return (
    <section className={layout.editor} aria-labelledby="agent-editor-title" data-testid="agent-editor" data-field={`agents.${index}`}>
      <h4 id="agent-editor-title" className={layout.h3}>
        {t('roles.agents.edit.title', { name: agent.name })}
      </h4>
      <CheckedInput
        label={t('roles.agents.fields.name')}
        required
        value={agent.name}
        schema={Agent.shape.name}
        findings={findingsAt(findings, ['agents', index, 'name'])}
        path={['agents', index, 'name']}
        onValid={(name) => edit((item) => ({ ...item, name }))}
      />
      <FormField label={t('roles.agents.fields.application')} findings={findingsAt(findings, ['agents', index, 'application'])} path={['agents', index, 'application']}>
        <RadioGroup layout="horizontal" value={agent.application} onChange={(_event, data) => edit((item) => ({ ...item, application: AgentApplication.parse(data.value) }))}>
          {AgentApplication.options.map((application) => (
            <Radio key={application} value={application} label={APPLICATION_NAMES[application]} />
          ))}
        </RadioGroup>
      </FormField>
      <FormField label={t('roles.agents.fields.digitalEngagement')} findings={findingsAt(findings, ['agents', index, 'digitalEngagement'])} path={['agents', index, 'digitalEngagement']}>
        <Switch checked={agent.digitalEngagement} onChange={(_event, data) => edit((item) => ({ ...item, digitalEngagement: data.checked }))} />
      </FormField>
      <FormField
        label={t('roles.agents.fields.addSkill')}
        hint={drafts.skills.length === 0 ? t('roles.agents.fields.noSkills') : t('roles.agents.fields.skillsHint')}
        findings={findingsAt(findings, ['agents', index, 'skillIds'])}
        path={['agents', index, 'skillIds']}
      >
        <Select
          value=""
          disabled={available.length === 0}
          onChange={(_event, data) => {
            if (data.value) edit((item) => ({ ...item, skillIds: [...item.skillIds, data.value] }));
          }}
        >
          <option value="">{t('roles.agents.fields.pickSkill')}</option>
          {available.map((skill) => (
            <option key={skill.id} value={skill.id}>
              {skill.name}
            </option>
          ))}
        </Select>
      </FormField>
      {agent.skillIds.length > 0 && (
        <ul aria-label={t('roles.agents.fields.skills')} className={mergeClasses(layout.row, layout.plainList)}>
          {agent.skillIds.map((skillId) => (
            <li key={skillId}>
              <Button size="small" onClick={() => edit((item) => ({ ...item, skillIds: item.skillIds.filter((id) => id !== skillId) }))}>
                {t('roles.agents.fields.removeSkill', { name: skillNames.get(skillId) ?? '?' })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormField label={t('roles.agents.fields.role')} findings={findingsAt(findings, ['agents', index, 'roleIds'])} path={['agents', index, 'roleIds']}>
        <Select value={roleId} onChange={(_event, data) => edit((item) => ({ ...item, roleIds: data.value ? [data.value] : [] }))}>
          <option value="">{t('roles.agents.fields.noRole')}</option>
          {drafts.roles.map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
            </option>
          ))}
        </Select>
      </FormField>
      <div>
        <Button
          onClick={() => {
            change((current) => ({ ...current, agents: current.agents.filter((item) => item.id !== agent.id) }));
            onRemoved();
          }}
        >
          {t('roles.agents.remove', { name: agent.name })}
        </Button>
      </div>
    </section>
  );
}

function AddAgentForm({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { change } = useDrafts();
  const [name, setName] = useState('');
  const [application, setApplication] = useState<AgentApplication>('agent');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className={layout.editor}
      aria-labelledby="agents-add-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = Agent.shape.name.safeParse(name);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? 'validation.invalid');
          return;
        }
        setError(null);
        const id = newId();
        change((drafts) => ({ ...drafts, agents: [...drafts.agents, { id, name: parsed.data, application, digitalEngagement: false, skillIds: [], roleIds: [] }] }));
        setName('');
        onAdded(id);
      }}
    >
      <h4 id="agents-add-title" className={layout.h3}>
        {t('roles.agents.add.title')}
      </h4>
      <div className={layout.row}>
        <Field label={t('roles.agents.fields.name')} required validationState={error ? 'error' : 'none'} validationMessage={error ? t(validationKey(error)) : undefined}>
          <Input value={name} autoComplete="off" onChange={(_event, data) => setName(data.value)} />
        </Field>
        <Field label={t('roles.agents.fields.application')}>
          <RadioGroup layout="horizontal" value={application} onChange={(_event, data) => setApplication(AgentApplication.parse(data.value))}>
            {AgentApplication.options.map((option) => (
              <Radio key={option} value={option} label={APPLICATION_NAMES[option]} />
            ))}
          </RadioGroup>
        </Field>
      </div>
      <div>
        <Button type="submit" appearance="primary">
          {t('roles.agents.add.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The users who will handle the channel (task 7): application, Digital Engagement attribute,
 * digital skills (picked from the drafted skills) and their one role.
 *
 * On Agent a user needs both the attribute and a digital skill, on MAX either; the rules say
 * which is missing under the field concerned.
 */
export function AgentsPanel({ drafts }: { drafts: Drafts }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { findings } = useDrafts();
  const [selected, setSelected] = useRequestedSelection('roles', drafts.agents, itemOf('agents'));
  const agentFindings = useMemo(() => findingsAt(findings, ['agents']), [findings]);
  const countByAgent = useMemo(() => {
    const counts = new Map<number, number>();
    for (const finding of agentFindings) if (typeof finding.path[1] === 'number') counts.set(finding.path[1], (counts.get(finding.path[1]) ?? 0) + 1);
    return counts;
  }, [agentFindings]);
  const indexOf = useMemo(() => new Map(drafts.agents.map((agent, index) => [agent.id, index])), [drafts.agents]);
  const roleNames = useMemo(() => new Map(drafts.roles.map((role) => [role.id, role.name])), [drafts.roles]);
  const yes = t('roles.table.yes');
  const no = t('roles.table.no');
  const roleText = (agent: Agent) => agent.roleIds.map((id) => roleNames.get(id) ?? '?').join(', ');

  return (
    <section className={layout.section} aria-labelledby="agents-panel-title" data-testid="agents-panel">
      <h3 id="agents-panel-title" className={layout.h3}>
        {t('roles.agents.title')}
      </h3>
      <FindingsSummary findings={agentFindings} testId="agents-findings" />
      <AddAgentForm onAdded={setSelected} />
      <DataTable
        label={t('roles.agents.table.label')}
        testId="agents-table"
        rows={drafts.agents}
        rowKey={(agent) => agent.id}
        selectedKey={selected}
        onSelect={(agent) => setSelected(agent.id)}
        emptyText={drafts.agents.length === 0 ? t('roles.agents.table.none') : undefined}
        columns={[
          { id: 'name', header: t('roles.agents.fields.name'), cell: (agent) => agent.name, text: (agent) => agent.name, width: 'minmax(0, 2fr)' },
          { id: 'application', header: t('roles.agents.fields.application'), cell: (agent) => APPLICATION_NAMES[agent.application], text: (agent) => APPLICATION_NAMES[agent.application] },
          { id: 'engagement', header: t('roles.agents.table.engagement'), cell: (agent) => (agent.digitalEngagement ? yes : no) },
          { id: 'skills', header: t('roles.agents.table.skills'), cell: (agent) => String(agent.skillIds.length), width: '6rem' },
          { id: 'role', header: t('roles.agents.fields.role'), cell: roleText, text: roleText },
          { id: 'findings', header: t('roles.table.findings'), cell: (agent) => String(countByAgent.get(indexOf.get(agent.id) ?? -1) ?? 0), width: '6rem' },
        ]}
        filter={{
          label: t('roles.agents.table.filter'),
          options: [
            ...AgentApplication.options.map((application) => ({ value: application, label: APPLICATION_NAMES[application] })),
            { value: 'findings', label: t('roles.table.withFindings') },
          ],
          test: (agent, value) => (value === 'findings' ? (countByAgent.get(indexOf.get(agent.id) ?? -1) ?? 0) > 0 : agent.application === value),
        }}
      />
      {selected && <AgentEditor key={selected} drafts={drafts} agentId={selected} onRemoved={() => setSelected(null)} />}
    </section>
  );
}
