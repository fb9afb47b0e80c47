import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Channel, Drafts, Skill } from '../../shared/model/drafts/drafts';
import type { Duration } from '../../shared/model/drafts/duration';
import { CHANNEL_PERMISSION_LABELS, SKILLS_VIEW_LABEL } from '../../shared/model/drafts/permissions';
import type { Language } from '../../shared/model/settings/settings';
import { componentUrl } from '../../shared/rules/custom-component';
import { FINDING_DEFINITIONS, FINDING_SEVERITIES, type Finding } from '../../shared/rules/findings';
import { STEPS, type StepId } from '../../shared/steps';
import { checklistKey } from '../i18n/keys';
import type { RunbookWords } from './runbook-words';

/** What a runbook is drawn from: the workspace, its drafts and what the rules still find. */
export interface RunbookInput {
  readonly language: Language;
  readonly workspace: { readonly name: string; readonly phoneNumber: string };
  readonly drafts: Drafts;
  readonly findings: readonly Finding[];
}

/** The manual's tasks the runbook walks through (2 to 11): task 1 is checked before anything is entered. */
const RUNBOOK_STEPS: readonly StepId[] = ['connect', 'number-status', 'rename', 'templates', 'custom-component', 'roles', 'routing', 'digital-skill', 'default-skill', 'sla'];

/*
 * A printed page, not an app screen: plain serif text, boxes that print as boxes, and each task
 * kept whole on a page where it fits. No external resource, so the file reads offline.
 */
const PRINT_CSS = `
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff; margin: 2em auto; max-width: 48em; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .2em; } h2 { font-size: 14pt; margin: 1.6em 0 .4em; border-bottom: 1px solid #000; }
h3 { font-size: 12pt; margin: 1em 0 .3em; } section.task { break-inside: avoid-page; }
ul.todo { list-style: none; padding-left: 0; } ul.todo li { margin: .25em 0; padding-left: 1.6em; text-indent: -1.6em; }
ul.todo li::before { content: '\\2610'; display: inline-block; width: 1.6em; text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; } th, td { border: 1px solid #555; padding: .2em .4em; text-align: left; vertical-align: top; }
th { width: 38%; font-weight: 600; } code { font: 10pt/1.3 Consolas, 'Courier New', monospace; word-break: break-all; }
.meta { color: #333; } .severity { font-weight: 700; }
`;

type Row = readonly [label: string, value: ReactNode];

function Values({ rows, testId }: { rows: readonly Row[]; testId?: string }) {
  return (
    <table data-testid={testId}>
      <tbody>
        {rows.map(([label, value], index) => (
          <tr key={`${label}-${index}`}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function duration(words: RunbookWords, value: Duration): string {
  return words.duration(value.days, value.hours, value.minutes);
}

/** The channel names a list of ids points to, in the drafts' order; unknown ids are left to the findings. */
function channelNames(drafts: Drafts, ids: readonly string[]): string[] {
  const wanted = new Set(ids);
  return drafts.channels.filter((channel) => wanted.has(channel.id)).map((channel) => channel.name);
}

function skillRows(words: RunbookWords, skill: Skill): Row[] {
  const yesNo = (value: boolean) => (value ? words.yes : words.no);
  const orNotSet = (value: string | number | undefined, unit = '') => (value === undefined || value === '' ? words.notSet : `${value}${unit}`);
  const rows: Row[] = [
    [words.mediaType, words.mediaTypeDigital],
    [words.skillName, skill.name],
    [words.direction, words.directions[skill.direction]],
    [words.campaign, orNotSet(skill.campaign)],
    [words.messageTemplate, orNotSet(skill.messageTemplateName)],
    [words.subSkill, yesNo(skill.subSkill)],
    [words.routingCriteria, words.criteria[skill.routing.kind]],
  ];
  if (skill.routing.kind === 'preferredAgent') {
    rows.push([words.priorityMetric, orNotSet(skill.routing.priorityMetric)]);
    rows.push([words.fallback, words.fallbacks[skill.routing.fallback]]);
    rows.push([words.timeout, orNotSet(skill.routing.timeoutSeconds, ` ${words.seconds}`)]);
  }
  if (skill.serviceLevel) {
    rows.push([`${words.serviceLevel}: ${words.serviceLevelThreshold}`, `${skill.serviceLevel.thresholdSeconds} ${words.seconds}`]);
    rows.push([`${words.serviceLevel}: ${words.serviceLevelGoal}`, `${skill.serviceLevel.goalPercent} %`]);
  }
  rows.push([words.acceptReject, yesNo(skill.acceptReject)]);
  rows.push([words.agentResponse, orNotSet(skill.agentResponseCountdownSeconds, ` ${words.seconds}`)]);
  rows.push([words.customerResponse, orNotSet(skill.customerResponseCountdownSeconds, ` ${words.seconds}`)]);
  return rows;
}

/** The values of one task, as the admin types or ticks them in CXone. */
function TaskValues({ step, input, words }: { step: StepId; input: RunbookInput; words: RunbookWords }) {
  const { drafts, language } = input;
  const yesNo = (value: boolean) => (value ? words.yes : words.no);
  const skillName = (id: string | null) => drafts.skills.find((skill) => skill.id === id)?.name ?? words.notSet;
  const channelTable = (channel: Channel, rows: Row[]) => <Values key={channel.id} rows={[[words.channelName, channel.name], ...rows]} />;
  const nothing = <p>{words.nothingDrafted}</p>;
  switch (step) {
    case 'connect':
    case 'number-status':
    case 'rename':
      if (drafts.channels.length === 0) return nothing;
      return <>{drafts.channels.map((channel) => channelTable(channel, [[words.phoneNumber, channel.phoneNumber], [words.startsConversations, yesNo(channel.startsConversations)]]))}</>;
    case 'templates':
      return null;
    case 'custom-component': {
      const component = drafts.customComponent;
      const names = channelNames(drafts, component.channelIds);
      return (
        <Values
          testId="runbook-component"
          rows={[
            [words.smoochDeleted, yesNo(component.smoochDeleted)],
            [words.url, component.url === '' ? words.notSet : <code>{componentUrl(component.url)}</code>],
            [words.height, `${component.height} px`],
            [words.channels, names.length === 0 ? words.allChannels : names.join(', ')],
          ]}
        />
      );
    }
    case 'roles':
      if (drafts.roles.length === 0 && drafts.agents.length === 0) return nothing;
      return (
        <>
          {drafts.roles.map((role) => (
            <div key={role.id}>
              <h3>
                {words.role}: {role.name}
              </h3>
              <Values
                rows={[
                  [words.description, role.description || words.notSet],
                  ...role.channels.map((row): Row => [
                    `${words.channel}: ${channelNames(drafts, [row.channelId]).join('') || words.notSet}`,
                    `${words.permissions}: ${row.permissions.map((permission) => CHANNEL_PERMISSION_LABELS[permission][language]).join(', ') || words.notSet}`,
                  ]),
                  [SKILLS_VIEW_LABEL[language], yesNo(role.skillsView)],
                ]}
              />
            </div>
          ))}
          {drafts.agents.length > 0 && <h3>{words.agents}</h3>}
          {drafts.agents.map((agent) => (
            <Values
              key={agent.id}
              rows={[
                [words.agent, agent.name],
                [words.applicationLabel, words.application[agent.application]],
                [words.digitalEngagement, yesNo(agent.digitalEngagement)],
                [words.skills, agent.skillIds.map((id) => skillName(id)).join(', ') || words.notSet],
                [words.roles, drafts.roles.filter((role) => agent.roleIds.includes(role.id)).map((role) => role.name).join(', ') || words.notSet],
              ]}
            />
          ))}
        </>
      );
    case 'routing':
      if (drafts.queues.length === 0) return nothing;
      return (
        <>
          {drafts.queues.map((queue) => (
            <div key={queue.id}>
              <h3>
                {words.queue}: {queue.name}
              </h3>
              <Values
                rows={queue.filters.map((filter): Row => [
                  `${words.filter}: ${filter.name}`,
                  `${words.includedChannels}: ${channelNames(drafts, filter.conditions.flatMap((condition) => condition.channelIds)).join(', ') || words.notSet}`,
                ])}
              />
            </div>
          ))}
        </>
      );
    case 'digital-skill':
      if (drafts.skills.length === 0) return nothing;
      return (
        <>
          {drafts.skills.map((skill) => (
            <div key={skill.id}>
              <h3>
                {words.skill}: {skill.name}
              </h3>
              <Values rows={skillRows(words, skill)} />
            </div>
          ))}
        </>
      );
    case 'default-skill':
      if (drafts.channels.length === 0) return nothing;
      return <>{drafts.channels.map((channel) => channelTable(channel, [[words.studioScript, channel.studioScript || words.notSet], [words.defaultSkill, skillName(channel.defaultSkillId)]]))}</>;
    case 'sla':
      return (
        <>
          {drafts.generalSla && (
            <Values
              rows={[
                [words.generalSla, ''],
                [words.firstResponse, duration(words, drafts.generalSla.firstResponse)],
                [words.resolution, duration(words, drafts.generalSla.resolution)],
              ]}
            />
          )}
          {drafts.channels.map((channel) =>
            channelTable(
              channel,
              channel.sla.kind === 'general'
                ? [[words.generalSla, words.useGeneralSla]]
                : [
                    [words.generalSla, words.ownSla],
                    [words.firstResponse, duration(words, channel.sla.firstResponse)],
                    [words.resolution, duration(words, channel.sla.resolution)],
                  ],
            ),
          )}
        </>
      );
    default:
      return null;
  }
}

/**
 * The printable runbook: the manual's tasks 2 to 11 in order, each with the boxes to tick (the
 * checklist sentences the app shows) and the drafted values to type, then the open findings.
 *
 * `t` is fixed to the runbook's language, so the document does not follow the UI if the admin
 * switches language while it is being saved.
 */
export function Runbook({ input, words, t }: { input: RunbookInput; words: RunbookWords; t: TFunction }) {
  const { language, workspace, findings } = input;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <title>{`${words.title} – ${workspace.name}`}</title>
        <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      </head>
      <body>
        <h1>{words.title}</h1>
        <p className="meta">
          {words.workspace}: {workspace.name}
          {workspace.phoneNumber && ` · ${words.phoneNumber}: ${workspace.phoneNumber}`}
        </p>
        <p>{words.intro}</p>
        {RUNBOOK_STEPS.map((id) => {
          const step = STEPS.find((candidate) => candidate.id === id);
          if (!step) return null;
          return (
            <section key={id} className="task" data-step={id}>
              <h2>
                {words.task} {step.number} · {t(`steps.${id}.title`)}
              </h2>
              {step.checklist.length > 0 && (
                <ul className="todo">
                  {step.checklist.map((item) => (
                    <li key={item.id}>{t(checklistKey(id, item), { path: item.path ? item.path[language].join(' > ') : '' })}</li>
                  ))}
                </ul>
              )}
              <TaskValues step={id} input={input} words={words} />
            </section>
          );
        })}
        <section data-testid="runbook-findings">
          <h2>{words.openFindings}</h2>
          {findings.length === 0 && <p>{words.noOpenFindings}</p>}
          {STEPS.map((step) => {
            const ofStep = findings.filter((finding) => FINDING_DEFINITIONS[finding.code].step === step.id);
            if (ofStep.length === 0) return null;
            return (
              <div key={step.id}>
                <h3>{t(`steps.${step.id}.short`)}</h3>
                <ul>
                  {FINDING_SEVERITIES.flatMap((severity) => ofStep.filter((finding) => finding.severity === severity)).map((finding, index) => (
                    <li key={`${finding.code}-${index}`} data-finding={finding.code}>
                      <span className="severity">{t(`severity.${finding.severity}`)}</span>: {t(`findings.${finding.code}`, finding.params)}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
        <p className="meta">{words.generated}</p>
      </body>
    </html>
  );
}
