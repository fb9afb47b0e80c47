import * as z from 'zod';
import { AppErrorShape } from '../../errors/index';

export const UPDATES_SCHEMA_VERSION = 1;

/** The parts of a WHATWG URL this module reads; `shared/` sees neither DOM nor Node types. */
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly search: string;
  readonly hash: string;
}
// Both runtimes (Chromium and Node) provide the same global URL parser.
const UrlParser = (globalThis as unknown as { URL: new (value: string) => ParsedUrl }).URL;

/** Host names a feed may use over plain http: this machine only (tests, an IT staging copy). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a feed URL is acceptable: https, or http on this machine, and no credentials.
 *
 * The update files are verified by checksum and by the publisher's signature anyway, but the
 * feed decides which version is offered: it must not be readable or replaceable on the way.
 */
export function isAcceptableFeedUrl(value: string): boolean {
  let url: ParsedUrl;
  try {
    url = new UrlParser(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return false;
  // SECURITY: plain http only on loopback, where nobody on the network can rewrite the feed.
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** A feed URL as the admin types it: empty (no feed) or an https address. */
export const FeedUrl = z
  .string()
  .trim()
  .max(2000, { message: 'validation.feedUrl' })
  .refine((value) => value === '' || isAcceptableFeedUrl(value), { message: 'validation.feedUrl' })
  // One spelling on disk, so `<feed>/latest.yml` never has a double slash.
  .transform((value) => value.replace(/\/+$/, ''));

/** The admin's update settings, as the Settings page edits them. */
export const UpdateSettingsPatch = z.strictObject({
  feedUrl: FeedUrl.optional(),
  checkAtStart: z.boolean().optional(),
});
export type UpdateSettingsPatch = z.input<typeof UpdateSettingsPatch>;

/** The stored `updates.json` document. */
export const UpdatesDocument = z.strictObject({
  schemaVersion: z.literal(UPDATES_SCHEMA_VERSION),
  /** The generic feed IT hosts (electron-builder's `generic` provider), or '' for none. */
  feedUrl: FeedUrl,
  checkAtStart: z.boolean(),
  /** When a check last got an answer (ISO time), or null. */
  lastCheckedAt: z.iso.datetime().nullable(),
});
export type UpdatesDocument = z.infer<typeof UpdatesDocument>;

export const DEFAULT_UPDATES_DOCUMENT: UpdatesDocument = {
  schemaVersion: UPDATES_SCHEMA_VERSION,
  feedUrl: '',
  checkAtStart: true,
  lastCheckedAt: null,
};

/**
 * The organisation's `update-policy.json`, read-only for the app.
 *
 * Every field is optional; a field present wins over the admin's setting. Unknown fields are
 * refused, so a misspelt `enabled` is reported rather than silently ignored.
 */
export const UpdatePolicyFile = z.strictObject({
  /** false turns update checks off entirely. */
  enabled: z.boolean().optional(),
  /** The feed to use; the admin cannot change it. */
  feedUrl: z.string().refine(isAcceptableFeedUrl).transform((value) => value.replace(/\/+$/, '')).optional(),
  /** Forces the check at start on or off. */
  checkAtStart: z.boolean().optional(),
});
export type UpdatePolicyFile = z.infer<typeof UpdatePolicyFile>;

/** The policy as the UI needs to describe it. */
export const UpdatePolicy = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('none') }),
  z.strictObject({
    state: z.literal('valid'),
    enabled: z.boolean().nullable(),
    feedUrl: z.string().nullable(),
    checkAtStart: z.boolean().nullable(),
  }),
  /** The file exists but cannot be used: updates stay off (fail closed) until IT fixes it. */
  z.strictObject({ state: z.literal('invalid') }),
]);
export type UpdatePolicy = z.infer<typeof UpdatePolicy>;

/** What a newer version says about itself (from the feed's latest.yml). */
export const UpdateRelease = z.strictObject({
  version: z.string().max(100),
  /** Plain text; the banner shows it as text, never as HTML. */
  releaseNotes: z.string().max(20_000).nullable(),
  releaseDate: z.string().max(100).nullable(),
});
export type UpdateRelease = z.infer<typeof UpdateRelease>;

/** The updater's state machine. */
export const UpdateState = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('idle') }),
  z.strictObject({ kind: z.literal('checking') }),
  z.strictObject({ kind: z.literal('available'), release: UpdateRelease }),
  z.strictObject({ kind: z.literal('not-available') }),
  z.strictObject({
    kind: z.literal('downloading'),
    release: UpdateRelease,
    percent: z.number().min(0).max(100),
    transferred: z.number().min(0),
    total: z.number().min(0),
  }),
  z.strictObject({ kind: z.literal('downloaded'), release: UpdateRelease }),
  /** `during` says what Retry does again; `release` is kept when a download failed. */
  z.strictObject({ kind: z.literal('error'), error: AppErrorShape, during: z.enum(['check', 'download']), release: UpdateRelease.nullable() }),
]);
export type UpdateState = z.infer<typeof UpdateState>;

/** Everything the Settings section and the header banner show. */
export const UpdatesStatus = z.strictObject({
  state: UpdateState,
  currentVersion: z.string(),
  /** What the admin saved. */
  settings: z.strictObject({ feedUrl: z.string(), checkAtStart: z.boolean() }),
  policy: UpdatePolicy,
  /** What applies once the policy has had its say. */
  effective: z.strictObject({
    enabled: z.boolean(),
    feedUrl: z.string(),
    checkAtStart: z.boolean(),
    feedFromPolicy: z.boolean(),
    checkAtStartFromPolicy: z.boolean(),
  }),
  lastCheckedAt: z.string().nullable(),
});
export type UpdatesStatus = z.infer<typeof UpdatesStatus>;

/** Installing restarts the app: the renderer must send the admin's explicit yes. */
export const InstallRequest = z.strictObject({ consent: z.literal(true) });
