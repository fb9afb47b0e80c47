/**
 * Errors of the drafts area: the offline CXone drafts, their files, imports and the runbook.

 */
export const DRAFTS_ERRORS = [
  /** A save named a workspace that no longer exists (deleted meanwhile). */
  'drafts.unknownWorkspace',
  /** The OS refused to write the exported file or the runbook where the admin chose. */
  'drafts.fileNotSaved',
  /** The OS refused to read the file the admin picked. */
  'drafts.fileNotRead',
] as const;

/**
 * Codes of the problems an imported workspace file may have, each with a location.
 *
 * They are not errors of a call (an invalid file is an ordinary answer, `outcome: 'invalid'`);
 * the renderer translates `errors.<code>` from the same catalog.
 */
export const IMPORT_PROBLEM_CODES = [
  'drafts.import.tooLarge',
  'drafts.import.notJson',
  'drafts.import.notWorkspaceFile',
  'drafts.import.newerVersion',
  'drafts.import.required',
  'drafts.import.tooLong',
  'drafts.import.e164',
  'drafts.import.invalidType',
  'drafts.import.tooBig',
  'drafts.import.tooSmall',
  'drafts.import.unknownField',
  'drafts.import.invalid',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];
