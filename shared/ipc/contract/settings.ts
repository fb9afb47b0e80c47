import { Settings, SettingsPatch } from '../../model/settings/settings';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/** The admin's settings: language, mode, the Meta app's identifiers. */
export const settingsContract = {
  'settings:get': { input: NoInput, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
} as const satisfies ContractSlice<'settings'>;

export const settingsEvents = {
  'settings:changed': Settings,
} as const satisfies EventSlice<'settings'>;
