import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueueFilter, RoutingQueue, type Drafts } from '../../../shared/model/drafts/drafts';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { validationKey } from '../../i18n/keys';
import { findingsAt } from '../../state/drafts-store';
import { itemOf, useRequestedSelection } from '../review/open-finding';
import { CheckedInput, FindingsSummary, newId, useDrafts, useDraftsStyles } from '../roles/drafts-ui';

const useStyles = makeStyles({
  filter: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fieldset: { margin: 0, border: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

/** The ids of every channel some condition of the queue includes. */
export function queueChannelIds(queue: RoutingQueue): Set<string> {
  const ids = new Set<string>();
  for (const filter of queue.filters) for (const condition of filter.conditions) for (const id of condition.channelIds) ids.add(id);
  return ids;
}

function updateQueue(drafts: Drafts, queueId: string, update: (queue: RoutingQueue) => RoutingQueue): Drafts {
  return { ...drafts, queues: drafts.queues.map((queue) => (queue.id === queueId ? update(queue) : queue)) };
}

function updateFilter(queue: RoutingQueue, filterId: string, update: (filter: QueueFilter) => QueueFilter): RoutingQueue {
  return { ...queue, filters: queue.filters.map((filter) => (filter.id === filterId ? update(filter) : filter)) };
}

function FilterEditor({ drafts, queueIndex, filterIndex }: { drafts: Drafts; queueIndex: number; filterIndex: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const layout = useDraftsStyles();
  const { change, findings } = useDrafts();
  const queue = drafts.queues[queueIndex];
  const filter = queue?.filters[filterIndex];
  if (!queue || !filter) return null;
  const edit = (update: (item: QueueFilter) => QueueFilter) => change((current) => updateQueue(current, queue.id, (item) => updateFilter(item, filter.id, update)));
  const setIncluded = (conditionIndex: number, channelId: string, on: boolean) =>
    edit((item) => ({
      ...item,
      conditions: item.conditions.map((entry, position) =>
        position !== conditionIndex ? entry : { ...entry, channelIds: on ? [...entry.channelIds.filter((id) => id !== channelId), channelId] : entry.channelIds.filter((id) => id !== channelId) },
      ),
    }));
  const known = new Set(drafts.channels.map((channel) => channel.id));
  const at = ['queues', queueIndex, 'filters', filterIndex] as const;
  return (
    <div className={styles.filter} role="group" aria-label={t('routing.filters.group', { name: filter.name })} data-testid="queue-filter">
      <CheckedInput
        label={t('routing.filters.name')}
        required
        value={filter.name}
        schema={QueueFilter.shape.name}
        findings={findingsAt(findings, [...at, 'name'])}
        path={[...at, 'name']}
        onValid={(name) => edit((item) => ({ ...item, name }))}
      />
      {filter.conditions.map((condition, conditionIndex) => (
        <fieldset key={conditionIndex} className={styles.fieldset} data-field={[...at, 'conditions', conditionIndex].join('.')}>
          <legend className={styles.legend}>{t('routing.filters.includedChannels')}</legend>
          {drafts.channels.length === 0 && <p>{t('routing.filters.noChannels')}</p>}
          {drafts.channels.map((channel) => (
            <Checkbox key={channel.id} label={channel.name} checked={condition.channelIds.includes(channel.id)} onChange={(_event, data) => setIncluded(conditionIndex, channel.id, data.checked === true)} />
          ))}
          {/* A channel no longer in the drafts (an imported file) stays named here until unticked. */}
          {condition.channelIds.map((channelId, k) =>
            known.has(channelId) ? null : (
              <FormField
                key={channelId}
                label={t('routing.filters.unknownChannel', { id: channelId })}
                findings={findingsAt(findings, [...at, 'conditions', conditionIndex, 'channelIds', k])}
                path={[...at, 'conditions', conditionIndex, 'channelIds', k]}
              >
                <Checkbox checked onChange={() => setIncluded(conditionIndex, channelId, false)} />
              </FormField>
            ),
          )}
          <Button size="small" onClick={() => edit((item) => ({ ...item, conditions: item.conditions.filter((_entry, position) => position !== conditionIndex) }))}>
            {t('routing.filters.removeCondition')}
          </Button>
        </fieldset>
      ))}
      <div className={layout.row}>
        <Button onClick={() => edit((item) => ({ ...item, conditions: [...item.conditions, { type: 'includedChannels', channelIds: [] }] }))}>
          {t('routing.filters.addCondition')}
        </Button>
        <Button onClick={() => change((current) => updateQueue(current, queue.id, (item) => ({ ...item, filters: item.filters.filter((entry) => entry.id !== filter.id) })))}>
          {t('routing.filters.remove', { name: filter.name })}
        </Button>
      </div>
    </div>
  );
}

function QueueEditor({ drafts, queueId, onRemoved }: { drafts: Drafts; queueId: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { change, findings } = useDrafts();
  const index = drafts.queues.findIndex((queue) => queue.id === queueId);
  const queue = drafts.queues[index];
  if (!queue) return null;
  return (
    <section className={layout.editor} aria-labelledby="queue-editor-title" data-testid="queue-editor" data-field={`queues.${index}`}>
      <h4 id="queue-editor-title" className={layout.h3}>
        {t('routing.queues.edit.title', { name: queue.name })}
      </h4>
      <CheckedInput
        label={t('routing.queues.fields.name')}
        required
        value={queue.name}
        schema={RoutingQueue.shape.name}
        findings={findingsAt(findings, ['queues', index, 'name'])}
        path={['queues', index, 'name']}
        onValid={(name) => change((current) => updateQueue(current, queue.id, (item) => ({ ...item, name })))}
      />
      {queue.filters.map((filter, filterIndex) => (
        <FilterEditor key={filter.id} drafts={drafts} queueIndex={index} filterIndex={filterIndex} />
      ))}
      <div className={layout.row}>
        <Button
          onClick={() =>
            change((current) =>
              updateQueue(current, queue.id, (item) => ({ ...item, filters: [...item.filters, { id: newId(), name: t('routing.filters.defaultName', { number: item.filters.length + 1 }), conditions: [] }] })),
            )
          }
        >
          {t('routing.filters.add')}
        </Button>
        <Button
          onClick={() => {
            change((current) => ({ ...current, queues: current.queues.filter((item) => item.id !== queue.id) }));
            onRemoved();
          }}
        >
          {t('routing.queues.remove', { name: queue.name })}
        </Button>
      </div>
    </section>
  );
}

function AddQueueForm({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { change } = useDrafts();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className={layout.editor}
      aria-labelledby="queues-add-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = RoutingQueue.shape.name.safeParse(name);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? 'validation.invalid');
          return;
        }
        setError(null);
        const id = newId();
        change((drafts) => ({ ...drafts, queues: [...drafts.queues, { id, name: parsed.data, filters: [] }] }));
        setName('');
        onAdded(id);
      }}
    >
      <h4 id="queues-add-title" className={layout.h3}>
        {t('routing.queues.add.title')}
      </h4>
      <Field label={t('routing.queues.fields.name')} required validationState={error ? 'error' : 'none'} validationMessage={error ? t(validationKey(error)) : undefined}>
        <Input value={name} autoComplete="off" onChange={(_event, data) => setName(data.value)} />
      </Field>
      <div>
        <Button type="submit" appearance="primary">
          {t('routing.queues.add.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The routing queues of task 8: their filters and "included channels" conditions.
 *
 * The filter of the table keeps the queues that include one channel, so an admin with hundreds
 * of queues finds where a channel is routed.
 */
export function QueuesPanel({ drafts }: { drafts: Drafts }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { findings } = useDrafts();
  const [selected, setSelected] = useRequestedSelection('routing', drafts.queues, itemOf('queues'));
  const queueFindings = useMemo(() => findingsAt(findings, ['queues']), [findings]);
  const channelNames = useMemo(() => new Map(drafts.channels.map((channel) => [channel.id, channel.name])), [drafts.channels]);
  const included = (queue: RoutingQueue) => [...queueChannelIds(queue)].map((id) => channelNames.get(id) ?? '?').join(', ');
  return (
    <section className={layout.section} aria-labelledby="queues-panel-title" data-testid="queues-panel">
      <h3 id="queues-panel-title" className={layout.h3}>
        {t('routing.queues.title')}
      </h3>
      <FindingsSummary findings={queueFindings} testId="queues-findings" />
      <AddQueueForm onAdded={setSelected} />
      <DataTable
        label={t('routing.queues.table.label')}
        testId="queues-table"
        rows={drafts.queues}
        rowKey={(queue) => queue.id}
        selectedKey={selected}
        onSelect={(queue) => setSelected(queue.id)}
        emptyText={drafts.queues.length === 0 ? t('routing.queues.table.none') : undefined}
        columns={[
          { id: 'name', header: t('routing.queues.fields.name'), cell: (queue) => queue.name, text: (queue) => queue.name },
          { id: 'filters', header: t('routing.queues.table.filters'), cell: (queue) => String(queue.filters.length), width: '6rem' },
          { id: 'channels', header: t('routing.filters.includedChannels'), cell: included, text: included, width: 'minmax(0, 2fr)' },
        ]}
        filter={{
          label: t('routing.queues.table.filter'),
          options: drafts.channels.map((channel) => ({ value: channel.id, label: channel.name })),
          test: (queue, value) => queueChannelIds(queue).has(value),
        }}
      />
      {selected && <QueueEditor key={selected} drafts={drafts} queueId={selected} onRemoved={() => setSelected(null)} />}
    </section>
  );
}
