import * as z from 'zod';

/** Languages the UI ships in; the catalogs under renderer/i18n must match this list. */
export const LANGUAGES = ['fr', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Sandbox runs against the built-in Meta simulator; live talks to graph.facebook.com. */
export const Mode = z.enum(['sandbox', 'live']);
export type Mode = z.infer<typeof Mode>;

/**
 * Graph API version the app pins by default.
 *
 * Meta keeps each version for at least two years; one constant so an upgrade is one line and a
 * setting lets an admin pin an older one while their Meta app is reviewed.
 */
export const DEFAULT_GRAPH_API_VERSION = 'v26.0';

export const SETTINGS_SCHEMA_VERSION = 1;

// Messages are i18n keys: the renderer translates them, main never sends prose.
const numericId = z
  .string()
  .trim()
  .regex(/^\d{5,20}$/, { message: 'validation.numericId' });

export const FacebookAppId = z.union([z.literal(''), numericId]);
export const LoginConfigId = z.union([z.literal(''), numericId]);
export const GraphApiVersion = z
  .string()
  .trim()
  .regex(/^v\d{1,2}\.0$/, { message: 'validation.graphApiVersion' });

/** The fields an admin edits on the Settings page. */
export const EditableSettings = z.strictObject({
  /** null: follow the operating system's language until the admin picks one. */
  language: Language.nullable(),
  mode: Mode,
  facebookAppId: FacebookAppId,
  loginConfigId: LoginConfigId,
  graphApiVersion: GraphApiVersion,
  /** Authorization-code flow with PKCE and no secret; Meta's support for it is unconfirmed. */
  usePkce: z.boolean(),
});
export type EditableSettings = z.infer<typeof EditableSettings>;

/** Live mode cannot log in without the organisation's own Meta app. */
export function checkSettingsRules(settings: EditableSettings): { path: keyof EditableSettings; message: string }[] {
  if (settings.mode === 'live' && settings.facebookAppId === '') {
    return [{ path: 'facebookAppId', message: 'validation.liveNeedsAppId' }];
  }
  return [];
}

/** EditableSettings with the cross-field rules, for forms and for the service alike. */
export const ValidSettings = EditableSettings.superRefine((value, ctx) => {
  for (const issue of checkSettingsRules(value)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
});

/** The stored settings document. */
export const Settings = EditableSettings.extend({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
});
export type Settings = z.infer<typeof Settings>;

/** A partial update sent by the renderer; the service merges it and validates the whole. */
export const SettingsPatch = EditableSettings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  language: null,
  mode: 'sandbox',
  facebookAppId: '',
  loginConfigId: '',
  graphApiVersion: DEFAULT_GRAPH_API_VERSION,
  usePkce: false,
};

/**
 * The mode the app actually runs in.
 *
 * Without an App ID there is nothing to log in to at Meta, so the app stays in sandbox whatever
 * the stored mode says: the banner must never claim live while it cannot be.
 */
export function effectiveMode(settings: Pick<Settings, 'mode' | 'facebookAppId'>): Mode {
  return settings.mode === 'live' && settings.facebookAppId !== '' ? 'live' : 'sandbox';
}
