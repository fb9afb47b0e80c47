/** The element the skip link moves focus to: the step's own content. */
export const STEP_CONTENT_ID = 'step-content';
