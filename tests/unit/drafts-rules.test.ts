import { describe, expect, it } from 'vitest';
import { Drafts, emptyDrafts, type DraftsInput, durationToSeconds, secondsToDuration, CHANNEL_PERMISSIONS, CHANNEL_PERMISSION_LABELS } from '../../shared/model/drafts/index';
import {
  componentUrl,
  FINDING_CODES,
  FINDING_DEFINITIONS,
  findingsForStep,
  hasBlockingFinding,
  isValidSkillName,
  suggestSkillName,
  validateDrafts,
  type Finding,
  type FindingCode,
} from '../../shared/rules/index';
import { STEP_IDS } from '../../shared/steps';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const CHANNEL = uuid(1);
const CHANNEL_2 = uuid(2);
const SKILL = uuid(10);
const SKILL_2 = uuid(11);
const ROLE = uuid(20);
const ROLE_2 = uuid(21);
const AGENT = uuid(30);
const QUEUE = uuid(40);
const FILTER = uuid(41);

/** A complete, correct set of drafts: one outbound channel, fully routed, with an agent who can reply. */
function validInput(): DraftsInput {
  return {
    schemaVersion: 1,
    channels: [
      { id: CHANNEL, name: 'The Jungle WhatsApp', phoneNumber: '+33748111524', startsConversations: true, defaultSkillId: SKILL, studioScript: 'WA_Inbound', sla: { kind: 'general' } },
    ],
    agents: [{ id: AGENT, name: 'Mowgli', application: 'agent', digitalEngagement: true, skillIds: [SKILL], roleIds: [ROLE] }],
    roles: [{ id: ROLE, name: 'WhatsApp agents', description: 'Answer WhatsApp', channels: [{ channelId: CHANNEL, permissions: ['reply'] }], skillsView: true }],
    queues: [{ id: QUEUE, name: 'Outbound', filters: [{ id: FILTER, name: 'WhatsApp', conditions: [{ type: 'includedChannels', channelIds: [CHANNEL] }] }] }],
    skills: [
      {
        id: SKILL,
        mediaType: 'digital',
        personalConnectionOrByoc: false,
        direction: 'inbound',
        name: 'WA_FR_Sales',
        campaign: 'Sales',
        subSkill: false,
        routing: { kind: 'proficiency' },
        serviceLevel: { thresholdSeconds: 30, goalPercent: 80 },
        acceptReject: false,
        agentsUseSfaClassic: false,
      },
    ],
    customComponent: { url: 'https://templates.example.com/settings?tenant=1%s', height: 200, channelIds: [CHANNEL], smoochDeleted: true },
  };
}

/** Parses a (mutated) input, as the app always does before validating. */
function drafts(change: (input: DraftsInput) => void = () => undefined): Drafts {
  const input = validInput();
  change(input);
  return Drafts.parse(input);
}

function codes(findings: readonly Finding[]): FindingCode[] {
  return findings.map((item) => item.code);
}

function only(code: FindingCode, findings: readonly Finding[]): Finding[] {
  return findings.filter((item) => item.code === code);
}

const skill0 = (input: DraftsInput) => input.skills[0]!;
const agent0 = (input: DraftsInput) => input.agents[0]!;
const role0 = (input: DraftsInput) => input.roles[0]!;
const channel0 = (input: DraftsInput) => input.channels[0]!;

describe('drafts model', () => {
  it('accepts the complete fixture and finds nothing in it', () => {
    expect(validateDrafts(drafts())).toEqual([]);
  });

  it('gives new workspaces empty drafts that parse, at the recommended component height', () => {
    const empty = emptyDrafts();
    expect(Drafts.parse(empty)).toEqual(empty);
    expect(empty.customComponent.height).toBe(200);
  });

  it('defaults the component height to 200 when it is left out', () => {
    const input = validInput();
    const { height: _height, ...component } = input.customComponent;
    expect(Drafts.parse({ ...input, customComponent: component }).customComponent.height).toBe(200);
  });

  it('trims texts and refuses extra fields, a missing phone number and duplicate ids', () => {
    expect(drafts((input) => (channel0(input).name = '  Padded  ')).channels[0]?.name).toBe('Padded');
    expect(Drafts.safeParse({ ...validInput(), extra: true }).success).toBe(false);
    const noPhone = validInput();
    channel0(noPhone).phoneNumber = '';
    expect(Drafts.safeParse(noPhone).success).toBe(false);
    expect(Drafts.safeParse({ ...validInput(), skills: [...validInput().skills, ...validInput().skills] }).success).toBe(false);
  });

  it('refuses a permission granted twice on one channel', () => {
    const input = validInput();
    (role0(input).channels[0] as { permissions: string[] }).permissions = ['reply', 'reply'];
    expect(Drafts.safeParse(input).success).toBe(false);
  });

  it('lists Reply (Réponse) as the per-channel permission the manual names', () => {
    expect(CHANNEL_PERMISSIONS).toContain('reply');
    expect(CHANNEL_PERMISSION_LABELS.reply).toEqual({ fr: 'Réponse', en: 'Reply' });
  });

  it('converts durations to seconds and back without prose', () => {
    expect(durationToSeconds({ days: 1, hours: 2, minutes: 3 })).toBe(86_400 + 7_200 + 180);
    expect(secondsToDuration(93_784)).toEqual({ days: 1, hours: 2, minutes: 3 });
    expect(secondsToDuration(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe('finding codes', () => {
  it('map every code to a wizard step and a severity', () => {
    for (const code of FINDING_CODES) {
      expect(STEP_IDS).toContain(FINDING_DEFINITIONS[code].step);
      expect(['blocking', 'warning', 'advice']).toContain(FINDING_DEFINITIONS[code].severity);
    }
  });

  it('group findings by step and tell whether a step is blocked', () => {
    const found = validateDrafts(drafts((input) => (skill0(input).name = 'x')));
    expect(codes(findingsForStep(found, 'digital-skill'))).toEqual(['skill.nameLength']);
    expect(hasBlockingFinding(found, 'digital-skill')).toBe(true);
    expect(hasBlockingFinding(found, 'roles')).toBe(false);
  });
});

describe('agents (task 7)', () => {
  it('requires both Digital Engagement and a digital skill for an Agent user', () => {
    const noAttribute = validateDrafts(drafts((input) => (agent0(input).digitalEngagement = false)));
    expect(only('agent.agentAppNeedsEngagementAndSkill', noAttribute)).toEqual([
      { code: 'agent.agentAppNeedsEngagementAndSkill', severity: 'blocking', path: ['agents', 0, 'digitalEngagement'], params: { agent: 'Mowgli', hasEngagement: false, hasSkill: true } },
    ]);
    const noSkill = validateDrafts(drafts((input) => (agent0(input).skillIds = [])));
    expect(only('agent.agentAppNeedsEngagementAndSkill', noSkill)[0]?.path).toEqual(['agents', 0, 'skillIds']);
  });

  it('accepts a MAX user with either Digital Engagement or a digital skill, not with neither', () => {
    const max = (engagement: boolean, skills: string[]) =>
      codes(validateDrafts(drafts((input) => Object.assign(agent0(input), { application: 'max', digitalEngagement: engagement, skillIds: skills }))));
    expect(max(true, [])).toEqual([]);
    expect(max(false, [SKILL])).toEqual([]);
    expect(max(false, [])).toEqual(['agent.maxNeedsEngagementOrSkill']);
  });

  it('does not count a skill that is not drafted as a digital skill', () => {
    const found = codes(validateDrafts(drafts((input) => (agent0(input).skillIds = [uuid(99)]))));
    expect(found).toEqual(expect.arrayContaining(['agent.unknownSkill', 'agent.agentAppNeedsEngagementAndSkill']));
  });

  it('reports a user with more than one role, and one with none', () => {
    const two = drafts((input) => {
      input.roles.push({ ...role0(input), id: ROLE_2, name: 'Supervisors' });
      agent0(input).roleIds = [ROLE, ROLE_2];
    });
    expect(only('agent.multipleRoles', validateDrafts(two))).toEqual([
      { code: 'agent.multipleRoles', severity: 'blocking', path: ['agents', 0, 'roleIds'], params: { agent: 'Mowgli', count: 2 } },
    ]);
    expect(codes(validateDrafts(drafts((input) => (agent0(input).roleIds = [])))).includes('agent.noRole')).toBe(true);
    expect(codes(validateDrafts(drafts((input) => (agent0(input).roleIds = [uuid(98)]))))).toContain('agent.unknownRole');
  });
});

describe('roles (task 7)', () => {
  it('reports a role that uses a channel without Reply', () => {
    const found = validateDrafts(drafts((input) => ((role0(input).channels[0] as { permissions: string[] }).permissions = [])));
    expect(only('role.replyMissing', found)).toEqual([
      { code: 'role.replyMissing', severity: 'blocking', path: ['roles', 0, 'channels', 0, 'permissions'], params: { role: 'WhatsApp agents', channel: 'The Jungle WhatsApp' } },
    ]);
  });

  it("reports an agent's role without Skills View, not an unused role", () => {
    expect(codes(validateDrafts(drafts((input) => (role0(input).skillsView = false))))).toEqual(['role.skillsViewMissing']);
    const unused = drafts((input) => input.roles.push({ id: ROLE_2, name: 'Spare', description: '', channels: [], skillsView: false }));
    expect(validateDrafts(unused)).toEqual([]);
  });

  it('refuses a role name with #, and lists the reserved characters found', () => {
    const found = validateDrafts(drafts((input) => (role0(input).name = 'Agents #1 & co')));
    expect(only('role.nameForbiddenCharacters', found)[0]?.params).toEqual({ role: 'Agents #1 & co', characters: '#&' });
    expect(validateDrafts(drafts((input) => (role0(input).name = 'Agents - WhatsApp (FR)')))).toEqual([]);
  });

  it('accepts a 50-character role name and refuses 51', () => {
    expect(validateDrafts(drafts((input) => (role0(input).name = 'r'.repeat(50))))).toEqual([]);
    expect(codes(validateDrafts(drafts((input) => (role0(input).name = 'r'.repeat(51)))))).toEqual(['role.nameTooLong']);
  });

  it('refuses two roles whose names differ only in case', () => {
    const found = validateDrafts(drafts((input) => input.roles.push({ id: ROLE_2, name: 'WHATSAPP AGENTS', description: '', channels: [], skillsView: true })));
    expect(only('role.nameDuplicate', found)).toEqual([
      { code: 'role.nameDuplicate', severity: 'blocking', path: ['roles', 1, 'name'], params: { role: 'WHATSAPP AGENTS', otherIndex: 0 } },
    ]);
  });

  it('accepts a 200-character description and refuses 201', () => {
    expect(validateDrafts(drafts((input) => (role0(input).description = 'd'.repeat(200))))).toEqual([]);
    expect(codes(validateDrafts(drafts((input) => (role0(input).description = 'd'.repeat(201)))))).toEqual(['role.descriptionTooLong']);
  });

  it('warns about a channel no role includes, and reports a role naming an unknown channel', () => {
    const found = codes(validateDrafts(drafts((input) => ((role0(input).channels[0] as { channelId: string }).channelId = uuid(97)))));
    expect(found).toEqual(expect.arrayContaining(['role.unknownChannel', 'role.channelInNoRole']));
  });
});

describe('routing (tasks 8 and 10)', () => {
  it('blocks an outbound channel that no queue includes', () => {
    const found = validateDrafts(drafts((input) => (input.queues = [])));
    expect(found).toEqual([{ code: 'routing.outboundChannelNotRouted', severity: 'blocking', path: ['channels', 0, 'startsConversations'], params: { channel: 'The Jungle WhatsApp' } }]);
  });

  it('only advises about queues for an inbound-only channel', () => {
    const found = validateDrafts(drafts((input) => {
      input.queues = [];
      channel0(input).startsConversations = false;
    }));
    expect(found.map((item) => [item.code, item.severity])).toEqual([['routing.optionalForInbound', 'advice']]);
  });

  it('reports a condition naming an unknown channel', () => {
    const found = validateDrafts(drafts((input) => ((input.queues[0]?.filters[0]?.conditions[0] as { channelIds: string[] }).channelIds = [CHANNEL, uuid(96)])));
    expect(only('routing.unknownChannel', found)[0]?.path).toEqual(['queues', 0, 'filters', 0, 'conditions', 0, 'channelIds', 1]);
  });
});

describe('digital skills (task 9)', () => {
  const named = (name: string) => codes(validateDrafts(drafts((input) => (skill0(input).name = name))));

  it('refuses a 1-character name, accepts 2 and 30, refuses 31', () => {
    expect(named('a')).toEqual(['skill.nameLength']);
    expect(named('ab')).toEqual([]);
    expect(named('a'.repeat(30))).toEqual([]);
    expect(named('a'.repeat(31))).toEqual(['skill.nameLength']);
  });

  it('allows letters, digits and - _ . : only', () => {
    expect(named('WA-FR_Sales.v2:EU')).toEqual([]);
    expect(named('Ventes_Été')).toEqual([]);
    const found = validateDrafts(drafts((input) => (skill0(input).name = 'WA FR/Sales')));
    expect(only('skill.nameCharacters', found)[0]?.params).toEqual({ skill: 'WA FR/Sales', characters: ' /' });
  });

  it('refuses two skills whose names differ only in case', () => {
    const found = codes(validateDrafts(drafts((input) => input.skills.push({ ...skill0(input), id: SKILL_2, name: 'wa_fr_sales' }))));
    expect(found).toEqual(['skill.nameDuplicate']);
  });

  const timeout = (value: number | undefined) =>
    codes(validateDrafts(drafts((input) => (skill0(input).routing = { kind: 'preferredAgent', priorityMetric: 'Last agent', fallback: 'whenOffline', ...(value === undefined ? {} : { timeoutSeconds: value }) }))));

  it('requires the preferred-agent timeout and accepts 1 to 5,256,000 seconds only', () => {
    expect(timeout(undefined)).toEqual(['skill.timeoutMissing']);
    expect(timeout(0)).toEqual(['skill.timeoutOutOfRange']);
    expect(timeout(1)).toEqual([]);
    expect(timeout(5_256_000)).toEqual([]);
    expect(timeout(5_256_001)).toEqual(['skill.timeoutOutOfRange']);
  });

  it('requires a priority metric for preferred-agent routing', () => {
    const found = codes(validateDrafts(drafts((input) => (skill0(input).routing = { kind: 'preferredAgent', priorityMetric: ' ', fallback: 'whenAvailable', timeoutSeconds: 900 }))));
    expect(found).toEqual(['skill.priorityMetricMissing']);
  });

  it('accepts least busy and most busy routing without further settings', () => {
    expect(codes(validateDrafts(drafts((input) => (skill0(input).routing = { kind: 'leastBusy' }))))).toEqual([]);
    expect(codes(validateDrafts(drafts((input) => (skill0(input).routing = { kind: 'mostBusy' }))))).toEqual([]);
  });

  it('allows outbound only with Personal Connection or BYOC, and service level only inbound', () => {
    const outbound = codes(validateDrafts(drafts((input) => (skill0(input).direction = 'outbound'))));
    expect(outbound).toEqual(['skill.outboundNeedsPersonalConnection', 'skill.serviceLevelInboundOnly']);
    const byoc = codes(validateDrafts(drafts((input) => Object.assign(skill0(input), { direction: 'outbound', personalConnectionOrByoc: true, serviceLevel: undefined }))));
    expect(byoc).toEqual([]);
  });

  it('blocks Accept/Reject while agents use SFA Classic, allows it otherwise', () => {
    expect(codes(validateDrafts(drafts((input) => Object.assign(skill0(input), { acceptReject: true, agentsUseSfaClassic: true }))))).toEqual(['skill.acceptRejectWithSfaClassic']);
    expect(codes(validateDrafts(drafts((input) => Object.assign(skill0(input), { acceptReject: true }))))).toEqual([]);
  });

  it("advises against a sub-skill with the manual's warning", () => {
    const found = validateDrafts(drafts((input) => (skill0(input).subSkill = true)));
    expect(found.map((item) => [item.code, item.severity])).toEqual([['skill.subSkillNotRecommended', 'advice']]);
  });

  it('requires a campaign', () => {
    expect(codes(validateDrafts(drafts((input) => (skill0(input).campaign = ''))))).toEqual(['skill.campaignMissing']);
  });

  it('advises that response countdowns work in Agent only when MAX users have the skill', () => {
    const withCountdown = (application: 'agent' | 'max') =>
      codes(validateDrafts(drafts((input) => {
        skill0(input).agentResponseCountdownSeconds = 60;
        Object.assign(agent0(input), { application });
      })));
    expect(withCountdown('agent')).toEqual([]);
    expect(withCountdown('max')).toEqual(['skill.countdownAgentOnly']);
  });
});

describe('default skill and Studio script (task 10)', () => {
  it('reports a channel lacking its default skill or its Studio script', () => {
    const found = validateDrafts(drafts((input) => Object.assign(channel0(input), { defaultSkillId: null, studioScript: '' })));
    expect(codes(found)).toEqual(['defaultSkill.noScriptExists', 'defaultSkill.skillMissing', 'defaultSkill.scriptMissing']);
  });

  it('reports that no skill exists yet, and a default skill that does not exist', () => {
    const noSkills = codes(validateDrafts(drafts((input) => {
      input.skills = [];
      agent0(input).skillIds = [];
      agent0(input).application = 'max';
    })));
    expect(noSkills).toEqual(expect.arrayContaining(['defaultSkill.noSkillExists', 'defaultSkill.unknownSkill']));
    expect(codes(validateDrafts(drafts((input) => (channel0(input).defaultSkillId = uuid(95)))))).toEqual(['defaultSkill.unknownSkill']);
  });

  it('has nothing to say when no channel is drafted', () => {
    expect(findingsForStep(validateDrafts(emptyDrafts()), 'default-skill')).toEqual([]);
  });
});

describe('SLA (task 11)', () => {
  const own = (firstResponse: { days: number; hours: number; minutes: number }, resolution: { days: number; hours: number; minutes: number }) =>
    validateDrafts(drafts((input) => (channel0(input).sla = { kind: 'own', firstResponse, resolution })));

  it('blocks a resolution time shorter than the first response time', () => {
    expect(own({ days: 0, hours: 2, minutes: 0 }, { days: 0, hours: 1, minutes: 59 })).toEqual([
      {
        code: 'sla.resolutionBeforeFirstResponse',
        severity: 'blocking',
        path: ['channels', 0, 'sla', 'resolution'],
        params: { channel: 'The Jungle WhatsApp', firstResponseSeconds: 7_200, resolutionSeconds: 7_140 },
      },
    ]);
    expect(own({ days: 0, hours: 2, minutes: 0 }, { days: 0, hours: 2, minutes: 0 })).toEqual([]);
    expect(own({ days: 0, hours: 0, minutes: 30 }, { days: 2, hours: 0, minutes: 0 })).toEqual([]);
  });

  it('blocks a zero time where the SLA needs one', () => {
    expect(codes(own({ days: 0, hours: 0, minutes: 0 }, { days: 1, hours: 0, minutes: 0 }))).toEqual(['sla.zeroDuration']);
    const general = validateDrafts(drafts((input) => (input.generalSla = { firstResponse: { days: 0, hours: 1, minutes: 0 }, resolution: { days: 0, hours: 0, minutes: 0 } })));
    expect(general.map((item) => item.path)).toEqual([['generalSla', 'resolution']]);
  });
});

describe('custom component (task 6)', () => {
  const withUrl = (url: string) => codes(validateDrafts(drafts((input) => (input.customComponent.url = url))));

  it('appends %s once, and never twice when it is already there', () => {
    expect(componentUrl('  https://t.example.com/s?x=1  ')).toBe('https://t.example.com/s?x=1%s');
    expect(componentUrl('https://t.example.com/s?x=1%s')).toBe('https://t.example.com/s?x=1%s');
    expect(componentUrl('https://t.example.com/s?x=1%s%s')).toBe('https://t.example.com/s?x=1%s');
    expect(componentUrl('https://t.example.com/s?x=1% s')).toBe('https://t.example.com/s?x=1%s');
    expect(componentUrl(componentUrl('https://t.example.com/'))).toBe('https://t.example.com/%s');
    expect(componentUrl('   ')).toBe('');
  });

  it('says when it appended %s, and finds nothing when it was already present', () => {
    expect(withUrl('https://t.example.com/s?x=1%s')).toEqual([]);
    expect(withUrl('https://t.example.com/s?x=1')).toEqual(['customComponent.placeholderAppended']);
  });

  it('requires an https URL', () => {
    expect(withUrl('')).toEqual(['customComponent.urlMissing']);
    expect(withUrl('http://t.example.com/s%s')).toEqual(['customComponent.urlNotHttps']);
    expect(withUrl('t.example.com/s%s')).toEqual(['customComponent.urlNotHttps']);
  });

  it('refuses a URL holding %s elsewhere than once at its end', () => {
    expect(withUrl('https://t.example.com/%s/x%s')).toEqual(['customComponent.placeholderRepeated']);
  });

  it('warns while the smooch components are not deleted', () => {
    const found = validateDrafts(drafts((input) => (input.customComponent.smoochDeleted = false)));
    expect(found).toEqual([{ code: 'customComponent.smoochNotDeleted', severity: 'warning', path: ['customComponent', 'smoochDeleted'], params: {} }]);
  });

  it('advises on a height other than 200 and refuses a non-positive one', () => {
    expect(codes(validateDrafts(drafts((input) => (input.customComponent.height = 300))))).toEqual(['customComponent.heightNotRecommended']);
    expect(Drafts.safeParse({ ...validInput(), customComponent: { ...validInput().customComponent, height: 0 } }).success).toBe(false);
    expect(Drafts.safeParse({ ...validInput(), customComponent: { ...validInput().customComponent, height: 2.5 } }).success).toBe(false);
  });

  it('says that no channel selected means all channels, and reports unknown channels', () => {
    expect(withUrl('https://t.example.com/%s')).toEqual([]);
    expect(codes(validateDrafts(drafts((input) => (input.customComponent.channelIds = []))))).toEqual(['customComponent.appliesToAllChannels']);
    expect(codes(validateDrafts(drafts((input) => (input.customComponent.channelIds = [CHANNEL, CHANNEL_2]))))).toEqual(['customComponent.unknownChannel']);
  });
});

describe('skill name suggestion', () => {
  it('builds the naming convention channel_language_purpose', () => {
    expect(suggestSkillName({ channel: 'WA', language: 'FR', purpose: 'Sales' })).toBe('WA_FR_Sales');
  });

  it('always gives a valid name: accents dropped, invalid characters removed, cut to 30', () => {
    expect(suggestSkillName({ channel: 'WA', language: 'FR', purpose: 'Service après-vente #1' })).toBe('WA_FR_Service-apres-vente-1');
    const long = suggestSkillName({ channel: 'WhatsApp', language: 'French', purpose: 'Customer retention and loyalty' });
    expect(long.length).toBeLessThanOrEqual(30);
    expect(isValidSkillName(long)).toBe(true);
    expect(suggestSkillName({ channel: '', language: '', purpose: '' })).toBe('Skill');
    expect(suggestSkillName({ channel: '#', language: 'F', purpose: '!' })).toBe('F_Skill');
  });
});

describe('validation at tenant scale', () => {
  // How fast is the benchmark's business (bench/workspace); this proves the answer at that size.
  it('validates 5,000 skills, 500 roles, 200 queues and 200 channels without a false alarm', () => {
    const channels = Array.from({ length: 200 }, (_, i) => ({
      id: uuid(100_000 + i),
      name: `Channel ${i}`,
      phoneNumber: `+3374811${String(i).padStart(4, '0')}`,
      startsConversations: i % 2 === 0,
      defaultSkillId: uuid(200_000 + i),
      studioScript: 'WA_Inbound',
      sla: { kind: 'general' as const },
    }));
    const skills = Array.from({ length: 5_000 }, (_, i) => ({ ...validInput().skills[0], id: uuid(200_000 + i), name: `WA_FR_${i}` }));
    const roles = Array.from({ length: 500 }, (_, i) => ({
      id: uuid(300_000 + i),
      name: `Role ${i}`,
      description: '',
      channels: channels.slice(0, 50).map((channel) => ({ channelId: channel.id, permissions: ['reply' as const] })),
      skillsView: true,
    }));
    const queues = Array.from({ length: 200 }, (_, i) => ({
      id: uuid(400_000 + i),
      name: `Queue ${i}`,
      filters: [{ id: uuid(500_000 + i), name: 'f', conditions: [{ type: 'includedChannels' as const, channelIds: [channels[i]?.id ?? CHANNEL] }] }],
    }));
    const big = Drafts.parse({ ...validInput(), channels, skills, roles, queues, agents: [], customComponent: { ...validInput().customComponent, channelIds: [] } });
    const found = validateDrafts(big);
    expect(found.filter((item) => item.severity === 'blocking').map((item) => item.code)).toEqual([]);
  });
});
