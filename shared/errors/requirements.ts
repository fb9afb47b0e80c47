/** Errors of the requirements area: step 1's values, kept per workspace. */
export const REQUIREMENTS_ERRORS = [
  /** A save named a workspace that no longer exists (deleted meanwhile); nothing was stored. */
  'requirements.staleWorkspace',
] as const;
