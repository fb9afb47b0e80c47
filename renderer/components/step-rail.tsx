import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { STEPS, stepStatus } from '../../shared/steps';
import { hashFor } from '../routing/hash-route';
import { useWorkspaceStore } from '../state/workspace-store';
import { StateIcon } from './state-icon';
import { recordedStates, stepAccessibleLabel, stepShortName } from './step-status';

const useStyles = makeStyles({
  nav: {
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowY: 'auto',
    paddingBlock: tokens.spacingVerticalS,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  link: {
    display: 'grid',
    gridTemplateColumns: '2ch 1fr auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover, color: tokens.colorNeutralForeground1Hover },
    ...createFocusOutlineStyle({ style: { outlineOffset: '-2px' } }),
    // Forced colors paint transparent borders in the text colour: hide the marker on other steps.
    '@media (forced-colors: active)': { borderLeftColor: 'Canvas' },
  },
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeftColor: tokens.colorBrandStroke1,
    fontWeight: tokens.fontWeightSemibold,
    // Forced colors drop backgrounds: keep the current step marked by the system highlight.
    '@media (forced-colors: active)': { borderLeftColor: 'Highlight', outline: '1px solid Highlight' },
  },
  number: { textAlign: 'end', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/**
 * The left rail: every step in the manual's order, with its state.
 *
 * Plain links to `#/step/<id>`, so Tab and Enter work without extra code, and each link's name
 * says the state and what is missing ("3 Number status, blocked: needs Connect & create").
 */
export function StepRail({ currentStep }: { currentStep: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const progress = useWorkspaceStore((state) => state.progress);
  const recorded = recordedStates(progress);
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <ol className={styles.list}>
        {STEPS.map((step) => {
          const status = stepStatus(step.id, recorded);
          const isCurrent = step.id === currentStep;
          return (
            <li key={step.id}>
              <a
                href={hashFor({ kind: 'step', id: step.id })}
                className={mergeClasses(styles.link, isCurrent && styles.current)}
                aria-current={isCurrent ? 'page' : undefined}
                aria-label={stepAccessibleLabel(t, step, status)}
                data-step={step.id}
                data-state={status.state}
              >
                <span className={styles.number} aria-hidden>
                  {step.number ?? ''}
                </span>
                <span>{stepShortName(t, step)}</span>
                <StateIcon state={status.state} />
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
