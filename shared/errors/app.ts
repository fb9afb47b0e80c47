/** Errors of the app area: links it may not open, files it cannot write. */
export const APP_ERRORS = ['external.notAllowed'] as const;
