import type { DraftsIndex } from './drafts-index';
import { finding, type Finding } from './findings';

/**
 * Routing-queue filters (manual, tasks 8 and 10).
 *
 * Outbound contacts must be routed by routing-queue filters ("Les contacts sortants doivent être
 * acheminés via Digital Experience à l'aide de filtres de file d'attente de routage"), so a
 * channel that starts conversations and that no "included channels" condition lists is blocking.
 * For inbound-only channels queues are the older, optional path: an advice says the step may be
 * skipped, skills and a Studio script being the recommended routing.
 */
export function routingFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  const { drafts } = index;
  drafts.queues.forEach((queue, q) => {
    queue.filters.forEach((filter, f) => {
      filter.conditions.forEach((condition, c) => {
        condition.channelIds.forEach((channelId, k) => {
          if (!index.channelIndex.has(channelId)) {
            out.push(finding('routing.unknownChannel', ['queues', q, 'filters', f, 'conditions', c, 'channelIds', k], { queue: queue.name, filter: filter.name }));
          }
        });
      });
    });
  });
  drafts.channels.forEach((channel, c) => {
    if (index.queuedChannelIds.has(channel.id)) return;
    if (channel.startsConversations) out.push(finding('routing.outboundChannelNotRouted', ['channels', c, 'startsConversations'], { channel: channel.name }));
    else out.push(finding('routing.optionalForInbound', ['channels', c, 'startsConversations'], { channel: channel.name }));
  });
  return out;
}
