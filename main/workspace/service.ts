import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors/index';
import type { Progress, ProgressUpdate } from '../../shared/model/workspace/progress';
import { currentWorkspace, newWorkspace, type ChecklistTick, type Workspace, type Workspaces } from '../../shared/model/workspace/workspace';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import { completionBlockers, stepDefinition } from '../../shared/steps';
import type { DocumentNotice, VersionedDocument } from '../platform/persistence/versioned-document';
import { setAside } from '../platform/persistence/set-aside';
import type { Clock, Emit } from '../platform/ports';

/** Name of the first workspace: the product's name for the channel type, the same in both languages. */
export const FIRST_WORKSPACE_NAME = 'WhatsApp';

export interface WorkspaceService {
  get(): Workspaces;
  current(): Workspace;
  create(details: { name: string; phoneNumber: string }): Workspaces;
  update(change: { id: string; name?: string; phoneNumber?: string }): Workspaces;
  switchTo(id: string): Workspaces;
  setProgress(update: ProgressUpdate): Workspaces;
  tick(tick: ChecklistTick): Workspaces;
}

interface Deps {
  document: VersionedDocument<Workspaces>;
  /** The progress file of releases before workspaces, read once and folded into the first one. */
  legacyProgress: VersionedDocument<Progress>;
  emit: Emit;
  now: Clock;
  report: (notice: DocumentNotice) => void;
  /** Facts from other areas that completion rules need (step 2: connected to Meta). */
  facts: () => { metaConnected: boolean };
}

/**
 * The channels being set up, each with its progress and checklist ticks.
 *
 * Every change is validated here, not only in the renderer: only optional (or conditional)
 * steps may be skipped, and a step is marked done only once its completion rule holds, with the
 * reasons returned otherwise.
 */
export function createWorkspaceService(deps: Deps): WorkspaceService {
  const { document, emit, now } = deps;

  const adoptLegacyProgress = (): void => {
    if (existsSync(document.path) || !existsSync(deps.legacyProgress.path)) return;
    const progress = deps.legacyProgress.read();
    // A progress file that could not be read was already set aside and reported by its reader.
    if (!existsSync(deps.legacyProgress.path)) return;
    const first = { ...newWorkspace(randomUUID(), FIRST_WORKSPACE_NAME, '', now()), progress };
    document.write({ schemaVersion: 1, currentId: first.id, workspaces: [first] });
    // Kept beside the new file rather than deleted: a downgrade can still read it. In a folder
    // that refuses writes it stays where it is, and is folded again at the next start.
    try {
      setAside(deps.legacyProgress.path, 'migrated', now());
    } catch {
      return;
    }
    deps.report({ code: 'store.migrated', params: { file: basename(deps.legacyProgress.path), from: 1, to: 2 }, severity: 'info' });
  };
  adoptLegacyProgress();

  const save = (next: Workspaces): Workspaces => {
    document.write(next);
    emit('workspace:changed', next);
    return next;
  };

  const find = (id: string): Workspace => {
    const found = document.read().workspaces.find((workspace) => workspace.id === id);
    if (!found) throw new AppError('workspace.unknown');
    return found;
  };

  /** Applies a change to the current workspace and stamps it. */
  const changeCurrent = (change: (workspace: Workspace) => Workspace): Workspaces => {
    const all = document.read();
    const current = currentWorkspace(all);
    const changed = { ...change(current), updatedAt: now().toISOString() };
    return save({ ...all, workspaces: all.workspaces.map((workspace) => (workspace.id === current.id ? changed : workspace)) });
  };

  return {
    get: () => document.read(),
    current: () => currentWorkspace(document.read()),
    create({ name, phoneNumber }) {
      const all = document.read();
      const created = newWorkspace(randomUUID(), name, phoneNumber, now());
      return save({ ...all, currentId: created.id, workspaces: [...all.workspaces, created] });
    },
    update({ id, name, phoneNumber }) {
      const all = document.read();
      const target = find(id);
      const changed: Workspace = { ...target, name: name ?? target.name, phoneNumber: phoneNumber ?? target.phoneNumber, updatedAt: now().toISOString() };
      return save({ ...all, workspaces: all.workspaces.map((workspace) => (workspace.id === id ? changed : workspace)) });
    },
    switchTo(id) {
      find(id);
      return save({ ...document.read(), currentId: id });
    },
    setProgress(update) {
      const workspace = currentWorkspace(document.read());
      if (update.step) {
        const { id, state } = update.step;
        if (state === 'skipped' && stepDefinition(id).need === 'required') throw new AppError('workspace.notSkippable', { step: id });
        if (state === 'done') {
          const blockers = completionBlockers(id, {
            metaConnected: deps.facts().metaConnected,
            ticked: workspace.checklist,
            recorded: Object.fromEntries(Object.entries(workspace.progress.steps).map(([step, record]) => [step, record?.state])),
          });
          if (blockers.length > 0) throw new AppError('workspace.notComplete', { step: id, reasons: blockers.map((blocker) => blocker.code).join(',') });
        }
      }
      return changeCurrent((current) => ({
        ...current,
        progress: {
          ...current.progress,
          currentStep: update.currentStep ?? current.progress.currentStep,
          steps: update.step ? { ...current.progress.steps, [update.step.id]: { state: update.step.state, updatedAt: now().toISOString() } } : current.progress.steps,
        },
      }));
    },
    tick({ step, item, ticked }) {
      if (!STEP_CHECKLISTS[step].some((candidate) => candidate.id === item)) throw new AppError('workspace.unknownChecklistItem', { step, item });
      return changeCurrent((current) => {
        const before = current.checklist[step] ?? [];
        const after = ticked ? [...new Set([...before, item])] : before.filter((id) => id !== item);
        return { ...current, checklist: { ...current.checklist, [step]: after } };
      });
    },
  };
}
