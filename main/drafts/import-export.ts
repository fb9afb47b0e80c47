import * as z from 'zod';
import type { ImportProblemCode } from '../../shared/errors/drafts';
import type { ImportProblem } from '../../shared/ipc/contract/drafts';
import { Drafts } from '../../shared/model/drafts/drafts';
import { E164OrEmpty, WorkspaceName } from '../../shared/model/workspace/workspace';

/** The `format` field of a workspace file: what tells this app's files from any other JSON. */
export const WORKSPACE_FILE_FORMAT = 'whatsapp-channel-setup-workspace';
export const WORKSPACE_FILE_VERSION = 1;
/** Largest workspace file the app reads: 20 MB, checked before the file is read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How many problems of an invalid file are listed; the rest are counted in `more`. */
export const MAX_IMPORT_PROBLEMS = 200;

/** A workspace as a file: its name and number, and its drafts. Progress and ticks stay on the computer. */
export const WorkspaceFile = z.strictObject({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  version: z.literal(WORKSPACE_FILE_VERSION),
  workspace: z.strictObject({ name: WorkspaceName, phoneNumber: E164OrEmpty }),
  drafts: Drafts,
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

let compiledWorkspaceFile: typeof WorkspaceFile | null = null;

/**
 * `WorkspaceFile` compiled by zod (`z.compile`): the same schema, checked by code generated once
 * for its shape instead of walked node by node, several times faster on a large file.
 *
 * A file it accepts gets the very data the schema gives; a file it refuses is parsed again by
 * the schema itself, so every problem is still listed, with the schema's own issues. Compiled at
 * the first import, not at start-up (10 to 25 ms, once per run of the app). Main only: the renderer runs zod
 * jitless, without generated code.
 */
export function workspaceFileSchema(): typeof WorkspaceFile {
  // Never throws: a part zod cannot compile keeps the schema's own parser (the unit tests check
  // that every part compiles, so a schema change cannot slow the import down unnoticed).
  compiledWorkspaceFile ??= z.compile(WorkspaceFile);
  return compiledWorkspaceFile;
}

/** The export file's text: two-space JSON, readable in a text editor and stable in a diff. */
export function workspaceFileText(workspace: { name: string; phoneNumber: string }, drafts: Drafts): string {
  const file: WorkspaceFile = { format: WORKSPACE_FILE_FORMAT, version: WORKSPACE_FILE_VERSION, workspace: { name: workspace.name, phoneNumber: workspace.phoneNumber }, drafts };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What reading a workspace file found: the file, or every problem with its location. */
export type ParsedWorkspaceFile = { ok: true; file: WorkspaceFile } | { ok: false; problems: ImportProblem[]; more: number };

/** `['skills', 3, 'name']` as an admin reads it: `skills[3].name`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out.slice(0, 300);
}

/** The schemas' own message codes, kept as the import's: they say what the admin must fix. */
const MESSAGE_CODES: Readonly<Record<string, ImportProblemCode>> = {
  'validation.required': 'drafts.import.required',
  'validation.tooLong': 'drafts.import.tooLong',
  'validation.e164': 'drafts.import.e164',
  'validation.invalid': 'drafts.import.invalid',
};

/** What the file holds at an issue's path; `undefined` when a field is missing. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A zod issue as a code the renderer translates; zod's own messages are English prose, never sent. */
function problemCode(issue: z.core.$ZodIssue, root: unknown): ImportProblemCode {
  const fromMessage = MESSAGE_CODES[issue.message];
  if (fromMessage) return fromMessage;
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(root, issue.path) === undefined ? 'drafts.import.required' : 'drafts.import.invalidType';
    case 'too_big':
      return 'drafts.import.tooBig';
    case 'too_small':
      return 'drafts.import.tooSmall';
    case 'unrecognized_keys':
      return 'drafts.import.unknownField';
    default:
      return 'drafts.import.invalid';
  }
}

/** Every issue as located problems; an unknown field is reported where it is, one per field. */
function problemsOf(issues: readonly z.core.$ZodIssue[], root: unknown): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) problems.push({ path: issuePath([...issue.path, key]), code: 'drafts.import.unknownField' });
    else problems.push({ path: issuePath(issue.path), code: problemCode(issue, root) });
  }
  return problems;
}

const capped = (problems: ImportProblem[]): ParsedWorkspaceFile => ({ ok: false, problems: problems.slice(0, MAX_IMPORT_PROBLEMS), more: Math.max(0, problems.length - MAX_IMPORT_PROBLEMS) });

/**
 * Reads a workspace file's text: JSON, then this app's format and version, then the schemas.
 *
 * Every problem is listed (up to 200, the rest counted), not only the first, so the admin can
 * fix a hand-edited file in one pass. A file from a newer release says so rather than listing
 * the fields this release does not know.
 */
export function parseWorkspaceFile(text: string): ParsedWorkspaceFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return capped([{ path: '', code: 'drafts.import.notJson' }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== WORKSPACE_FILE_FORMAT) {
    return capped([{ path: 'format', code: 'drafts.import.notWorkspaceFile' }]);
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > WORKSPACE_FILE_VERSION) return capped([{ path: 'version', code: 'drafts.import.newerVersion' }]);
  const parsed = workspaceFileSchema().safeParse(value);
  if (!parsed.success) return capped(problemsOf(parsed.error.issues, value));
  return { ok: true, file: parsed.data };
}
