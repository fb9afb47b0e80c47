import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_PERMISSIONS, Drafts, type DraftsInput } from '../../shared/model/drafts/index';
import { componentUrl, Finding, FINDING_DEFINITIONS, isValidSkillName, suggestSkillName, validateDrafts } from '../../shared/rules/index';

/** Texts as admins type or paste them: ASCII, any Unicode, and the characters the rules care about. */
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.string({ maxLength, unit: fc.constantFrom('a', 'Z', '9', '_', '-', '.', ':', ' ', '#', '&', '%', 's', '/', 'é', '"') }),
  );
/** A text the schema requires to be non-blank once trimmed. */
const name = (maxLength: number) => text(maxLength).map((value) => (value.trim() === '' ? `n${value}` : value));
const duration = fc.record({ days: fc.integer({ min: 0, max: 365 }), hours: fc.integer({ min: 0, max: 23 }), minutes: fc.integer({ min: 0, max: 59 }) });
const seconds = fc.integer({ min: 0, max: 6_000_000 });

/**
 * Drafts shaped like the schema, with references drawn from the drafted ids and from strangers.
 *
 * Built from the schema's shape (not from valid examples) so the rules meet every combination:
 * dangling references, empty lists, names at and past every bound.
 */
const draftsInput: fc.Arbitrary<DraftsInput> = fc
  .record({
    channelIds: fc.uniqueArray(fc.uuid(), { maxLength: 6 }),
    skillIds: fc.uniqueArray(fc.uuid(), { maxLength: 6 }),
    roleIds: fc.uniqueArray(fc.uuid(), { maxLength: 4 }),
    agentIds: fc.uniqueArray(fc.uuid(), { maxLength: 5 }),
    queueIds: fc.uniqueArray(fc.uuid(), { maxLength: 3 }),
    strangers: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 2 }),
  })
  .chain(({ channelIds, skillIds, roleIds, agentIds, queueIds, strangers }) => {
    const ref = (known: string[]) => fc.constantFrom(...known, ...strangers);
    const channel = (id: string) =>
      fc.record({
        id: fc.constant(id),
        name: name(40),
        phoneNumber: fc.stringMatching(/^\+[1-9]\d{7,14}$/),
        startsConversations: fc.boolean(),
        defaultSkillId: fc.option(ref(skillIds), { nil: null }),
        studioScript: text(30),
        sla: fc.oneof(fc.constant({ kind: 'general' as const }), fc.record({ kind: fc.constant('own' as const), firstResponse: duration, resolution: duration })),
      });
    const routing = fc.oneof(
      fc.constant({ kind: 'proficiency' as const }),
      fc.record(
        { kind: fc.constant('preferredAgent' as const), priorityMetric: text(20), fallback: fc.constantFrom('whenOffline' as const, 'whenAvailable' as const), timeoutSeconds: seconds },
        { requiredKeys: ['kind', 'priorityMetric', 'fallback'] },
      ),
      fc.constant({ kind: 'leastBusy' as const }),
      fc.constant({ kind: 'mostBusy' as const }),
    );
    const skill = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          mediaType: fc.constant('digital' as const),
          personalConnectionOrByoc: fc.boolean(),
          direction: fc.constantFrom('inbound' as const, 'outbound' as const),
          name: fc.oneof(name(35), fc.constantFrom('WA_FR_Sales', 'wa_fr_sales', 'a')),
          campaign: text(20),
          messageTemplateName: name(20),
          subSkill: fc.boolean(),
          routing,
          serviceLevel: fc.record({ thresholdSeconds: fc.integer({ min: 1, max: 3_600 }), goalPercent: fc.integer({ min: 0, max: 100 }) }),
          acceptReject: fc.boolean(),
          agentsUseSfaClassic: fc.boolean(),
          agentResponseCountdownSeconds: fc.integer({ min: 1, max: 3_600 }),
          customerResponseCountdownSeconds: fc.integer({ min: 1, max: 3_600 }),
        },
        { requiredKeys: ['id', 'mediaType', 'personalConnectionOrByoc', 'direction', 'name', 'campaign', 'subSkill', 'routing', 'acceptReject', 'agentsUseSfaClassic'] },
      );
    const role = (id: string) =>
      fc.record({
        id: fc.constant(id),
        name: fc.oneof(name(60), fc.constantFrom('Agents', 'AGENTS', 'Agents #1')),
        description: text(220),
        channels: fc.uniqueArray(fc.record({ channelId: ref(channelIds), permissions: fc.subarray([...CHANNEL_PERMISSIONS]) }), { maxLength: 4, selector: (row) => row.channelId }),
        skillsView: fc.boolean(),
      });
    const agent = (id: string) =>
      fc.record({
        id: fc.constant(id),
        name: name(30),
        application: fc.constantFrom('agent' as const, 'max' as const),
        digitalEngagement: fc.boolean(),
        skillIds: fc.array(ref(skillIds), { maxLength: 3 }),
        roleIds: fc.array(ref(roleIds), { maxLength: 3 }),
      });
    const queue = (id: string) =>
      fc.record({
        id: fc.constant(id),
        name: name(20),
        filters: fc.array(
          fc.record({ id: fc.uuid(), name: name(20), conditions: fc.array(fc.record({ type: fc.constant('includedChannels' as const), channelIds: fc.array(ref(channelIds), { maxLength: 3 }) }), { maxLength: 2 }) }),
          { maxLength: 2 },
        ),
      });
    return fc.record(
      {
        schemaVersion: fc.constant(1 as const),
        channels: fc.tuple(...channelIds.map(channel)),
        agents: fc.tuple(...agentIds.map(agent)),
        roles: fc.tuple(...roleIds.map(role)),
        queues: fc.tuple(...queueIds.map(queue)),
        skills: fc.tuple(...skillIds.map(skill)),
        generalSla: fc.record({ firstResponse: duration, resolution: duration }),
        customComponent: fc.record(
          {
            url: fc.oneof(text(60), fc.constantFrom('https://t.example.com/x', 'https://t.example.com/x%s', 'http://t.example.com/%s%s', '')),
            height: fc.integer({ min: 1, max: 5_000 }),
            channelIds: fc.array(ref(channelIds), { maxLength: 3 }),
            smoochDeleted: fc.boolean(),
          },
          { requiredKeys: ['url', 'channelIds', 'smoochDeleted'] },
        ),
      },
      { requiredKeys: ['schemaVersion', 'channels', 'agents', 'roles', 'queues', 'skills', 'customComponent'] },
    );
  });

/** Whether a finding's path leads into the document: every step exists, the last may name an optional field. */
function pointsInto(document: unknown, path: readonly (string | number)[]): boolean {
  let node: unknown = document;
  for (const [position, key] of path.entries()) {
    if (node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) {
      if (typeof key !== 'number' || key < 0 || key >= node.length) return false;
    } else if (typeof key !== 'string' || (position < path.length - 1 && !(key in node))) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

describe('drafts properties', () => {
  it('accepts every document the arbitraries build (they follow the schema)', () => {
    fc.assert(
      fc.property(draftsInput, (input) => {
        const parsed = Drafts.safeParse(input);
        expect(parsed.error?.issues ?? []).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('validates any schema-valid drafts without throwing, with findings pointing into the document', () => {
    fc.assert(
      fc.property(draftsInput, (input) => {
        const drafts = Drafts.parse(input);
        const findings = validateDrafts(drafts);
        for (const item of findings) {
          expect(Finding.safeParse(item).success).toBe(true);
          expect(item.severity).toBe(FINDING_DEFINITIONS[item.code].severity);
          expect(pointsInto(drafts, item.path), `${item.code} at ${JSON.stringify(item.path)}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws while parsing arbitrary JSON or values', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (value) => {
        expect(() => Drafts.safeParse(value)).not.toThrow();
      }),
      { numRuns: 1_000 },
    );
  });

  it('never throws on drafts with one top-level field replaced by anything', () => {
    const keys = ['schemaVersion', 'channels', 'agents', 'roles', 'queues', 'skills', 'generalSla', 'customComponent'] as const;
    fc.assert(
      fc.property(draftsInput, fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), fc.anything()), (input, key, value) => {
        expect(() => Drafts.safeParse({ ...input, [key]: value })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(draftsInput, (input) => {
        const drafts = Drafts.parse(input);
        const again = Drafts.parse(JSON.parse(JSON.stringify(drafts)));
        expect(again).toEqual(drafts);
        expect(Drafts.parse(again)).toEqual(drafts);
      }),
      { numRuns: 300 },
    );
  });

  it('always suggests a skill name valid under the manual rule', () => {
    fc.assert(
      fc.property(text(40), text(40), text(40), (channel, language, purpose) => {
        expect(isValidSkillName(suggestSkillName({ channel, language, purpose }))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('puts %s at the end of the component URL exactly once, idempotently', () => {
    fc.assert(
      fc.property(text(60), (pasted) => {
        const url = componentUrl(pasted);
        if (pasted.trim() === '') {
          expect(url).toBe('');
        } else {
          expect(url.endsWith('%s')).toBe(true);
          expect(url.endsWith('%s%s')).toBe(false);
          expect(componentUrl(url)).toBe(url);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
