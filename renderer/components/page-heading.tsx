import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    // Focus lands here on navigation for screen readers; no ring, as it is not a control.
    ':focus': { outlineStyle: 'none' },
  },
});

// The first screen keeps focus at the top of the document; later screens move it here.
let firstScreenShown = false;

/**
 * A screen's h1, which receives focus whenever the admin navigates to a new screen.
 *
 * Changing the hash does not move focus by itself: without this a screen-reader user would
 * hear nothing after choosing a step, and a keyboard user would stay in the rail.
 */
export function PageHeading({ id, children }: { id: string; children: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreenShown) ref.current?.focus();
    firstScreenShown = true;
  }, [id]);
  return (
    <h1 id={id} ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h1>
  );
}
