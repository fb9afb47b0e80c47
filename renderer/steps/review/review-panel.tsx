import { Badge, Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import type { Language } from '../../../shared/model/settings/settings';
import { FINDING_DEFINITIONS, FINDING_SEVERITIES, type Finding, type FindingSeverity } from '../../../shared/rules/findings';
import { STEPS, stepStatus, type StepId } from '../../../shared/steps';
import { ErrorBar } from '../../components/error-bar';
import { StateIcon } from '../../components/state-icon';
import { recordedStates } from '../../components/step-status';
import { hashFor } from '../../routing/hash-route';
import { useDraftsStore } from '../../state/drafts-store';
import { call, setupApi } from '../../state/ipc';
import { useWorkspaceStore } from '../../state/workspace-store';
import { openFinding } from './open-finding';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  plain: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  stateRow: { display: 'grid', gridTemplateColumns: '3ch auto 1fr auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  number: { textAlign: 'end', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBlockStart: tokens.spacingVerticalS },
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The review's findings: every drafts step in the manual's order, then each severity, worst first. */
export function groupFindings(findings: readonly Finding[]): { step: StepId; bySeverity: { severity: FindingSeverity; findings: Finding[] }[] }[] {
  return STEPS.flatMap((step) => {
    const ofStep = findings.filter((finding) => FINDING_DEFINITIONS[finding.code].step === step.id);
    if (ofStep.length === 0) return [];
    const bySeverity = FINDING_SEVERITIES.map((severity) => ({ severity, findings: ofStep.filter((finding) => finding.severity === severity) })).filter((group) => group.findings.length > 0);
    return [{ step: step.id, bySeverity }];
  });
}

/**
 * The review: every step's state, every finding of the workspace's drafts, and the runbook.
 *
 * Findings come from the drafts store (the same rules main applies), grouped as the admin works
 * through them: by step in the manual's order, then blocking, warning, advice. Each finding is a
 * link to its step, which focuses the field when the step page marks it (`open-finding.ts`).
 */
export function ReviewPanel() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const progress = useWorkspaceStore((state) => state.progress);
  const workspace = useWorkspaceStore((state) => state.current);
  const drafts = useDraftsStore((state) => state.drafts);
  const findings = useDraftsStore((state) => state.findings);
  const draftsError = useDraftsStore((state) => state.error);
  const [saving, setSaving] = useState<'pdf' | 'html' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const recorded = recordedStates(progress);
  const groups = groupFindings(findings);
  const language: Language = i18n.language === 'fr' ? 'fr' : 'en';

  const open = (event: MouseEvent<HTMLAnchorElement>, step: StepId, finding: Finding) => {
    // A plain link still works (new tab, copy); a click also focuses the field.
    event.preventDefault();
    openFinding(step, finding.path);
  };

  async function saveRunbook(format: 'pdf' | 'html'): Promise<void> {
    if (!drafts || !workspace) return;
    setSaving(format);
    setSaved(null);
    // The templates and react-dom/server load only when a runbook is asked for.
    const { renderRunbook } = await import('../../runbook/render-runbook');
    const html = renderRunbook({ language, workspace: { name: workspace.name, phoneNumber: workspace.phoneNumber }, drafts, findings });
    const result = await call(() => setupApi().drafts.saveRunbook({ language, format, html }));
    setSaving(null);
    if (!result.ok) setError(result.error);
    else {
      setError(null);
      if (result.value.saved) setSaved(result.value.fileName);
    }
  }

  return (
    <>
      <section className={styles.section} aria-labelledby="review-steps">
        <h3 id="review-steps" className={styles.h3}>
          {t('review.stepsHeading')}
        </h3>
        <ol className={styles.plain} data-testid="review-steps">
          {STEPS.filter((step) => step.id !== 'review').map((step) => {
            const status = stepStatus(step.id, recorded);
            return (
              <li key={step.id} className={styles.stateRow} data-step={step.id} data-state={status.state}>
                <span className={styles.number} aria-hidden>
                  {step.number}
                </span>
                <StateIcon state={status.state} />
                <Link href={hashFor({ kind: 'step', id: step.id })}>{t(`steps.${step.id}.short`)}</Link>
                <span>{t(`state.${status.state}`)}</span>
              </li>
            );
          })}
        </ol>
      </section>

      <section className={styles.section} aria-labelledby="review-findings" data-testid="review-findings">
        <h3 id="review-findings" className={styles.h3}>
          {t('review.findingsHeading')}
        </h3>
        {draftsError && <ErrorBar error={draftsError} />}
        {drafts === null && !draftsError && <Spinner size="tiny" label={t('review.loading')} />}
        {drafts !== null && groups.length === 0 && <p className={styles.text}>{t('review.noFindings')}</p>}
        {drafts !== null && groups.length > 0 && <p className={styles.text}>{t('review.findingsCount', { count: findings.length })}</p>}
        {groups.map((group) => (
          <section key={group.step} className={styles.group} aria-labelledby={`review-findings-${group.step}`} data-finding-step={group.step}>
            <h4 id={`review-findings-${group.step}`} className={styles.h4}>
              {t('review.stepGroup', { step: t(`steps.${group.step}.short`), count: group.bySeverity.reduce((sum, part) => sum + part.findings.length, 0) })}
            </h4>
            {group.bySeverity.map((part) => (
              <div key={part.severity} data-severity={part.severity}>
                <Badge appearance="tint" color={part.severity === 'blocking' ? 'danger' : part.severity === 'warning' ? 'warning' : 'informative'}>
                  {t(`severity.${part.severity}`)}
                </Badge>
                <ul className={styles.list}>
                  {part.findings.map((finding, index) => (
                    <li key={`${finding.code}-${finding.path.join('.')}-${index}`} data-finding={finding.code}>
                      <Link href={hashFor({ kind: 'step', id: group.step })} onClick={(event) => open(event, group.step, finding)}>
                        {t(`findings.${finding.code}`, finding.params)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </section>

      <section className={styles.section} aria-labelledby="review-runbook">
        <h3 id="review-runbook" className={styles.h3}>
          {t('review.runbookHeading')}
        </h3>
        <p className={styles.text}>{t('review.runbookWhy')}</p>
        {error && <ErrorBar error={error} />}
        <div className={styles.actions}>
          {(['pdf', 'html'] as const).map((format) => (
            <Button
              key={format}
              appearance={format === 'pdf' ? 'primary' : 'secondary'}
              disabledFocusable={saving !== null || drafts === null}
              icon={saving === format ? <Spinner size="tiny" /> : undefined}
              onClick={() => void saveRunbook(format)}
              data-testid={`save-runbook-${format}`}
            >
              {t(format === 'pdf' ? 'review.savePdf' : 'review.saveHtml')}
            </Button>
          ))}
        </div>
        <div role="status" aria-live="polite">
          {saved && (
            <MessageBar intent="success">
              <MessageBarBody>{t('review.saved', { fileName: saved })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>
    </>
  );
}
