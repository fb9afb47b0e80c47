import { describe, expect, it } from 'vitest';
import { Drafts, type DraftsInput } from '../../shared/model/drafts/drafts';
import type { Language } from '../../shared/model/settings/settings';
import { validateDrafts } from '../../shared/rules/validate-drafts';
import { renderRunbook } from '../../renderer/runbook/render-runbook';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const CHANNEL = uuid(1);
const CHANNEL_2 = uuid(2);
const SKILL = uuid(10);
const SKILL_2 = uuid(11);

/** Drafts with every field filled in: two channels, a role, an agent, a queue, two skills, SLAs. */
function complete(): DraftsInput {
  return {
    schemaVersion: 1,
    channels: [
      { id: CHANNEL, name: 'Jungle Sales', phoneNumber: '+33748111524', startsConversations: true, defaultSkillId: SKILL, studioScript: 'WA_Inbound_Script', sla: { kind: 'general' } },
      {
        id: CHANNEL_2,
        name: 'Jungle Care & Co',
        phoneNumber: '+33612345678',
        startsConversations: false,
        defaultSkillId: SKILL_2,
        studioScript: 'WA_Care_Script',
        sla: { kind: 'own', firstResponse: { days: 0, hours: 2, minutes: 30 }, resolution: { days: 3, hours: 4, minutes: 0 } },
      },
    ],
    agents: [{ id: uuid(30), name: 'Mowgli Kipling', application: 'max', digitalEngagement: true, skillIds: [SKILL], roleIds: [uuid(20)] }],
    roles: [
      {
        id: uuid(20),
        name: 'WhatsApp responders',
        description: 'Answer WhatsApp contacts',
        channels: [
          { channelId: CHANNEL, permissions: ['reply'] },
          { channelId: CHANNEL_2, permissions: ['reply'] },
        ],
        skillsView: true,
      },
    ],
    queues: [{ id: uuid(40), name: 'Outbound queue', filters: [{ id: uuid(41), name: 'WhatsApp filter', conditions: [{ type: 'includedChannels', channelIds: [CHANNEL] }] }] }],
    skills: [
      {
        id: SKILL,
        mediaType: 'digital',
        personalConnectionOrByoc: false,
        direction: 'inbound',
        name: 'WA_FR_Sales',
        campaign: 'Sales campaign',
        messageTemplateName: 'Order update',
        subSkill: false,
        routing: { kind: 'preferredAgent', priorityMetric: 'Last agent', fallback: 'whenOffline', timeoutSeconds: 900 },
        serviceLevel: { thresholdSeconds: 45, goalPercent: 85 },
        acceptReject: false,
        agentsUseSfaClassic: false,
        agentResponseCountdownSeconds: 120,
        customerResponseCountdownSeconds: 600,
      },
      {
        id: SKILL_2,
        mediaType: 'digital',
        personalConnectionOrByoc: false,
        direction: 'inbound',
        name: 'WA_FR_Care',
        campaign: 'Care campaign',
        subSkill: false,
        routing: { kind: 'leastBusy' },
        acceptReject: true,
        agentsUseSfaClassic: false,
      },
    ],
    generalSla: { firstResponse: { days: 0, hours: 1, minutes: 15 }, resolution: { days: 2, hours: 0, minutes: 0 } },
    customComponent: { url: 'https://templates.example.com/settings?tenant=7', height: 240, channelIds: [CHANNEL, CHANNEL_2], smoochDeleted: true },
  };
}

function runbook(language: Language, input: DraftsInput = complete()): string {
  const drafts = Drafts.parse(input);
  return renderRunbook({ language, workspace: { name: 'Jungle – FR', phoneNumber: '+33748111524' }, drafts, findings: validateDrafts(drafts) });
}

/** The document's text as a reader sees it: tags dropped, entities decoded. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

/** Every drafted value an admin types or picks in CXone, whatever the language. */
const VALUES = [
  'Jungle Sales',
  '+33748111524',
  'Jungle Care & Co',
  '+33612345678',
  'https://templates.example.com/settings?tenant=7%s',
  '240 px',
  'WhatsApp responders',
  'Answer WhatsApp contacts',
  'Mowgli Kipling',
  'Outbound queue',
  'WhatsApp filter',
  'WA_FR_Sales',
  'Sales campaign',
  'Order update',
  'Last agent',
  '900 s',
  '45 s',
  '85 %',
  '120 s',
  '600 s',
  'WA_FR_Care',
  'Care campaign',
  'WA_Inbound_Script',
  'WA_Care_Script',
];

describe('the runbook', () => {
  it('is a complete HTML document in the asked language, tasks 2 to 11 in the manual’s order', () => {
    for (const language of ['fr', 'en'] as const) {
      const html = runbook(language);
      expect(html.startsWith('<!DOCTYPE html><html lang="' + language + '">')).toBe(true);
      const order = [...html.matchAll(/<section class="task" data-step="([a-z-]+)"/g)].map((match) => match[1]);
      expect(order).toEqual(['connect', 'number-status', 'rename', 'templates', 'custom-component', 'roles', 'routing', 'digital-skill', 'default-skill', 'sla']);
      expect(html).not.toMatch(/<script|<link|src=/);
    }
  });

  it('lists every drafted value in French, with the manual’s French labels', () => {
    const page = text(runbook('fr'));
    for (const value of VALUES) expect(page, value).toContain(value);
    for (const label of ['Type de média Numérique', 'Réponse', 'Vue Compétences', 'Agent préféré', 'Lorsque hors ligne', 'Temporisation', 'Le moins occupé', 'Accepter / Rejeter', 'Temps de première réponse 0 j 2 h 30 min', 'Temps de résolution 3 j 4 h 0 min']) {
      expect(page, label).toContain(label);
    }
    expect(page).toContain('Canaux Jungle Sales, Jungle Care & Co');
    expect(page).toContain('ACD > Digital > Rôles');
    expect(page).not.toMatch(/chaîne/i);
  });

  it('lists every drafted value in English, with CXone’s English labels', () => {
    const page = text(runbook('en'));
    for (const value of VALUES) expect(page, value).toContain(value);
    for (const label of ['Media Type Digital', 'Reply', 'Skills View', 'Preferred Agent', 'When Offline', 'Timeout', 'Least Occupied', 'Accept/Reject', 'First Response Time 0 d 2 h 30 min', 'Solution Time 3 d 4 h 0 min']) {
      expect(page, label).toContain(label);
    }
    expect(page).toContain('ACD > Digital > Roles');
  });

  it('lists the findings still open, by step, in the document’s language', () => {
    const input = complete();
    input.skills[0]!.name = 'W';
    input.channels[1]!.studioScript = '';
    const en = text(runbook('en', input));
    expect(en).toMatch(/Blocking ?: Skill name W has 1 characters; it must have 2 to 30\./);
    expect(en).toMatch(/Blocking ?: Channel Jungle Care & Co has no default Studio script\./);
    expect(en).toMatch(/Advice ?: Height 240 px: the manual recommends 200 px\./);
    const fr = text(runbook('fr', input));
    expect(fr).toMatch(/Bloquant ?: Le nom de compétence W compte 1 caractères/);
    expect(fr).toMatch(/Bloquant ?: Le canal Jungle Care & Co n'a pas de script Studio par défaut\./);
  });

  it('says so when nothing is left to fix, and escapes what the admin typed', () => {
    const input = complete();
    input.customComponent.height = 200;
    input.customComponent.url = 'https://templates.example.com/settings?tenant=7%s';
    input.channels[1]!.startsConversations = true;
    input.queues[0]!.filters[0]!.conditions[0]!.channelIds.push(CHANNEL_2);
    delete input.skills[0]!.agentResponseCountdownSeconds;
    delete input.skills[0]!.customerResponseCountdownSeconds;
    input.roles[0]!.description = '<img src=x onerror=alert(1)>';
    const html = runbook('en', input);
    expect(text(html)).toContain("The manual's rules find nothing to fix in the drafts.");
    expect(html).not.toContain('<img');
  });
});
