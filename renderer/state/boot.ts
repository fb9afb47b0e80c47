import type { AppErrorShape } from '../../shared/errors/index';
import type { Language } from '../../shared/model/settings/settings';
import { useAppInfoStore } from './app-info-store';
import { useConnectionStore } from './connection-store';
import { useNoticesStore } from './notices-store';
import { useWorkspaceStore } from './workspace-store';
import { useOperationsStore } from './operations-store';
import { useSettingsStore } from './settings-store';
import { useUpdatesStore } from './updates-store';

/** What the first render needs: the language to speak, or why the app could not start. */
export interface BootResult {
  language: Language;
  error: AppErrorShape | null;
}

/**
 * Loads every store in parallel and subscribes to main's events.
 *
 * The UI language is the stored choice, else the OS language main reported, else the
 * browser's: the page must be able to say "could not start" in some language.
 */
export async function loadStores(): Promise<BootResult> {
  useSettingsStore.getState().subscribe();
  useNoticesStore.getState().subscribe();
  useConnectionStore.getState().subscribe();
  useWorkspaceStore.getState().subscribe();
  useOperationsStore.getState().subscribe();
  useUpdatesStore.getState().subscribe();
  // The drafts (thousands of skills, and the rules that check them) load in their own chunk,
  // alongside and never before the first paint.
  void import('./drafts-store').then(({ useDraftsStore }) => {
    useDraftsStore.getState().subscribe();
    return useDraftsStore.getState().load();
  });
  await Promise.all([
    useAppInfoStore.getState().load(),
    useSettingsStore.getState().load(),
    useWorkspaceStore.getState().load(),
    useNoticesStore.getState().load(),
    useConnectionStore.getState().load(),
    useUpdatesStore.getState().load(),
  ]);
  const info = useAppInfoStore.getState();
  const settings = useSettingsStore.getState();
  const progress = useWorkspaceStore.getState();
  const error = info.error ?? settings.error ?? progress.error;
  const language = settings.settings?.language ?? info.info?.osLanguage ?? browserLanguage();
  return { language, error };
}

function browserLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
