/** Errors of the workspace area: the channels being set up, their progress and checklists. */
export const WORKSPACE_ERRORS = [
  'workspace.unknown',
  'workspace.notSkippable',
  'workspace.unknownChecklistItem',
  'workspace.notComplete',
] as const;
