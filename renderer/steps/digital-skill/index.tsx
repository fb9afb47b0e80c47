import { Button, Checkbox, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFTS_STYLES } from '../../components/drafts-styles';
import { DRAFTS_LIMITS, type Skill, type SkillRouting } from '../../../shared/model/drafts/drafts';
import type { Finding } from '../../../shared/rules/findings';
import { suggestSkillName } from '../../../shared/rules/skill-name';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { FormField } from '../../components/form-field';
import { StepPage } from '../../components/step-page';
import { findingsAt } from '../../state/drafts-store';
import { itemOf, useRequestedFieldFocus, useRequestedSelection } from '../review/open-finding';
import { NumberInput, useDrafts } from './drafts-ui';

const useStyles = makeStyles({
  tools: DRAFTS_STYLES.tools,
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: DRAFTS_STYLES.group,
  legend: DRAFTS_STYLES.legend,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** The timeout also as days, hours and minutes: 5,256,000 s is hard to read as seconds. */
function splitSeconds(total: number): { days: number; hours: number; minutes: number; seconds: number } {
  return { days: Math.floor(total / 86_400), hours: Math.floor((total % 86_400) / 3_600), minutes: Math.floor((total % 3_600) / 60), seconds: total % 60 };
}

/** A new skill: digital, inbound, proficiency routing, everything optional left off. */
function newSkill(name: string): Skill {
  return {
    id: crypto.randomUUID(),
    mediaType: 'digital',
    personalConnectionOrByoc: false,
    direction: 'inbound',
    name,
    campaign: '',
    subSkill: false,
    routing: { kind: 'proficiency' },
    acceptReject: false,
    agentsUseSfaClassic: false,
  };
}

/** What a routing choice starts with; a preferred agent waits for its metric and timeout. */
function routingOf(kind: SkillRouting['kind']): SkillRouting {
  return kind === 'preferredAgent' ? { kind, priorityMetric: '', fallback: 'whenOffline' } : { kind };
}

/**
 * Step 9: the digital skills drafted for the channel (manual, task 9).
 *
 * A searchable table of every drafted skill and, for the one selected, a form with every field
 * of CXone's skill screen, in its order. Each change autosaves; the manual's rules show under
 * the field they concern.
 */
export default function DigitalSkillStep() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { drafts, findings, change } = useDrafts();
  const skills = useMemo(() => drafts?.skills ?? [], [drafts]);
  const [selectedId, setSelectedId] = useRequestedSelection('digital-skill', drafts ? skills : null, itemOf('skills'));
  useRequestedFieldFocus('digital-skill');
  const index = skills.findIndex((skill) => skill.id === selectedId);
  const skill = index >= 0 ? skills[index] : undefined;

  const columns = useMemo<DataTableColumn<Skill>[]>(
    () => [
      { id: 'name', header: t('digitalSkill.field.name'), cell: (row) => row.name, text: (row) => row.name, width: 'minmax(0, 2fr)' },
      { id: 'direction', header: t('digitalSkill.field.direction'), cell: (row) => t(`digitalSkill.direction.${row.direction}`) },
      { id: 'campaign', header: t('digitalSkill.field.campaign'), cell: (row) => row.campaign, text: (row) => row.campaign },
      { id: 'routing', header: t('digitalSkill.field.routing'), cell: (row) => t(`digitalSkill.routing.${row.routing.kind}`) },
    ],
    [t],
  );

  function update(recipe: (skill: Skill) => Skill): void {
    if (!skill) return;
    const id = skill.id;
    change((current) => ({ ...current, skills: current.skills.map((item) => (item.id === id ? recipe(item) : item)) }));
  }

  function add(): void {
    const created = newSkill(`Skill_${skills.length + 1}`);
    change((current) => ({ ...current, skills: [...current.skills, created] }));
    setSelectedId(created.id);
  }

  function remove(): void {
    if (!skill) return;
    const id = skill.id;
    change((current) => ({
      ...current,
      skills: current.skills.filter((item) => item.id !== id),
      // A channel's default skill must not point at a skill that no longer exists.
      channels: current.channels.map((channel) => (channel.defaultSkillId === id ? { ...channel, defaultSkillId: null } : channel)),
    }));
    setSelectedId(null);
  }

  return (
    <StepPage id="digital-skill">
      {drafts && (
        <div className={styles.tools}>
          <DataTable
            label={t('digitalSkill.table.label')}
            rows={skills}
            rowKey={(row) => row.id}
            columns={columns}
            filter={{
              label: t('digitalSkill.field.direction'),
              options: [
                { value: 'inbound', label: t('digitalSkill.direction.inbound') },
                { value: 'outbound', label: t('digitalSkill.direction.outbound') },
              ],
              test: (row, value) => row.direction === value,
            }}
            selectedKey={selectedId}
            onSelect={(row) => setSelectedId(row.id)}
            emptyText={skills.length === 0 ? t('digitalSkill.table.none') : undefined}
            testId="skills-table"
          />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={add} disabled={skills.length >= DRAFTS_LIMITS.skills}>
              {t('digitalSkill.add')}
            </Button>
            {skill && <Button onClick={remove}>{t('digitalSkill.remove', { name: skill.name })}</Button>}
          </div>
          {skill ? (
            <SkillForm key={skill.id} skill={skill} index={index} update={update} language={i18n.language} findings={findings} />
          ) : (
            <p className={styles.muted}>{t('digitalSkill.pick')}</p>
          )}
        </div>
      )}
    </StepPage>
  );
}

/** The form of one skill; keyed by the skill's id, so switching skills starts fresh. */
function SkillForm({
  skill,
  index,
  update,
  language,
  findings,
}: {
  skill: Skill;
  index: number;
  update: (recipe: (skill: Skill) => Skill) => void;
  language: string;
  findings: readonly Finding[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const at = (...rest: (string | number)[]) => findingsAt(findings, ['skills', index, ...rest]);
  const [name, setName] = useState(skill.name);
  const [parts, setParts] = useState({ channel: 'WA', language: language.slice(0, 2).toUpperCase(), purpose: '' });
  const suggestion = suggestSkillName(parts);
  const routing = skill.routing;
  const timeout = routing.kind === 'preferredAgent' ? routing.timeoutSeconds : undefined;

  function setNameText(value: string): void {
    setName(value);
    // The schema needs a name to save; an emptied field stays on screen until one is typed.
    if (value.trim() !== '') update((current) => ({ ...current, name: value.trim() }));
  }

  return (
    <form className={styles.form} aria-label={t('digitalSkill.form', { name: skill.name })} onSubmit={(event) => event.preventDefault()} data-testid="skill-form" data-field={`skills.${index}`}>
      <FormField label={t('digitalSkill.field.mediaType')} hint={t('digitalSkill.hint.mediaType')}>
        <Input value={t('digitalSkill.mediaTypeDigital')} readOnly />
      </FormField>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('digitalSkill.field.direction')}</legend>
        <Text as="p" className={styles.muted}>{t('digitalSkill.hint.direction')}</Text>
        <Switch
          label={t('digitalSkill.field.personalConnectionOrByoc')}
          checked={skill.personalConnectionOrByoc}
          onChange={(_event, data) => update((current) => ({ ...current, personalConnectionOrByoc: data.checked }))}
        />
        <FormField label={t('digitalSkill.field.direction')} findings={at('direction')} path={['skills', index, 'direction']}>
          <RadioGroup layout="horizontal" value={skill.direction} onChange={(_event, data) => update((current) => ({ ...current, direction: data.value === 'outbound' ? 'outbound' : 'inbound' }))}>
            <Radio value="inbound" label={t('digitalSkill.direction.inbound')} />
            <Radio value="outbound" label={t('digitalSkill.direction.outbound')} />
          </RadioGroup>
        </FormField>
      </fieldset>

      <div data-field="name">
        <FormField label={t('digitalSkill.field.name')} hint={t('digitalSkill.hint.name')} findings={at('name')} path={['skills', index, 'name']} required>
          <Input value={name} onChange={(_event, data) => setNameText(data.value)} />
        </FormField>
        {name.trim() === '' && <Text className={styles.muted}>{t('digitalSkill.nameRequired')}</Text>}
      </div>

      <fieldset className={styles.fieldset} data-testid="naming-helper">
        <legend className={styles.legend}>{t('digitalSkill.naming.title')}</legend>
        <Text as="p" className={styles.muted}>{t('digitalSkill.naming.advice')}</Text>
        <div className={styles.row}>
          {(['channel', 'language', 'purpose'] as const).map((part) => (
            <FormField key={part} label={t(`digitalSkill.naming.${part}`)}>
              <Input value={parts[part]} onChange={(_event, data) => setParts((current) => ({ ...current, [part]: data.value }))} />
            </FormField>
          ))}
        </div>
        <div className={styles.row}>
          <Text>{t('digitalSkill.naming.suggestion', { name: suggestion })}</Text>
          <Button onClick={() => setNameText(suggestion)} disabled={suggestion === skill.name}>
            {t('digitalSkill.naming.use', { name: suggestion })}
          </Button>
        </div>
      </fieldset>

      <FormField label={t('digitalSkill.field.campaign')} findings={at('campaign')} path={['skills', index, 'campaign']} required>
        <Input value={skill.campaign} onChange={(_event, data) => update((current) => ({ ...current, campaign: data.value.trim() }))} />
      </FormField>

      <FormField label={t('digitalSkill.field.messageTemplate')} hint={t('digitalSkill.hint.optional')} findings={at('messageTemplateName')} path={['skills', index, 'messageTemplateName']}>
        <Input
          value={skill.messageTemplateName ?? ''}
          onChange={(_event, data) => {
            const value = data.value.trim();
            update(({ messageTemplateName: _old, ...current }) => (value === '' ? current : { ...current, messageTemplateName: value }));
          }}
        />
      </FormField>

      <FormField label={t('digitalSkill.field.subSkill')} hint={t('digitalSkill.hint.subSkill')} findings={at('subSkill')} path={['skills', index, 'subSkill']}>
        <Checkbox label={t('digitalSkill.subSkillLabel')} checked={skill.subSkill} onChange={(_event, data) => update((current) => ({ ...current, subSkill: data.checked === true }))} />
      </FormField>

      <fieldset className={styles.fieldset} data-testid="routing">
        <legend className={styles.legend}>{t('digitalSkill.field.routing')}</legend>
        <FormField label={t('digitalSkill.field.criteria')} findings={at('routing', 'kind')} path={['skills', index, 'routing', 'kind']}>
          <RadioGroup
            value={routing.kind}
            onChange={(_event, data) => {
              const kind = data.value as SkillRouting['kind'];
              update((current) => ({ ...current, routing: routingOf(kind) }));
            }}
          >
            {(['proficiency', 'preferredAgent', 'leastBusy', 'mostBusy'] as const).map((kind) => (
              <Radio key={kind} value={kind} label={`${t(`digitalSkill.routing.${kind}`)}: ${t(`digitalSkill.routingHint.${kind}`)}`} />
            ))}
          </RadioGroup>
        </FormField>
        {routing.kind === 'preferredAgent' && (
          <>
            <FormField label={t('digitalSkill.field.priorityMetric')} hint={t('digitalSkill.hint.priorityMetric')} findings={at('routing', 'priorityMetric')} path={['skills', index, 'routing', 'priorityMetric']} required>
              <Input
                value={routing.priorityMetric}
                onChange={(_event, data) => update((current) => (current.routing.kind === 'preferredAgent' ? { ...current, routing: { ...current.routing, priorityMetric: data.value.trim() } } : current))}
              />
            </FormField>
            <FormField label={t('digitalSkill.field.fallback')}>
              <RadioGroup
                value={routing.fallback}
                onChange={(_event, data) =>
                  update((current) =>
                    current.routing.kind === 'preferredAgent' ? { ...current, routing: { ...current.routing, fallback: data.value === 'whenAvailable' ? 'whenAvailable' : 'whenOffline' } } : current,
                  )
                }
              >
                <Radio value="whenOffline" label={`${t('digitalSkill.fallback.whenOffline')}: ${t('digitalSkill.fallbackHint.whenOffline')}`} />
                <Radio value="whenAvailable" label={`${t('digitalSkill.fallback.whenAvailable')}: ${t('digitalSkill.fallbackHint.whenAvailable')}`} />
              </RadioGroup>
            </FormField>
            <div data-field="timeout">
              <FormField label={t('digitalSkill.field.timeout')} hint={t('digitalSkill.hint.timeout')} findings={at('routing', 'timeoutSeconds')} path={['skills', index, 'routing', 'timeoutSeconds']} required>
                <NumberInput
                  value={timeout}
                  min={0}
                  max={DRAFTS_LIMITS.maxSeconds}
                  onCommit={(value) =>
                    update((current) => {
                      if (current.routing.kind !== 'preferredAgent') return current;
                      const { timeoutSeconds: _old, ...rest } = current.routing;
                      return { ...current, routing: value === undefined ? rest : { ...rest, timeoutSeconds: value } };
                    })
                  }
                />
              </FormField>
              {timeout !== undefined && (
                <Text className={styles.muted} data-testid="timeout-as-duration">
                  {t(splitSeconds(timeout).seconds > 0 ? 'digitalSkill.timeoutAsDurationSeconds' : 'digitalSkill.timeoutAsDuration', splitSeconds(timeout))}
                </Text>
              )}
            </div>
          </>
        )}
      </fieldset>

      <fieldset className={styles.fieldset} data-testid="service-level">
        <legend className={styles.legend}>{t('digitalSkill.field.serviceLevel')}</legend>
        <FormField label={t('digitalSkill.field.serviceLevelChange')} hint={t('digitalSkill.hint.serviceLevel')} findings={at('serviceLevel')} path={['skills', index, 'serviceLevel']}>
          <Switch
            checked={skill.serviceLevel !== undefined}
            disabled={skill.direction !== 'inbound' && skill.serviceLevel === undefined}
            onChange={(_event, data) =>
              update(({ serviceLevel: _old, ...current }) => (data.checked ? { ...current, serviceLevel: { thresholdSeconds: 30, goalPercent: 80 } } : current))
            }
          />
        </FormField>
        {skill.serviceLevel && (
          <div className={styles.row}>
            <FormField label={t('digitalSkill.field.threshold')}>
              <NumberInput
                value={skill.serviceLevel.thresholdSeconds}
                min={1}
                max={DRAFTS_LIMITS.maxSeconds}
                onCommit={(value) => value !== undefined && update((current) => (current.serviceLevel ? { ...current, serviceLevel: { ...current.serviceLevel, thresholdSeconds: value } } : current))}
              />
            </FormField>
            <FormField label={t('digitalSkill.field.goal')}>
              <NumberInput
                value={skill.serviceLevel.goalPercent}
                min={0}
                max={100}
                onCommit={(value) => value !== undefined && update((current) => (current.serviceLevel ? { ...current, serviceLevel: { ...current.serviceLevel, goalPercent: value } } : current))}
              />
            </FormField>
          </div>
        )}
      </fieldset>

      <fieldset className={styles.fieldset} data-testid="accept-reject">
        <legend className={styles.legend}>{t('digitalSkill.field.acceptReject')}</legend>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('digitalSkill.hint.sfaClassic')}</MessageBarBody>
        </MessageBar>
        <Switch
          label={t('digitalSkill.field.agentsUseSfaClassic')}
          checked={skill.agentsUseSfaClassic}
          onChange={(_event, data) => update((current) => ({ ...current, agentsUseSfaClassic: data.checked }))}
        />
        <div data-field="acceptReject">
          <FormField label={t('digitalSkill.field.acceptReject')} hint={t('digitalSkill.hint.acceptReject')} findings={at('acceptReject')} path={['skills', index, 'acceptReject']}>
            <Checkbox label={t('digitalSkill.acceptRejectLabel')} checked={skill.acceptReject} onChange={(_event, data) => update((current) => ({ ...current, acceptReject: data.checked === true }))} />
          </FormField>
        </div>
      </fieldset>

      <div className={styles.row}>
        {(['agentResponseCountdownSeconds', 'customerResponseCountdownSeconds'] as const).map((field) => (
          <FormField key={field} label={t(`digitalSkill.field.${field}`)} hint={t('digitalSkill.hint.countdown')} findings={at(field)} path={['skills', index, field]}>
            <NumberInput
              value={skill[field]}
              min={1}
              max={DRAFTS_LIMITS.maxSeconds}
              onCommit={(value) =>
                update((current) => {
                  const { [field]: _old, ...rest } = current;
                  return value === undefined ? rest : { ...rest, [field]: value };
                })
              }
            />
          </FormField>
        ))}
      </div>
    </form>
  );
}
