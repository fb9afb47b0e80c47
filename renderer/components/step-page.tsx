import { Badge, Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons/svg/arrow-left';
import { ArrowRight20Regular } from '@fluentui/react-icons/svg/arrow-right';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import { STEPS, isSkippable, stepDefinition, type RecordedStepState, type StepId } from '../../shared/steps';
import { isCatalogKey } from '../i18n/keys';
import { hashFor, navigate } from '../routing/hash-route';
import { useWorkspaceStore } from '../state/workspace-store';
import { Checklist } from './checklist';
import { CompletionBlockers, useCompletionBlockers } from './completion';
import { ErrorBar } from './error-bar';
import { PageHeading } from './page-heading';
import { STEP_CONTENT_ID } from './skip-target';
import { StateIcon } from './state-icon';
import { useStepStatus } from './step-status';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '60rem' },
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  number: { color: tokens.colorBrandForeground1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  state: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  waiting: { margin: 0, color: tokens.colorNeutralForeground2 },
  work: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  live: { minHeight: tokens.lineHeightBase300 },
});


/**
 * The frame every step page shares: title, why, state, the step's tools, the manual's
 * checklist, what still stands in the way, and the footer.
 *
 * Steps whose prerequisites are missing stay open (the manual's order is advice, not a lock)
 * and say calmly what they wait for. Mark done asks main, which refuses while the step's
 * completion rule does not hold; the same rule lists the reasons here beforehand, and an
 * accepted Mark done moves on to the next step.
 */
export function StepPage({ id, children }: { id: StepId; children?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const step = stepDefinition(id);
  const status = useStepStatus(id);
  const blockers = useCompletionBlockers(id);
  const record = useWorkspaceStore((state) => state.record);
  const [saving, setSaving] = useState<RecordedStepState | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [refused, setRefused] = useState(false);
  const [announcement, setAnnouncement] = useState<{ state: RecordedStepState } | null>(null);
  const index = STEPS.findIndex((candidate) => candidate.id === id);
  const previous = STEPS[index - 1];
  const next = STEPS[index + 1];
  const headingId = `step-heading-${id}`;
  // Advice and the condition of a conditional step are worded for some steps only.
  const adviceKey = `steps.${id}.advice` as const;
  const advice = isCatalogKey(adviceKey, 'steps.') ? t(adviceKey) : null;
  const conditionKey = `step.conditional.${id}` as const;

  async function mark(state: RecordedStepState): Promise<void> {
    setSaving(state);
    setAnnouncement(null);
    const result = await record(id, state);
    setSaving(null);
    if (result.ok) {
      setError(null);
      setRefused(false);
      setAnnouncement({ state });
      if (state === 'done' && next) navigate({ kind: 'step', id: next.id });
    } else if (result.error.code === 'workspace.notComplete') {
      // The reasons are listed below from the same rule main applied; no generic error bar.
      setError(null);
      setRefused(true);
    } else {
      setError(result.error);
    }
  }

  const action = (state: RecordedStepState, label: string, primary = false) => (
    <Button
      appearance={primary ? 'primary' : 'secondary'}
      // Focusable while disabled, so focus never falls back to the page body mid-click.
      disabledFocusable={saving !== null || status.state === state}
      icon={saving === state ? <Spinner size="tiny" /> : undefined}
      onClick={() => void mark(state)}
      data-action={state}
    >
      {saving === state ? t('step.saving') : label}
    </Button>
  );

  return (
    <article aria-labelledby={headingId} className={styles.page} data-step-page={id}>
      <div className={styles.titleRow}>
        <PageHeading id={headingId}>
          {step.number !== null && (
            <>
              <span className={styles.number}>{step.number}</span>{' '}
            </>
          )}
          {t(`steps.${id}.title`)}
        </PageHeading>
        {step.need !== 'required' && <Badge appearance="outline">{t(`step.need.${step.need}`)}</Badge>}
      </div>

      {error && <ErrorBar error={error} />}

      <section className={styles.section} aria-labelledby={`${headingId}-why`}>
        <h2 id={`${headingId}-why`} className={styles.h2}>
          {t('step.why')}
        </h2>
        <p className={styles.text}>{t(`steps.${id}.why`)}</p>
        {step.need === 'conditional' && isCatalogKey(conditionKey, 'step.conditional.') && <p className={styles.text}>{t(conditionKey)}</p>}
      </section>

      {advice && (
        <MessageBar intent="info" layout="multiline" data-testid="step-advice">
          <MessageBarBody>
            <MessageBarTitle>{t('step.advice')}</MessageBarTitle>
            {advice}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={`${headingId}-state`}>
        <h2 id={`${headingId}-state`} className={styles.h2}>
          {t('step.status')}
        </h2>
        <div className={styles.state} data-testid="step-state" data-state={status.state}>
          <StateIcon state={status.state} />
          <Text weight="semibold">{t(`state.${status.state}`)}</Text>
        </div>
        {status.missing.length > 0 && (
          <p className={styles.waiting} data-testid="step-missing">
            {t('step.waitingFor')}{' '}
            {status.missing.map((missing, position) => (
              <Fragment key={missing}>
                {position > 0 && t('nav.listSeparator')}
                <Link href={hashFor({ kind: 'step', id: missing })}>{t(`steps.${missing}.short`)}</Link>
              </Fragment>
            ))}
          </p>
        )}
      </section>

      <div id={STEP_CONTENT_ID} tabIndex={-1} className={styles.section}>
        {children && (
          <section className={styles.work} aria-labelledby={`${headingId}-tools`}>
            <h2 id={`${headingId}-tools`} className={styles.h2}>
              {t('step.tools')}
            </h2>
            {children}
          </section>
        )}
      </div>

      {step.checklist.length > 0 && (
        <section className={styles.section} aria-labelledby={`${headingId}-checklist`}>
          <h2 id={`${headingId}-checklist`} className={styles.h2}>
            {t('step.checklist')}
          </h2>
          <Checklist step={step} />
        </section>
      )}

      <section className={styles.section} aria-labelledby={`${headingId}-findings`}>
        <h2 id={`${headingId}-findings`} className={styles.h2}>
          {t('step.beforeDone')}
        </h2>
        <CompletionBlockers blockers={blockers} refused={refused} />
      </section>

      <div role="group" aria-label={t('step.actions')} className={styles.footer}>
        <Button
          appearance="subtle"
          icon={<ArrowLeft20Regular />}
          disabledFocusable={!previous}
          onClick={() => previous && navigate({ kind: 'step', id: previous.id })}
        >
          {t('step.previous')}
        </Button>
        <span className={styles.spacer} />
        {action('in_progress', t('step.markInProgress'))}
        {isSkippable(id) && action('skipped', t('step.skip'))}
        {action('done', t('step.markDone'), true)}
        <span className={styles.spacer} />
        <Button appearance="subtle" icon={<ArrowRight20Regular />} iconPosition="after" disabledFocusable={!next} onClick={() => next && navigate({ kind: 'step', id: next.id })}>
          {t('step.next')}
        </Button>
      </div>
      <p className={styles.live} role="status" aria-live="polite">
        {/* Rendered from state, not stored text, so it follows a language switch at once. */}
        {announcement ? t('step.updated', { state: t(`state.${announcement.state}`) }) : ''}
      </p>
    </article>
  );
}
