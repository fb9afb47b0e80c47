import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { DraftsState } from '../../shared/ipc/contract/drafts';
import type { Drafts } from '../../shared/model/drafts/drafts';
import { validateDrafts } from '../../shared/rules/validate-drafts';
import type { Finding } from '../../shared/rules/findings';
import { call, setupApi } from './ipc';

/** How long typing may pause before the drafts are saved: short enough that nothing is lost. */
export const AUTOSAVE_DELAY_MS = 400;

interface DraftsStoreState {
  workspaceId: string | null;
  /** The drafts as the admin sees them now, saved or about to be. */
  drafts: Drafts | null;
  /** What the manual's rules find in them, recomputed at every change (the same rules main runs). */
  findings: Finding[];
  /** A change waits for its save (debounced), or a save is under way. */
  saving: boolean;
  savedAt: string | null;
  /** Why the last save failed; the change is kept on screen and Retry saves it again. */
  error: AppErrorShape | null;
  load(): Promise<void>;
  /** Applies a change at once and saves it shortly after: every draft change autosaves. */
  change(recipe: (drafts: Drafts) => Drafts): void;
  /** Saves now what is waiting (leaving a page, Retry). */
  flush(): Promise<void>;
  subscribe(): () => void;
}

let timer: ReturnType<typeof setTimeout> | null = null;
/** Bumped at each local change, so an answer to an older save never overwrites a newer change. */
let revision = 0;

/**
 * The current workspace's CXone drafts, edited on screen and saved by main.
 *
 * Changes show at once (with their findings), and are sent after a short pause; main validates
 * again, writes atomically, and answers with what it stored. A failed save keeps the admin's
 * work on screen, says why, and Retry sends it again.
 */
export const useDraftsStore = create<DraftsStoreState>((set, get) => {
  const adopt = (state: DraftsState) => set({ workspaceId: state.workspaceId, drafts: state.drafts, findings: state.findings, savedAt: state.savedAt, saving: false, error: null });

  const save = async (): Promise<void> => {
    timer = null;
    const { drafts, workspaceId } = get();
    if (!drafts || !workspaceId) return;
    const sent = revision;
    set({ saving: true });
    const result = await call(() => setupApi().drafts.save({ workspaceId, drafts }));
    if (sent !== revision) return; // a newer change is on its way; its answer will settle things
    if (result.ok) {
      set({ saving: false, savedAt: result.value.savedAt, findings: result.value.findings, error: null });
    } else {
      set({ saving: false, error: result.error });
    }
  };

  return {
    workspaceId: null,
    drafts: null,
    findings: [],
    saving: false,
    savedAt: null,
    error: null,
    async load() {
      const result = await call(() => setupApi().drafts.get());
      if (result.ok) adopt(result.value);
      else set({ error: result.error });
    },
    change(recipe) {
      const current = get().drafts;
      if (!current) return;
      const next = recipe(current);
      revision += 1;
      set({ drafts: next, findings: validateDrafts(next), saving: true, error: null });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    async flush() {
      if (!timer) return;
      clearTimeout(timer);
      await save();
    },
    subscribe() {
      // Leaving the page (closing the window, a reload) sends what waits for its save.
      const leave = () => void get().flush();
      window.addEventListener('pagehide', leave);
      const off = setupApi().on('drafts:changed', (state) => {
        // This window's own save is answered by its call; adopt what main says only for another
        // workspace (a switch, an import) or when nothing of ours is waiting.
        const sameWorkspace = state.workspaceId === get().workspaceId;
        if (sameWorkspace && (timer || get().saving)) return;
        if (timer) clearTimeout(timer);
        timer = null;
        revision += 1;
        adopt(state);
      });
      return () => {
        window.removeEventListener('pagehide', leave);
        off();
      };
    },
  };
});

/**
 * The current workspace's drafts, their findings and the way to change them, for any screen.
 *
 * Boot loads the drafts and follows `drafts:changed` for the whole window, so every screen
 * (a drafts step, the review, a step's completion reasons) reads the same state.
 */
export function useDrafts(): { drafts: Drafts | null; findings: Finding[]; change: (recipe: (drafts: Drafts) => Drafts) => void } {
  const drafts = useDraftsStore((state) => state.drafts);
  const findings = useDraftsStore((state) => state.findings);
  const change = useDraftsStore((state) => state.change);
  return { drafts, findings, change };
}

/** The findings at a place in the drafts (`['skills', 3]` and everything under it). */
export function findingsAt(findings: readonly Finding[], path: readonly (string | number)[]): Finding[] {
  return findings.filter((finding) => path.every((part, index) => finding.path[index] === part));
}
