import { AppError } from '../../shared/errors/index';
import { DEFAULT_SETTINGS, Settings, SETTINGS_SCHEMA_VERSION, ValidSettings, type SettingsPatch } from '../../shared/model/settings/settings';
import type { Emit } from '../platform/ports';
import type { Migration, VersionedDocument } from '../platform/persistence/versioned-document';

/**
 * Settings migrations.
 *
 * v0 is the layout of the first preview builds (`locale`, `appId`, `configId`, no version);
 * v1 renamed them to what the Settings page shows. Kept so those files load, and so the
 * migration pipeline is exercised by a real fixture.
 */
export const SETTINGS_MIGRATIONS: Record<number, Migration> = {
  0: (old) => ({
    language: old.locale === 'fr' || old.locale === 'en' ? old.locale : null,
    mode: old.mode === 'live' ? 'live' : 'sandbox',
    facebookAppId: typeof old.appId === 'string' ? old.appId : '',
    loginConfigId: typeof old.configId === 'string' ? old.configId : '',
    graphApiVersion: typeof old.graphApiVersion === 'string' ? old.graphApiVersion : DEFAULT_SETTINGS.graphApiVersion,
    usePkce: false,
    schemaVersion: 1,
  }),
};

export interface SettingsService {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}

/**
 * Reads and saves the admin's settings.
 *
 * The patch is merged into the stored settings and the whole is validated, so a cross-field
 * rule (live mode needs an App ID) cannot be dodged by sending fields one at a time.
 */
export function createSettingsService(document: VersionedDocument<Settings>, emit: Emit): SettingsService {
  const listeners = new Set<(settings: Settings) => void>();
  return {
    get: () => document.read(),
    set(patch) {
      const merged = { ...document.read(), ...patch };
      const { schemaVersion: _version, ...editable } = merged;
      const parsed = ValidSettings.safeParse(editable);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? '');
        if (issue?.message === 'validation.liveNeedsAppId') throw new AppError('settings.liveNeedsAppId', { field });
        throw new AppError('settings.invalid', { field, message: issue?.message.startsWith('validation.') ? issue.message : 'validation.invalid' });
      }
      const next: Settings = Settings.parse({ ...parsed.data, schemaVersion: SETTINGS_SCHEMA_VERSION });
      document.write(next);
      emit('settings:changed', next);
      listeners.forEach((listener) => listener(next));
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
