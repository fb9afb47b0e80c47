import { describe, expect, it } from 'vitest';
import { Drafts, emptyDrafts, type DraftsInput } from '../../shared/model/drafts/drafts';
import { CHECKLIST_VALUE_FIELDS, STEP_CHECKLIST_VALUES, checklistValues, type ChecklistValue } from '../../shared/step-checklist-values';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import type { StepId } from '../../shared/steps';
import en from '../../renderer/i18n/en/checklist-values.json';
import fr from '../../renderer/i18n/fr/checklist-values.json';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

/** A channel, a role, a queue and a skill drafted as an admin would before opening CXone. */
function drafted(): Drafts {
  const input: DraftsInput = {
    schemaVersion: 1,
    channels: [
      {
        id: uuid(1),
        name: 'Jungle Sales',
        phoneNumber: '+33748111524',
        startsConversations: true,
        defaultSkillId: uuid(10),
        studioScript: 'WA_Inbound_Script',
        sla: { kind: 'own', firstResponse: { days: 0, hours: 2, minutes: 30 }, resolution: { days: 1, hours: 0, minutes: 0 } },
      },
      { id: uuid(2), name: 'Jungle Support', phoneNumber: '+33748111525', startsConversations: false, defaultSkillId: null, studioScript: '', sla: { kind: 'general' } },
    ],
    agents: [],
    roles: [{ id: uuid(20), name: 'WhatsApp responders', description: '', channels: [{ channelId: uuid(1), permissions: ['reply'] }], skillsView: true }],
    queues: [{ id: uuid(30), name: 'WA outbound', filters: [{ id: uuid(31), name: 'WhatsApp only', conditions: [{ type: 'includedChannels', channelIds: [uuid(1)] }] }] }],
    skills: [
      {
        id: uuid(10),
        mediaType: 'digital',
        personalConnectionOrByoc: false,
        direction: 'inbound',
        name: 'WA_FR_Sales',
        campaign: 'Sales campaign',
        subSkill: false,
        routing: { kind: 'preferredAgent', priorityMetric: 'Longest idle', fallback: 'whenOffline', timeoutSeconds: 120 },
        acceptReject: false,
        agentsUseSfaClassic: false,
      },
    ],
    customComponent: { url: 'https://templates.example.com/settings', channelIds: [uuid(1)], smoochDeleted: false },
  };
  return Drafts.parse(input);
}

/** The values as the admin reads them: context, field and text, one string each. */
const read = (values: readonly ChecklistValue[]) =>
  values.map(({ field, value, context }) => [...(context ?? []), field, value.kind === 'text' ? value.text : `${value.duration.days}d${value.duration.hours}h${value.duration.minutes}m`].join(' / '));

describe('checklist values', () => {
  it('map only items that exist in the step checklists', () => {
    for (const [step, items] of Object.entries(STEP_CHECKLIST_VALUES)) {
      const ids = STEP_CHECKLISTS[step as StepId].map((item) => item.id);
      for (const item of Object.keys(items ?? {})) expect(ids, `${step} ${item}`).toContain(item);
    }
  });

  it('label every field in French and in English', () => {
    expect(Object.keys(en.checklistValues.field).sort()).toEqual([...CHECKLIST_VALUE_FIELDS].sort());
    expect(Object.keys(fr.checklistValues.field).sort()).toEqual([...CHECKLIST_VALUE_FIELDS].sort());
  });

  it('show nothing for a new workspace, whose drafts are blank', () => {
    const drafts = emptyDrafts();
    const shown = Object.entries(STEP_CHECKLIST_VALUES).flatMap(([step, items]) =>
      Object.keys(items ?? {}).flatMap((item) => checklistValues(drafts, step as StepId, item, 'en')),
    );
    // The component height has a default (200 px), so it is the only value a blank workspace shows.
    expect(read(shown)).toEqual(['componentHeight / 200']);
  });

  it('give the component URL with %s once, the height and the selected channel', () => {
    const drafts = drafted();
    expect(read(checklistValues(drafts, 'custom-component', 'paste-url', 'en'))).toEqual(['componentUrl / https://templates.example.com/settings%s']);
    expect(read(checklistValues(drafts, 'custom-component', 'set-height', 'en'))).toEqual(['componentHeight / 200']);
    expect(read(checklistValues(drafts, 'custom-component', 'select-channels', 'en'))).toEqual(['componentChannel / Jungle Sales']);
    const typedTwice = { ...drafts, customComponent: { ...drafts.customComponent, url: 'https://templates.example.com/settings%s%s' } };
    expect(read(checklistValues(typedTwice, 'custom-component', 'paste-url', 'en'))).toEqual(['componentUrl / https://templates.example.com/settings%s']);
  });

  it('give role names, their channels and the permissions to tick in the admin language', () => {
    const drafts = drafted();
    expect(read(checklistValues(drafts, 'roles', 'edit-role', 'fr'))).toEqual(['roleName / WhatsApp responders']);
    expect(read(checklistValues(drafts, 'roles', 'edit-permissions', 'fr'))).toEqual(['WhatsApp responders / roleChannel / Jungle Sales']);
    expect(read(checklistValues(drafts, 'roles', 'tick-permissions', 'fr'))).toEqual(['WhatsApp responders / Jungle Sales / permission / Réponse']);
    expect(read(checklistValues(drafts, 'roles', 'tick-permissions', 'en'))).toEqual(['WhatsApp responders / Jungle Sales / permission / Reply']);
    expect(read(checklistValues(drafts, 'roles', 'skills-view-permission', 'fr'))).toEqual(['WhatsApp responders / permission / Vue Compétences']);
  });

  it('give queue names, their filters and the channels to add', () => {
    const drafts = drafted();
    expect(read(checklistValues(drafts, 'routing', 'open-filters', 'en'))).toEqual(['queueName / WA outbound']);
    expect(read(checklistValues(drafts, 'routing', 'open-conditions', 'en'))).toEqual(['WA outbound / filterName / WhatsApp only']);
    expect(read(checklistValues(drafts, 'routing', 'add-channel', 'en'))).toEqual(['WA outbound / WhatsApp only / includedChannel / Jungle Sales']);
  });

  it("give the skill's name, campaign and preferred-agent settings, and skip what is not drafted", () => {
    const drafts = drafted();
    expect(read(checklistValues(drafts, 'digital-skill', 'skill-name', 'en'))).toEqual(['skillName / WA_FR_Sales']);
    expect(read(checklistValues(drafts, 'digital-skill', 'campaign', 'en'))).toEqual(['WA_FR_Sales / campaign / Sales campaign']);
    expect(read(checklistValues(drafts, 'digital-skill', 'routing-configuration', 'en'))).toEqual(['WA_FR_Sales / priorityMetric / Longest idle', 'WA_FR_Sales / timeout / 120']);
    expect(checklistValues(drafts, 'digital-skill', 'message-template', 'en')).toEqual([]);
    expect(checklistValues(drafts, 'digital-skill', 'create-skill', 'en')).toEqual([]);
  });

  it('give the default skill and Studio script per channel, leaving out a channel without them', () => {
    const drafts = drafted();
    expect(read(checklistValues(drafts, 'default-skill', 'edit-channel', 'en'))).toEqual(['channel / Jungle Sales', 'channel / Jungle Support']);
    expect(read(checklistValues(drafts, 'default-skill', 'select-studio-script', 'en'))).toEqual(['Jungle Sales / studioScript / WA_Inbound_Script']);
    expect(read(checklistValues(drafts, 'default-skill', 'select-default-skill', 'en'))).toEqual(['Jungle Sales / defaultSkill / WA_FR_Sales']);
  });

  it('give the SLA times of a channel with its own SLA only', () => {
    expect(read(checklistValues(drafted(), 'sla', 'set-times', 'en'))).toEqual(['Jungle Sales / firstResponse / 0d2h30m', 'Jungle Sales / resolution / 1d0h0m']);
  });

  it('give the phone number to select when the channel is created', () => {
    expect(read(checklistValues(drafted(), 'connect', 'select-phone-number', 'en'))).toEqual(['Jungle Sales / phoneNumber / +33748111524', 'Jungle Support / phoneNumber / +33748111525']);
  });
});
