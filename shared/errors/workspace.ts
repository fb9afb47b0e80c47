/** Errors of the workspace area: the channels being set up, their progress and checklists. */
export const WORKSPACE_ERRORS = [
  'workspace.unknown',
  'workspace.notSkippable',
  'workspace.unknownChecklistItem',
  'workspace.notComplete',
  /** The only workspace cannot be deleted: the wizard always shows one. */
  'workspace.lastOne',
] as const;
