import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drafts } from '../../../shared/model/drafts/drafts';
import { DataTable } from '../../components/data-table';
import { findingsAt } from '../../state/drafts-store';
import { OutboundSwitch } from '../connect/channels-panel';
import { itemOf, useRequestedSelection } from '../review/open-finding';
import { FindingsSummary, useDrafts, useDraftsStyles } from '../roles/drafts-ui';
import { queueChannelIds } from './queues-panel';

/**
 * Per channel: will it start conversations, and is it in a routing-queue filter.
 *
 * The manual's rule is stated as such (outbound contacts must be routed by queue filters;
 * inbound-only channels may rely on skills and a Studio script), and the switch is the very
 * data of the connect step's channel panel.
 */
export function ChannelRoutingPanel({ drafts }: { drafts: Drafts }) {
  const { t } = useTranslation();
  const layout = useDraftsStyles();
  const { findings } = useDrafts();
  const [selected, setSelected] = useRequestedSelection('routing', drafts.channels, itemOf('channels'));
  const routingFindings = useMemo(() => findingsAt(findings, ['channels']).filter((finding) => finding.code.startsWith('routing.')), [findings]);
  const queuesPerChannel = useMemo(() => {
    const names = new Map<string, string[]>();
    for (const queue of drafts.queues) for (const id of queueChannelIds(queue)) names.set(id, [...(names.get(id) ?? []), queue.name]);
    return names;
  }, [drafts.queues]);
  const routedText = (id: string) => queuesPerChannel.get(id)?.join(', ') ?? t('routing.channels.notRouted');
  const selectedIndex = drafts.channels.findIndex((channel) => channel.id === selected);
  const selectedChannel = drafts.channels[selectedIndex];

  return (
    <section className={layout.section} aria-labelledby="routing-channels-title" data-testid="routing-channels">
      <h3 id="routing-channels-title" className={layout.h3}>
        {t('routing.channels.title')}
      </h3>
      <MessageBar intent="info" layout="multiline" data-testid="routing-rule">
        <MessageBarBody>
          <p className={layout.text}>{t('routing.channels.ruleOutbound')}</p>
          <p className={layout.text}>{t('routing.channels.ruleInbound')}</p>
        </MessageBarBody>
      </MessageBar>
      <FindingsSummary findings={routingFindings.filter((finding) => finding.severity !== 'advice')} testId="routing-findings" />
      <DataTable
        label={t('routing.channels.table.label')}
        testId="routing-channels-table"
        rows={drafts.channels}
        rowKey={(channel) => channel.id}
        selectedKey={selected}
        onSelect={(channel) => setSelected(channel.id)}
        emptyText={drafts.channels.length === 0 ? t('routing.channels.table.none') : undefined}
        columns={[
          { id: 'name', header: t('channels.fields.name'), cell: (channel) => channel.name, text: (channel) => channel.name },
          { id: 'number', header: t('channels.fields.phoneNumber'), cell: (channel) => channel.phoneNumber, text: (channel) => channel.phoneNumber },
          { id: 'direction', header: t('channels.table.direction'), cell: (channel) => t(channel.startsConversations ? 'channels.direction.outbound' : 'channels.direction.inbound') },
          { id: 'queues', header: t('routing.channels.table.queues'), cell: (channel) => routedText(channel.id), text: (channel) => routedText(channel.id), width: 'minmax(0, 2fr)' },
        ]}
        filter={{
          label: t('routing.channels.table.filter'),
          options: [
            { value: 'unrouted', label: t('routing.channels.table.outboundNotRouted') },
            { value: 'outbound', label: t('channels.direction.outbound') },
            { value: 'inbound', label: t('channels.direction.inbound') },
          ],
          test: (channel, value) =>
            value === 'unrouted' ? channel.startsConversations && !queuesPerChannel.has(channel.id) : (value === 'outbound') === channel.startsConversations,
        }}
      />
      {selectedChannel && (
        <section className={layout.editor} aria-labelledby="routing-channel-editor-title" data-testid="routing-channel-editor">
          <h4 id="routing-channel-editor-title" className={layout.h3}>
            {t('channels.edit.title', { name: selectedChannel.name })}
          </h4>
          <OutboundSwitch drafts={drafts} channelIndex={selectedIndex} />
        </section>
      )}
    </section>
  );
}
