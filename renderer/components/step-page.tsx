import { Badge, Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular } from '@fluentui/react-icons/svg/arrow-left';
import { ArrowRight20Regular } from '@fluentui/react-icons/svg/arrow-right';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors';
import { STEPS, stepDefinition, type RecordedStepState, type StepId } from '../../shared/steps';
import { hashFor, navigate } from '../routing/hash-route';
import { useProgressStore } from '../state/progress-store';
import { ErrorBar } from './error-bar';
import { PageHeading } from './page-heading';
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
 * The frame every step page shares: title, why, state, the work itself, and the footer.
 *
 * Steps whose prerequisites are missing stay open (the manual's order is advice, not a lock)
 * but say what is missing and link there. Every change of state goes through main and is
 * persisted before the page shows it.
 */
export function StepPage({ id, children, note }: { id: StepId; children?: ReactNode; note?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const step = stepDefinition(id);
  const status = useStepStatus(id);
  const record = useProgressStore((state) => state.record);
  const [saving, setSaving] = useState<RecordedStepState | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const index = STEPS.findIndex((candidate) => candidate.id === id);
  const previous = STEPS[index - 1];
  const next = STEPS[index + 1];
  const headingId = `step-heading-${id}`;

  async function mark(state: RecordedStepState): Promise<void> {
    setSaving(state);
    setAnnouncement('');
    const result = await record(id, state);
    setSaving(null);
    if (result.ok) {
      setError(null);
      setAnnouncement(t('step.updated', { state: t(`state.${state}`) }));
    } else {
      setError(result.error);
    }
  }

  const action = (state: RecordedStepState, label: string, primary = false) => (
    <Button
      appearance={primary ? 'primary' : 'secondary'}
      disabled={saving !== null || status.state === state}
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
        {step.optional && <Badge appearance="outline">{t('step.optional')}</Badge>}
      </div>

      {error && <ErrorBar error={error} />}

      <section className={styles.section} aria-labelledby={`${headingId}-why`}>
        <h2 id={`${headingId}-why`} className={styles.h2}>
          {t('step.why')}
        </h2>
        <p className={styles.text}>{t(`steps.${id}.why`)}</p>
      </section>

      <section className={styles.section} aria-labelledby={`${headingId}-state`}>
        <h2 id={`${headingId}-state`} className={styles.h2}>
          {t('step.status')}
        </h2>
        <div className={styles.state} data-testid="step-state" data-state={status.state}>
          <StateIcon state={status.state} />
          <Text weight="semibold">{t(`state.${status.state}`)}</Text>
        </div>
        {status.missing.length > 0 && (
          <p className={styles.text} data-testid="step-missing">
            {t('step.needsFirst')}{' '}
            {status.missing.map((missing, position) => (
              <Fragment key={missing}>
                {position > 0 && t('nav.listSeparator')}
                <Link href={hashFor({ kind: 'step', id: missing })}>{t(`steps.${missing}.short`)}</Link>
              </Fragment>
            ))}
          </p>
        )}
      </section>

      <section className={styles.work} aria-labelledby={`${headingId}-work`}>
        <h2 id={`${headingId}-work`} className={styles.h2}>
          {t('step.work')}
        </h2>
        {children}
        <p className={styles.text}>{note ?? t('step.comingLater')}</p>
      </section>

      <div role="group" aria-label={t('step.actions')} className={styles.footer}>
        <Button
          appearance="subtle"
          icon={<ArrowLeft20Regular />}
          disabled={!previous}
          onClick={() => previous && navigate({ kind: 'step', id: previous.id })}
        >
          {t('step.previous')}
        </Button>
        <span className={styles.spacer} />
        {action('in_progress', t('step.markInProgress'))}
        {step.optional && action('skipped', t('step.skip'))}
        {action('done', t('step.markDone'), true)}
        <span className={styles.spacer} />
        <Button appearance="subtle" icon={<ArrowRight20Regular />} iconPosition="after" disabled={!next} onClick={() => next && navigate({ kind: 'step', id: next.id })}>
          {t('step.next')}
        </Button>
      </div>
      <p className={styles.live} role="status" aria-live="polite">
        {announcement}
      </p>
    </article>
  );
}
