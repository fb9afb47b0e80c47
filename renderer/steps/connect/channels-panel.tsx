import { Button, Field, Input, Switch } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Channel, E164, type Drafts } from '../../../shared/model/drafts/drafts';
import { DataTable } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { validationKey } from '../../i18n/keys';
import { findingsAt } from '../../state/drafts-store';
import { itemOf, useRequestedSelection } from '../review/open-finding';
import { CheckedInput, DraftsStatus, FindingsSummary, newId, useDrafts, useDraftsStyles } from '../roles/drafts-ui';

/**
 * Removes a channel and every reference to it from roles and routing-queue conditions.
 *
 * Every object refers to channels by id, so a removed channel would otherwise leave rows the
 * rules report as unknown. The custom component's list is left as it is: emptying it would
 * silently mean "all channels" (manual, task 6), so its unknown-channel finding says it instead.
 */
export function removeChannel(drafts: Drafts, channelId: string): Drafts {
  return {
    ...drafts,
    channels: drafts.channels.filter((channel) => channel.id !== channelId),
    roles: drafts.roles.map((role) => ({ ...role, channels: role.channels.filter((row) => row.channelId !== channelId) })),
    queues: drafts.queues.map((queue) => ({
      ...queue,
      filters: queue.filters.map((filter) => ({
        ...filter,
        conditions: filter.conditions.map((condition) => ({ ...condition, channelIds: condition.channelIds.filter((id) => id !== channelId) })),
      })),
    })),
  };
}

/** Replaces one channel, found by id, with what `update` makes of it. */
export function updateChannel(drafts: Drafts, channelId: string, update: (channel: Channel) => Channel): Drafts {
  return { ...drafts, channels: drafts.channels.map((channel) => (channel.id === channelId ? update(channel) : channel)) };
}

function AddChannelForm({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const styles = useDraftsStyles();
  const { change } = useDrafts();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [outbound, setOutbound] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; phone?: string }>({});

  const add = () => {
    const parsedName = Channel.shape.name.safeParse(name);
    const parsedPhone = E164.safeParse(phone);
    const next = {
      name: parsedName.success ? undefined : (parsedName.error.issues[0]?.message ?? 'validation.invalid'),
      phone: parsedPhone.success ? undefined : (parsedPhone.error.issues[0]?.message ?? 'validation.invalid'),
    };
    setErrors(next);
    if (!parsedName.success || !parsedPhone.success) return;
    const id = newId();
    change((drafts) => ({
      ...drafts,
      channels: [
        ...drafts.channels,
        { id, name: parsedName.data, phoneNumber: parsedPhone.data, startsConversations: outbound, defaultSkillId: null, studioScript: '', sla: { kind: 'general' } },
      ],
    }));
    setName('');
    setPhone('');
    setOutbound(false);
    onAdded(id);
  };

  return (
    <form
      className={styles.editor}
      aria-labelledby="channels-add-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <h4 id="channels-add-title" className={styles.h3}>
        {t('channels.add.title')}
      </h4>
      <div className={styles.row}>
        <Field label={t('channels.fields.name')} required validationState={errors.name ? 'error' : 'none'} validationMessage={errors.name ? t(validationKey(errors.name)) : undefined}>
          <Input value={name} autoComplete="off" onChange={(_event, data) => setName(data.value)} />
        </Field>
        <Field
          label={t('channels.fields.phoneNumber')}
          hint={t('channels.fields.phoneNumberHint')}
          required
          validationState={errors.phone ? 'error' : 'none'}
          validationMessage={errors.phone ? t(validationKey(errors.phone)) : undefined}
        >
          <Input value={phone} inputMode="tel" autoComplete="off" spellCheck={false} onChange={(_event, data) => setPhone(data.value)} />
        </Field>
      </div>
      <Switch checked={outbound} onChange={(_event, data) => setOutbound(data.checked)} label={t('channels.fields.outbound')} />
      <div>
        <Button type="submit" appearance="primary">
          {t('channels.add.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The outbound switch of one channel, the same data on the connect and the routing steps.
 *
 * The routing findings of the channel (not routed while outbound; queues optional while
 * inbound only) are shown under it.
 */
export function OutboundSwitch({ drafts, channelIndex }: { drafts: Drafts; channelIndex: number }) {
  const { t } = useTranslation();
  const { change, findings } = useDrafts();
  const channel = drafts.channels[channelIndex];
  if (!channel) return null;
  return (
    <FormField label={t('channels.fields.outboundLabel')} findings={findingsAt(findings, ['channels', channelIndex, 'startsConversations'])} path={['channels', channelIndex, 'startsConversations']}>
      <Switch
        checked={channel.startsConversations}
        onChange={(_event, data) => change((current) => updateChannel(current, channel.id, (item) => ({ ...item, startsConversations: data.checked })))}
        label={t('channels.fields.outbound')}
      />
    </FormField>
  );
}

function ChannelEditor({ drafts, channelId, onRemoved }: { drafts: Drafts; channelId: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const styles = useDraftsStyles();
  const { change, findings } = useDrafts();
  const index = drafts.channels.findIndex((channel) => channel.id === channelId);
  const channel = drafts.channels[index];
  if (!channel) return null;
  const edit = (update: (item: Channel) => Channel) => change((current) => updateChannel(current, channel.id, update));
  return (
    <section className={styles.editor} aria-labelledby="channel-editor-title" data-testid="channel-editor" data-field={`channels.${index}`}>
      <h4 id="channel-editor-title" className={styles.h3}>
        {t('channels.edit.title', { name: channel.name })}
      </h4>
      <div className={styles.row}>
        <CheckedInput
          label={t('channels.fields.name')}
          required
          value={channel.name}
          schema={Channel.shape.name}
          findings={findingsAt(findings, ['channels', index, 'name'])}
          path={['channels', index, 'name']}
          onValid={(name) => edit((item) => ({ ...item, name }))}
        />
        <CheckedInput
          label={t('channels.fields.phoneNumber')}
          hint={t('channels.fields.phoneNumberHint')}
          required
          inputMode="tel"
          value={channel.phoneNumber}
          schema={E164}
          findings={findingsAt(findings, ['channels', index, 'phoneNumber'])}
          path={['channels', index, 'phoneNumber']}
          onValid={(phoneNumber) => edit((item) => ({ ...item, phoneNumber }))}
        />
      </div>
      <OutboundSwitch drafts={drafts} channelIndex={index} />
      <div>
        <Button
          onClick={() => {
            change((current) => removeChannel(current, channel.id));
            onRemoved();
          }}
        >
          {t('channels.remove', { name: channel.name })}
        </Button>
      </div>
    </section>
  );
}

/**
 * The channels being set up (task 2): each WhatsApp number is its own channel.
 *
 * Added here with a name, an E.164 number and whether it will start conversations; roles,
 * routing queues and the custom component refer to them by id. A number not in international
 * format is refused under its field and never reaches the drafts.
 */
export function ChannelsPanel() {
  const { t } = useTranslation();
  const styles = useDraftsStyles();
  const { drafts, findings } = useDrafts();
  const [selected, setSelected] = useRequestedSelection('connect', drafts?.channels ?? null, itemOf('channels'));
  const channelFindings = useMemo(() => findingsAt(findings, ['channels']), [findings]);

  return (
    <section className={styles.section} aria-labelledby="channels-panel-title" data-testid="channels-panel">
      <h3 id="channels-panel-title" className={styles.h3}>
        {t('channels.title')}
      </h3>
      <p>{t('channels.intro')}</p>
      <DraftsStatus>
        {(drafts) => (
          <>
            <FindingsSummary findings={channelFindings} testId="channels-findings" />
            <AddChannelForm onAdded={setSelected} />
            <DataTable
              label={t('channels.table.label')}
              testId="channels-table"
              rows={drafts.channels}
              rowKey={(channel) => channel.id}
              selectedKey={selected}
              onSelect={(channel) => setSelected(channel.id)}
              emptyText={drafts.channels.length === 0 ? t('channels.table.none') : undefined}
              columns={[
                { id: 'name', header: t('channels.fields.name'), cell: (channel) => channel.name, text: (channel) => channel.name },
                { id: 'number', header: t('channels.fields.phoneNumber'), cell: (channel) => channel.phoneNumber, text: (channel) => channel.phoneNumber },
                {
                  id: 'outbound',
                  header: t('channels.table.direction'),
                  cell: (channel) => t(channel.startsConversations ? 'channels.direction.outbound' : 'channels.direction.inbound'),
                },
              ]}
              filter={{
                label: t('channels.table.filter'),
                options: [
                  { value: 'outbound', label: t('channels.direction.outbound') },
                  { value: 'inbound', label: t('channels.direction.inbound') },
                ],
                test: (channel, value) => (value === 'outbound') === channel.startsConversations,
              }}
            />
            {selected && <ChannelEditor key={selected} drafts={drafts} channelId={selected} onRemoved={() => setSelected(null)} />}
          </>
        )}
      </DraftsStatus>
    </section>
  );
}
