import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors/index';
import type { LogoCheck, Requirements, RequirementsState } from '../../shared/model/requirements/requirements';
import { call, setupApi } from './ipc';

/** How long typing may pause before step 1 is saved. */
export const REQUIREMENTS_AUTOSAVE_DELAY_MS = 400;

interface RequirementsStoreState {
  workspaceId: string | null;
  /** The values as the admin sees them now, saved or about to be. */
  requirements: Requirements | null;
  /** Main's last check of the logo URL. */
  logo: LogoCheck | null;
  /**
   * Bumped whenever the values come from main rather than from this form (first load, another
   * workspace opened): the form starts again from them.
   */
  loadedRevision: number;
  saving: boolean;
  savedAt: string | null;
  /** Why the last save failed; the values stay on screen and Retry sends them again. */
  error: AppErrorShape | null;
  /** A "check again" asked by the admin is under way. */
  checkingLogo: boolean;
  load(): Promise<void>;
  /** Takes the form's values and saves them shortly after: every change autosaves. */
  change(requirements: Requirements): void;
  /** Saves now what waits (leaving the page, Retry). */
  flush(): Promise<void>;
  checkLogo(): Promise<void>;
  /** Follows `requirements:changed` while the step is open; returns the function that stops. */
  subscribe(): () => void;
}

let timer: ReturnType<typeof setTimeout> | null = null;
/** Bumped at each local change, so an answer to an older save never overwrites a newer change. */
let revision = 0;

/**
 * Step 1's values for the workspace on screen, loaded when the step opens (never at start-up).
 *
 * The form owns what is typed; the store sends it to main after a short pause and keeps what
 * main answers that the form does not own: when it was saved and the logo check.
 */
export const useRequirementsStore = create<RequirementsStoreState>((set, get) => {
  const adopt = (state: RequirementsState) =>
    set((current) => ({
      workspaceId: state.workspaceId,
      requirements: state.requirements,
      logo: state.logo,
      savedAt: state.savedAt,
      saving: false,
      error: null,
      loadedRevision: current.loadedRevision + 1,
    }));

  const save = async (): Promise<void> => {
    timer = null;
    const { requirements, workspaceId } = get();
    if (!requirements || !workspaceId) return;
    const sent = revision;
    set({ saving: true });
    const result = await call(() => setupApi().requirements.save({ workspaceId, requirements }));
    if (sent !== revision) return; // a newer change is on its way; its answer settles things
    if (result.ok) set({ saving: false, savedAt: result.value.savedAt, logo: result.value.logo, error: null });
    else set({ saving: false, error: result.error });
  };

  return {
    workspaceId: null,
    requirements: null,
    logo: null,
    loadedRevision: 0,
    saving: false,
    savedAt: null,
    error: null,
    checkingLogo: false,
    async load() {
      const result = await call(() => setupApi().requirements.get());
      if (!result.ok) set({ error: result.error });
      // A change of this form still waiting for its save is newer than what main holds.
      else if (timer && result.value.workspaceId === get().workspaceId) set({ logo: result.value.logo });
      else adopt(result.value);
    },
    change(requirements) {
      revision += 1;
      set({ requirements, saving: true, error: null });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), REQUIREMENTS_AUTOSAVE_DELAY_MS);
    },
    async flush() {
      if (!timer) return;
      clearTimeout(timer);
      await save();
    },
    async checkLogo() {
      await get().flush();
      set({ checkingLogo: true });
      const result = await call(() => setupApi().requirements.checkLogo());
      if (result.ok) set({ checkingLogo: false, logo: result.value.logo, savedAt: result.value.savedAt });
      else set({ checkingLogo: false, error: result.error });
    },
    subscribe() {
      const leave = () => void get().flush();
      window.addEventListener('pagehide', leave);
      const off = setupApi().on('requirements:changed', (state) => {
        if (state.workspaceId === get().workspaceId) {
          // This form's own saves are answered by their calls; from main, only what it measures.
          set({ logo: state.logo, savedAt: timer || get().saving ? get().savedAt : state.savedAt });
          return;
        }
        // Another workspace opened: what was typed for the one left is sent before its values go.
        if (timer) {
          clearTimeout(timer);
          void save();
        }
        timer = null;
        revision += 1;
        adopt(state);
      });
      return () => {
        window.removeEventListener('pagehide', leave);
        off();
        // Leaving the step: what waits is saved now, not lost with the page.
        void get().flush();
      };
    },
  };
});
