import type { GriffelStyle } from '@fluentui/react-components';

/** Off screen but read by screen readers: text that sighted admins get from the layout. */
export const VISUALLY_HIDDEN: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
};
