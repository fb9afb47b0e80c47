import * as z from 'zod';
import { StepId } from '../../steps';
import { DEFAULT_PROGRESS, Progress, ProgressUpdate } from './progress';

export const WORKSPACES_SCHEMA_VERSION = 1;

/** A phone number in E.164 (`+` then 8 to 15 digits, no leading zero), or none yet. */
export const E164OrEmpty = z.union([z.literal(''), z.string().trim().regex(/^\+[1-9]\d{7,14}$/, { message: 'validation.e164' })]);

export const WorkspaceName = z.string().trim().min(1, { message: 'validation.required' }).max(80, { message: 'validation.tooLong' });

/** A checklist item id as `shared/step-checklists.ts` declares them. */
export const ChecklistItemId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

/**
 * One channel being set up: its name, the number it is for, where the admin is, and what they
 * ticked on each step's checklist. Later releases add the CXone drafts here.
 */
export const Workspace = z.strictObject({
  id: z.uuid(),
  name: WorkspaceName,
  phoneNumber: E164OrEmpty,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  progress: Progress,
  /** Per step, the checklist items the admin ticked. */
  checklist: z.partialRecord(StepId, z.array(ChecklistItemId)),
});
export type Workspace = z.infer<typeof Workspace>;

/** Every workspace on this computer and the one the wizard shows. */
export const Workspaces = z
  .strictObject({
    schemaVersion: z.literal(WORKSPACES_SCHEMA_VERSION),
    currentId: z.uuid(),
    workspaces: z.array(Workspace).min(1).max(500),
  })
  .refine((value) => value.workspaces.some((workspace) => workspace.id === value.currentId), { message: 'validation.invalid', path: ['currentId'] });
export type Workspaces = z.infer<typeof Workspaces>;

export const WorkspaceDetails = z.strictObject({ name: WorkspaceName, phoneNumber: E164OrEmpty.default('') });
export const WorkspaceCreate = WorkspaceDetails;
export const WorkspaceUpdate = z.strictObject({ id: z.uuid(), name: WorkspaceName.optional(), phoneNumber: E164OrEmpty.optional() });
export const WorkspaceRef = z.strictObject({ id: z.uuid() });
export const WorkspaceProgressUpdate = ProgressUpdate;
export const ChecklistTick = z.strictObject({ step: StepId, item: ChecklistItemId, ticked: z.boolean() });
export type ChecklistTick = z.infer<typeof ChecklistTick>;

/** A new workspace, at the first step with nothing ticked. */
export function newWorkspace(id: string, name: string, phoneNumber: string, now: Date): Workspace {
  const at = now.toISOString();
  return { id, name, phoneNumber, createdAt: at, updatedAt: at, progress: { ...DEFAULT_PROGRESS, steps: {} }, checklist: {} };
}

/** The workspace the wizard shows; the document's refinement guarantees there is one. */
export function currentWorkspace(document: Workspaces): Workspace {
  return document.workspaces.find((workspace) => workspace.id === document.currentId) ?? (document.workspaces[0] as Workspace);
}
