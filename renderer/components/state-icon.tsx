import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { Circle20Regular } from '@fluentui/react-icons/svg/circle';
import { CircleHalfFill20Regular } from '@fluentui/react-icons/svg/circle-half-fill';
import { ArrowRedo20Regular } from '@fluentui/react-icons/svg/arrow-redo';
import { Clock20Regular } from '@fluentui/react-icons/svg/clock';
import type { StepStatus } from '../../shared/steps';

const useStyles = makeStyles({
  done: { color: tokens.colorPaletteGreenForeground1 },
  in_progress: { color: tokens.colorBrandForeground1 },
  not_started: { color: tokens.colorNeutralForeground3 },
  skipped: { color: tokens.colorNeutralForeground3 },
  waiting: { color: tokens.colorNeutralForeground3 },
  icon: {
    flexShrink: 0,
    // Forced colors: system text colour, so the shape (not the hue) carries the meaning.
    '@media (forced-colors: active)': { color: 'CanvasText' },
  },
});

/**
 * The icon for a step state; decorative, since the text or label next to it says the state.
 *
 * Each state has its own shape as well as colour, so it reads in high contrast and for
 * colour-blind admins.
 */
export function StateIcon({ state }: { state: StepStatus['state'] }) {
  const styles = useStyles();
  const className = mergeClasses(styles.icon, styles[state]);
  switch (state) {
    case 'done':
      return <CheckmarkCircle20Filled aria-hidden className={className} />;
    case 'in_progress':
      return <CircleHalfFill20Regular aria-hidden className={className} />;
    case 'skipped':
      return <ArrowRedo20Regular aria-hidden className={className} />;
    case 'waiting':
      return <Clock20Regular aria-hidden className={className} />;
    default:
      return <Circle20Regular aria-hidden className={className} />;
  }
}
