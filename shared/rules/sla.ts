import { durationToSeconds, type Duration } from '../model/drafts/duration';
import type { DraftsIndex } from './drafts-index';
import { finding, type Finding, type FindingPath } from './findings';

/** Checks one pair of SLA times: both set (not zero) and resolution not before first response. */
function slaPairFindings(firstResponse: Duration, resolution: Duration, at: FindingPath, params: Record<string, string>): Finding[] {
  const out: Finding[] = [];
  const first = durationToSeconds(firstResponse);
  const last = durationToSeconds(resolution);
  if (first === 0) out.push(finding('sla.zeroDuration', [...at, 'firstResponse'], { ...params, field: 'firstResponse' }));
  if (last === 0) out.push(finding('sla.zeroDuration', [...at, 'resolution'], { ...params, field: 'resolution' }));
  // A case cannot be resolved before its first answer; comparing zeros would repeat the findings above.
  if (first > 0 && last > 0 && last < first) {
    out.push(finding('sla.resolutionBeforeFirstResponse', [...at, 'resolution'], { ...params, firstResponseSeconds: first, resolutionSeconds: last }));
  }
  return out;
}

/**
 * Service level agreements (manual, task 11; optional step).
 *
 * A channel with its own SLA, and the general SLA when drafted, set a first response time and a
 * resolution time: both must be set, and resolution cannot come before first response. The
 * general SLA is optional as a whole (CXone has one anyway), so its absence is not a finding.
 */
export function slaFindings(index: DraftsIndex): Finding[] {
  const out: Finding[] = [];
  const { drafts } = index;
  if (drafts.generalSla) out.push(...slaPairFindings(drafts.generalSla.firstResponse, drafts.generalSla.resolution, ['generalSla'], { channel: '' }));
  drafts.channels.forEach((channel, c) => {
    if (channel.sla.kind === 'own') out.push(...slaPairFindings(channel.sla.firstResponse, channel.sla.resolution, ['channels', c, 'sla'], { channel: channel.name }));
  });
  return out;
}
