import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors/index';
import type { Progress, ProgressUpdate } from '../../shared/model/workspace/progress';
import { currentWorkspace, newWorkspace, type ChecklistTick, type Workspace, type Workspaces } from '../../shared/model/workspace/workspace';
import { STEP_CHECKLISTS } from '../../shared/step-checklists';
import { completionBlockers, stepDefinition, type CompletionFacts } from '../../shared/steps';
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
  /** Copies a workspace (progress, ticks and, through `attachments`, its drafts) and opens the copy. */
  duplicate(id: string): Workspaces;
  /** Deletes a workspace, never the last; it can be restored for the rest of the session. */
  remove(id: string): Workspaces;
  /** Brings back a workspace deleted in this session, and opens it. */
  restore(id: string): Workspaces;
  /** Calls `listener` after every saved change; returns the function that stops it. */
  onChange(listener: (workspaces: Workspaces) => void): () => void;
}

/**
 * What other areas keep per workspace (the drafts files), moved with it.
 *
 * The workspace service only says when; the owner of the files knows how. Optional so a
 * service without drafts (older tests) still works.
 */
export interface WorkspaceAttachments {
  copy(fromId: string, toId: string): void;
  /** Moves the workspace's files aside; returns a token `bringBack` takes (or null if none). */
  keepAside(id: string): string | null;
  bringBack(id: string, kept: string): void;
}

/**
 * `name (2)`, `name (3)`…: the first numbered name no workspace uses.
 *
 * A number only, no word, so the name reads the same in both languages. A name already ending
 * in ` (n)` counts on from its base, so the copy of `Jungle (2)` is `Jungle (3)`; the base is cut
 * so the result stays within the 80 characters a name may have.
 */
export function numberedName(name: string, taken: readonly string[]): string {
  const base = name.replace(/ \(\d+\)$/, '');
  const used = new Set(taken);
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 80 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

interface Deps {
  document: VersionedDocument<Workspaces>;
  /** The progress file of releases before workspaces, read once and folded into the first one. */
  legacyProgress: VersionedDocument<Progress>;
  emit: Emit;
  now: Clock;
  report: (notice: DocumentNotice) => void;
  /**
   * Facts from other areas that completion rules need, for a workspace: connected to Meta
   * (step 2), and the blocking findings of its drafts per step (drafts steps 6 to 11).
   */
  facts: (workspaceId: string) => Pick<CompletionFacts, 'metaConnected' | 'blockingFindings'>;
  attachments?: WorkspaceAttachments;
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

  const listeners = new Set<(workspaces: Workspaces) => void>();
  /** Deleted in this session, with where it stood and its kept files, so `restore` can undo. */
  const deleted = new Map<string, { workspace: Workspace; index: number; kept: string | null }>();

  const save = (next: Workspaces): Workspaces => {
    document.write(next);
    emit('workspace:changed', next);
    for (const listener of listeners) listener(next);
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
          const facts = deps.facts(workspace.id);
          const blockers = completionBlockers(id, {
            metaConnected: facts.metaConnected,
            blockingFindings: facts.blockingFindings,
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
    duplicate(id) {
      const all = document.read();
      const source = find(id);
      const at = now().toISOString();
      const copy: Workspace = {
        ...structuredClone(source),
        id: randomUUID(),
        name: numberedName(source.name, all.workspaces.map((workspace) => workspace.name)),
        createdAt: at,
        updatedAt: at,
      };
      // The drafts first: when the copy appears, its drafts are already there.
      deps.attachments?.copy(source.id, copy.id);
      const index = all.workspaces.findIndex((workspace) => workspace.id === id);
      const workspaces = [...all.workspaces.slice(0, index + 1), copy, ...all.workspaces.slice(index + 1)];
      return save({ ...all, currentId: copy.id, workspaces });
    },
    remove(id) {
      const all = document.read();
      const target = find(id);
      if (all.workspaces.length === 1) throw new AppError('workspace.lastOne');
      const index = all.workspaces.findIndex((workspace) => workspace.id === id);
      const workspaces = all.workspaces.filter((workspace) => workspace.id !== id);
      // Deleting the open workspace opens its neighbour, the one that took its place in the list.
      const currentId = all.currentId === id ? (workspaces[Math.min(index, workspaces.length - 1)] as Workspace).id : all.currentId;
      const kept = deps.attachments?.keepAside(id) ?? null;
      deleted.set(id, { workspace: target, index, kept });
      return save({ ...all, currentId, workspaces });
    },
    restore(id) {
      const entry = deleted.get(id);
      if (!entry) throw new AppError('workspace.unknown');
      const all = document.read();
      if (entry.kept !== null) deps.attachments?.bringBack(id, entry.kept);
      deleted.delete(id);
      const index = Math.min(entry.index, all.workspaces.length);
      const workspaces = [...all.workspaces.slice(0, index), entry.workspace, ...all.workspaces.slice(index)];
      return save({ ...all, currentId: id, workspaces });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
