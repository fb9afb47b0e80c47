import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * The style pieces every drafts screen shares, spread into each screen's `makeStyles`.
 *
 * One definition, so the skills, default-skill, SLA and component screens frame a group of
 * fields the same way; a screen overrides a piece (a tighter gap) by spreading and adding.
 */
export const DRAFTS_STYLES = {
  /** The column of a step's tools. */
  tools: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  /** A paragraph without the browser's margins. */
  text: { margin: 0 },
  /** A framed group of fields (a fieldset): one channel, one skill section. */
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  /** The group's legend. */
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
} satisfies Record<string, GriffelStyle>;
