import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * The style pieces step 2's framed panels share (adding a number, the profile editor, the
 * attempt log), spread into each one's `makeStyles`; a panel overrides a piece by spreading and
 * adding.
 */
export const PANEL_STYLES = {
  /** The panel's frame. */
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  /** The panel's heading. */
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  /** A paragraph without the browser's margins. */
  text: { margin: 0 },
} satisfies Record<string, GriffelStyle>;
