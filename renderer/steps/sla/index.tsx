import { MessageBar, MessageBarBody, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAFTS_STYLES } from '../../components/drafts-styles';
import { MAX_DURATION_DAYS, ZERO_DURATION, type Duration } from '../../../shared/model/drafts/duration';
import type { Finding } from '../../../shared/rules/findings';
import { FormField } from '../../components/form-field';
import { StepPage } from '../../components/step-page';
import { findingsAt } from '../../state/drafts-store';
import { useRequestedFieldFocus } from '../review/open-finding';
import { FindingLines, useDrafts } from '../digital-skill/drafts-ui';

const useStyles = makeStyles({
  tools: DRAFTS_STYLES.tools,
  text: DRAFTS_STYLES.text,
  box: DRAFTS_STYLES.group,
  legend: DRAFTS_STYLES.legend,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const RANGES = { days: MAX_DURATION_DAYS, hours: 23, minutes: 59 } as const;

/** A time as CXone's SLA screen sets it: three drop-down lists, days, hours and minutes. */
function DurationPicker({
  label,
  value,
  findings,
  onChange,
  testId,
  path,
}: {
  label: string;
  value: Duration;
  findings: readonly Finding[];
  onChange: (value: Duration) => void;
  testId: string;
  /** Where the time sits in the drafts: a review link focuses its first list. */
  path: readonly (string | number)[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const legendId = useId();
  return (
    <fieldset className={styles.box} aria-labelledby={legendId} data-testid={testId} data-field={path.join('.')}>
      <legend id={legendId} className={styles.legend}>
        {label}
      </legend>
      <div className={styles.row}>
        {(['days', 'hours', 'minutes'] as const).map((unit) => (
          <FormField key={unit} label={t(`sla.${unit}`)}>
            <Select value={String(value[unit])} onChange={(_event, data) => onChange({ ...value, [unit]: Number(data.value) })}>
              {Array.from({ length: RANGES[unit] + 1 }, (_unused, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </FormField>
        ))}
      </div>
      <FindingLines findings={findings} />
    </fieldset>
  );
}

/**
 * Step 11 (optional): the general SLA and each channel's choice (manual, task 11).
 *
 * A channel applies the general SLA or sets its own first response and resolution times in
 * days, hours and minutes, as CXone's lists do. The screen repeats the manual: SLAs only count
 * during configured working hours.
 */
export default function SlaStep() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { drafts, findings, change } = useDrafts();
  useRequestedFieldFocus('sla');

  return (
    <StepPage id="sla">
      {drafts && (
        <div className={styles.tools}>
          <MessageBar intent="info" layout="multiline" data-testid="sla-working-hours">
            <MessageBarBody>{t('sla.workingHours')}</MessageBarBody>
          </MessageBar>

          <fieldset className={styles.box} data-testid="general-sla">
            <legend className={styles.legend}>{t('sla.general')}</legend>
            <Switch
              label={t('sla.generalDraft')}
              checked={drafts.generalSla !== undefined}
              onChange={(_event, data) =>
                change(({ generalSla: _old, ...current }) => (data.checked ? { ...current, generalSla: { firstResponse: ZERO_DURATION, resolution: ZERO_DURATION } } : current))
              }
            />
            {drafts.generalSla &&
              (['firstResponse', 'resolution'] as const).map((field) => (
                <DurationPicker
                  key={field}
                  label={t(`sla.${field}`)}
                  value={drafts.generalSla![field]}
                  findings={findingsAt(findings, ['generalSla', field])}
                  path={['generalSla', field]}
                  testId={`general-${field}`}
                  onChange={(value) => change((current) => (current.generalSla ? { ...current, generalSla: { ...current.generalSla, [field]: value } } : current))}
                />
              ))}
          </fieldset>

          {drafts.channels.length === 0 && <p className={styles.text}>{t('sla.noChannel')}</p>}
          {drafts.channels.map((channel, c) => (
            <fieldset key={channel.id} className={styles.box} data-channel={channel.id}>
              <legend className={styles.legend}>{t('sla.channel', { name: channel.name })}</legend>
              <FormField label={t('sla.useGeneral')}>
                <RadioGroup
                  layout="horizontal"
                  value={channel.sla.kind}
                  onChange={(_event, data) =>
                    change((current) => ({
                      ...current,
                      channels: current.channels.map((item) =>
                        item.id !== channel.id
                          ? item
                          : { ...item, sla: data.value === 'own' ? { kind: 'own', firstResponse: ZERO_DURATION, resolution: ZERO_DURATION } : { kind: 'general' } },
                      ),
                    }))
                  }
                >
                  <Radio value="general" label={t('sla.useGeneralYes')} />
                  <Radio value="own" label={t('sla.useGeneralNo')} />
                </RadioGroup>
              </FormField>
              {channel.sla.kind === 'own' &&
                (['firstResponse', 'resolution'] as const).map((field) => (
                  <DurationPicker
                    key={field}
                    label={t(`sla.${field}`)}
                    value={channel.sla.kind === 'own' ? channel.sla[field] : ZERO_DURATION}
                    findings={findingsAt(findings, ['channels', c, 'sla', field])}
                    path={['channels', c, 'sla', field]}
                    testId={`channel-${c}-${field}`}
                    onChange={(value) =>
                      change((current) => ({
                        ...current,
                        channels: current.channels.map((item) => (item.id === channel.id && item.sla.kind === 'own' ? { ...item, sla: { ...item.sla, [field]: value } } : item)),
                      }))
                    }
                  />
                ))}
            </fieldset>
          ))}
        </div>
      )}
    </StepPage>
  );
}
