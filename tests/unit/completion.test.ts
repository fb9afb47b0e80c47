import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import { AppError } from '../../shared/errors/index';
import { Drafts, type DraftsInput } from '../../shared/model/drafts/drafts';
import { validateDrafts } from '../../shared/rules/validate-drafts';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import { completionBlockers, countBlockingFindings, stepDefinition, type CompletionFacts, type StepId } from '../../shared/steps';

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const CHANNEL = uuid(1);
const SKILL = uuid(10);

/** Complete, correct drafts: nothing the rules would block. */
function complete(): DraftsInput {
  return {
    schemaVersion: 1,
    channels: [{ id: CHANNEL, name: 'The Jungle', phoneNumber: '+33748111524', startsConversations: false, defaultSkillId: SKILL, studioScript: 'WA_Inbound', sla: { kind: 'general' } }],
    agents: [{ id: uuid(30), name: 'Mowgli', application: 'agent', digitalEngagement: true, skillIds: [SKILL], roleIds: [uuid(20)] }],
    roles: [{ id: uuid(20), name: 'WhatsApp agents', description: '', channels: [{ channelId: CHANNEL, permissions: ['reply'] }], skillsView: true }],
    queues: [],
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
        acceptReject: false,
        agentsUseSfaClassic: false,
      },
    ],
    customComponent: { url: 'https://templates.example.com/settings%s', height: 200, channelIds: [CHANNEL], smoochDeleted: true },
  };
}

/** The same drafts with one skill name the manual refuses (one character long). */
function withShortSkillName(): Drafts {
  const input = complete();
  input.skills[0]!.name = 'W';
  return Drafts.parse(input);
}

const everythingTicked = (): CompletionFacts['ticked'] =>
  Object.fromEntries(Object.entries(STEP_CHECKLISTS).map(([step, items]) => [step, items.map((item) => item.id)])) as CompletionFacts['ticked'];

const facts = (drafts: Drafts): CompletionFacts => ({ metaConnected: true, ticked: everythingTicked(), recorded: {}, blockingFindings: countBlockingFindings(validateDrafts(drafts)) });

describe('completion by findings', () => {
  it('counts blocking findings per step, leaving warnings and advice out', () => {
    const input = complete();
    input.skills[0]!.name = 'W';
    input.skills[0]!.subSkill = true; // advice, not counted
    input.customComponent.smoochDeleted = false; // warning, not counted
    input.channels[0]!.studioScript = '';
    expect(countBlockingFindings(validateDrafts(Drafts.parse(input)))).toEqual({ 'digital-skill': 1, 'default-skill': 1 });
  });

  it('gives every drafts step the rule, and no other step', () => {
    const drafted: StepId[] = ['custom-component', 'roles', 'routing', 'digital-skill', 'default-skill', 'sla'];
    for (const id of drafted) expect(stepDefinition(id).completion).toContain('noBlockingFindings');
    for (const id of ['requirements', 'connect', 'number-status', 'rename', 'templates', 'review'] as const) expect(stepDefinition(id).completion).not.toContain('noBlockingFindings');
  });

  it('refuses the skills step while its name breaks the manual’s rule, and no other step for it', () => {
    const blocked = facts(withShortSkillName());
    expect(completionBlockers('digital-skill', blocked)).toEqual([{ code: 'blockingFindings', step: 'digital-skill', count: 1 }]);
    expect(completionBlockers('roles', blocked)).toEqual([]);
    expect(completionBlockers('digital-skill', facts(Drafts.parse(complete())))).toEqual([]);
  });

  describe('in main', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'wcsa-completion-'));
    });

    const start = () => createServices(createNodeAdapters({ dataDir: dir, locale: 'en-US' }));
    const tickAll = (services: ReturnType<typeof start>, step: StepId) => {
      for (const item of STEP_CHECKLISTS[step]) services.workspaces.tick({ step, item: item.id, ticked: true });
    };

    it('refuses Mark done on the skills step while a blocking finding remains, naming the reason', async () => {
      const services = start();
      const workspaceId = services.workspaces.current().id;
      await services.drafts.save(workspaceId, withShortSkillName());
      tickAll(services, 'digital-skill');
      let refusal: unknown;
      try {
        services.workspaces.setProgress({ step: { id: 'digital-skill', state: 'done' } });
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'workspace.notComplete', params: { step: 'digital-skill', reasons: 'blockingFindings' } });
      expect(services.workspaces.current().progress.steps['digital-skill']?.state).not.toBe('done');
    });

    it('accepts Mark done once the drafts are fixed', async () => {
      const services = start();
      const workspaceId = services.workspaces.current().id;
      await services.drafts.save(workspaceId, withShortSkillName());
      await services.drafts.save(workspaceId, Drafts.parse(complete()));
      tickAll(services, 'digital-skill');
      services.workspaces.setProgress({ step: { id: 'digital-skill', state: 'done' } });
      expect(services.workspaces.current().progress.steps['digital-skill']?.state).toBe('done');
    });
  });
});
