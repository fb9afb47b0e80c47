import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { ChannelOutput } from '../../shared/ipc/contract/index';
import type { IpcResult } from '../../shared/ipc/result';
import type { Progress } from '../../shared/model/workspace/progress';
import { currentWorkspace, type Workspace, type Workspaces } from '../../shared/model/workspace/workspace';
import type { RecordedStepState, StepId } from '../../shared/steps';
import { call, setupApi } from './ipc';

interface WorkspaceState {
  workspaces: Workspaces | null;
  /** The workspace the wizard shows. */
  current: Workspace | null;
  /** Its progress, for the rail and the step pages. */
  progress: Progress | null;
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Records a step's state; the answer is the stored document (or why it was refused). */
  record(id: StepId, state: RecordedStepState): Promise<IpcResult<Workspaces>>;
  /** Remembers the step on screen so a restart opens it again. */
  visit(id: StepId): Promise<void>;
  tick(step: StepId, item: string, ticked: boolean): Promise<IpcResult<Workspaces>>;
  create(name: string, phoneNumber: string): Promise<IpcResult<Workspaces>>;
  update(id: string, change: { name?: string; phoneNumber?: string }): Promise<IpcResult<Workspaces>>;
  switchTo(id: string): Promise<IpcResult<Workspaces>>;
  /** Copies a workspace with its drafts; main opens the copy. */
  duplicate(id: string): Promise<IpcResult<Workspaces>>;
  /** Deletes a workspace (main refuses the last one); `restore` undoes it for this session. */
  remove(id: string): Promise<IpcResult<Workspaces>>;
  /** Brings back a workspace deleted in this session, and opens it. */
  restore(id: string): Promise<IpcResult<Workspaces>>;
  /** Writes the current workspace to a file the admin picks. */
  exportFile(): Promise<IpcResult<ChannelOutput<'drafts:export'>>>;
  /**
   * Reads a workspace file into a new workspace; an invalid one changes nothing.
   *
   * After an import the document is read again, so the new workspace is on screen even if
   * its `workspace:changed` event is still on its way.
   */
  importFile(): Promise<IpcResult<ChannelOutput<'drafts:import'>>>;
  /** Follows `workspace:changed`, so a change made elsewhere shows at once. */
  subscribe(): () => void;
}

const derive = (workspaces: Workspaces) => {
  const current = currentWorkspace(workspaces);
  return { workspaces, current, progress: current.progress, error: null };
};

/**
 * The channels being set up and, for the one on screen, its progress and checklist ticks.
 *
 * Every change goes through main and the store keeps main's answer, never a local guess, so
 * what the screen shows is what survives a restart.
 */
export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  const apply = async (request: () => Promise<IpcResult<Workspaces>>): Promise<IpcResult<Workspaces>> => {
    const result = await call(request);
    if (result.ok) set(derive(result.value));
    return result;
  };
  return {
    workspaces: null,
    current: null,
    progress: null,
    error: null,
    async load() {
      const result = await call(() => setupApi().workspace.get());
      if (result.ok) set(derive(result.value));
      else set({ error: result.error });
    },
    record: (id, state) => apply(() => setupApi().workspace.setProgress({ step: { id, state } })),
    async visit(id) {
      if (get().progress?.currentStep === id) return;
      const result = await apply(() => setupApi().workspace.setProgress({ currentStep: id }));
      if (!result.ok) set({ error: result.error });
    },
    tick: (step, item, ticked) => apply(() => setupApi().workspace.tick({ step, item, ticked })),
    create: (name, phoneNumber) => apply(() => setupApi().workspace.create({ name, phoneNumber })),
    update: (id, change) => apply(() => setupApi().workspace.update({ id, ...change })),
    switchTo: (id) => apply(() => setupApi().workspace.switch({ id })),
    duplicate: (id) => apply(() => setupApi().workspace.duplicate({ id })),
    remove: (id) => apply(() => setupApi().workspace.delete({ id })),
    restore: (id) => apply(() => setupApi().workspace.restore({ id })),
    exportFile: () => call(() => setupApi().drafts.export()),
    async importFile() {
      const result = await call(() => setupApi().drafts.import());
      if (result.ok && result.value.outcome === 'imported') await get().load();
      return result;
    },
    subscribe() {
      return setupApi().on('workspace:changed', (workspaces) => set(derive(workspaces)));
    },
  };
});
