/** Errors of the settings area. */
export const SETTINGS_ERRORS = ['settings.invalid', 'settings.liveNeedsAppId'] as const;
