import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FINDING_DEFINITIONS, type Finding } from '../../shared/rules/findings';
import { completionBlockers, countBlockingFindings, type CompletionBlocker, type StepId } from '../../shared/steps';
import { useConnectionStore } from '../state/connection-store';
import { useDraftsStore } from '../state/drafts-store';
import { useWorkspaceStore } from '../state/workspace-store';
import { recordedStates } from './step-status';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  ready: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Whether this window already asked main for the drafts and subscribed to their changes. */

/** The reasons this step cannot be marked done yet, from the rule main also applies. */
export function useCompletionBlockers(id: StepId): CompletionBlocker[] {
  const current = useWorkspaceStore((state) => state.current);
  const connected = useConnectionStore((state) => state.connection?.connected ?? false);
  const findings = useDraftsStore((state) => state.findings);
  return completionBlockers(id, {
    metaConnected: connected,
    ticked: current?.checklist ?? {},
    recorded: recordedStates(current?.progress ?? null),
    blockingFindings: countBlockingFindings(findings),
  });
}

/**
 * What still stands between the admin and "done", in words.
 *
 * Shown quietly while the admin works; once Mark done was refused it becomes a warning bar
 * (role=alert) so the refusal is heard as well as seen. Blocking findings are named one by one,
 * so the admin knows what to fix without opening the review.
 */
export function CompletionBlockers({ blockers, refused }: { blockers: CompletionBlocker[]; refused: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const findings = useDraftsStore((state) => state.findings);
  if (blockers.length === 0) return <p className={styles.ready} data-testid="completion-ready">{t('completion.ready')}</p>;
  const reasons = (
    <ul className={styles.list} data-testid="completion-blockers">
      {blockers.map((blocker) => (
        <li key={blocker.code}>
          {describe(t, blocker)}
          {blocker.code === 'blockingFindings' && (
            <ul className={styles.list} data-testid="completion-blocking-findings">
              {blockingOf(findings, blocker.step).map((finding, index) => (
                <li key={`${finding.code}-${finding.path.join('.')}-${index}`}>{t(`findings.${finding.code}`, finding.params)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
  if (!refused) return reasons;
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="completion-refused">
      <MessageBarBody>
        <MessageBarTitle>{t('completion.refused')}</MessageBarTitle>
        {reasons}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The blocking findings of one step, in the rules' order. */
function blockingOf(findings: readonly Finding[], step: StepId): Finding[] {
  return findings.filter((finding) => finding.severity === 'blocking' && FINDING_DEFINITIONS[finding.code].step === step);
}

function describe(t: TFunction, blocker: CompletionBlocker): string {
  switch (blocker.code) {
    case 'checklistOpen':
      return t('completion.checklistOpen', { count: blocker.items.length });
    case 'metaNotConnected':
      return t('completion.metaNotConnected');
    case 'stepsOpen':
      return t('completion.stepsOpen', { steps: blocker.steps.map((step) => t(`steps.${step}.short`)).join(t('nav.listSeparator')) });
    case 'blockingFindings':
      return t('completion.blockingFindings', { count: blocker.count });
  }
}
