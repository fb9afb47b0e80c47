import type { AreaHandlers } from '../ipc/router';
import type { SettingsService } from './service';

/** The `settings:*` calls. */
export function createSettingsHandlers(settings: SettingsService): AreaHandlers<'settings'> {
  return {
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
  };
}
