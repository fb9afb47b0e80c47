import { ChecklistTick, WorkspaceCreate, WorkspaceProgressUpdate, WorkspaceRef, Workspaces, WorkspaceUpdate } from '../../model/workspace/workspace';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/**
 * Workspaces: one per channel being set up, with its progress and checklist ticks.
 *
 * Every call answers with the whole (small) document, so the renderer never has to guess what
 * a change did to the rest.
 */
export const workspaceContract = {
  'workspace:get': { input: NoInput, output: Workspaces },
  'workspace:create': { input: WorkspaceCreate, output: Workspaces },
  'workspace:update': { input: WorkspaceUpdate, output: Workspaces },
  'workspace:switch': { input: WorkspaceRef, output: Workspaces },
  /** Moves to a step and/or records a step's state, in the current workspace. */
  'workspace:setProgress': { input: WorkspaceProgressUpdate, output: Workspaces },
  /** Ticks or unticks a checklist item of a step, in the current workspace. */
  'workspace:tick': { input: ChecklistTick, output: Workspaces },
  /** Copies a workspace with its drafts, named after it with a number (`Jungle (2)`), and opens the copy. */
  'workspace:duplicate': { input: WorkspaceRef, output: Workspaces },
  /** Deletes a workspace (never the last one); its file is kept aside so `restore` can undo it. */
  'workspace:delete': { input: WorkspaceRef, output: Workspaces },
  /** Brings back a workspace deleted earlier in this session, with its drafts. */
  'workspace:restore': { input: WorkspaceRef, output: Workspaces },
} as const satisfies ContractSlice<'workspace'>;

export const workspaceEvents = {
  'workspace:changed': Workspaces,
} as const satisfies EventSlice<'workspace'>;
