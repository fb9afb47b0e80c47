import * as z from 'zod';
import { AppErrorShape } from '../../errors/index';
import { PhoneNumberReading, Subscription } from '../meta/account';
import { GraphId, Instant, MetaEnum, Reading } from '../meta/values';
import { TemplateReading } from '../templates/templates';

/**
 * Step 3's status board: the numbers of the chosen WhatsApp Business account as Meta last
 * described them, how the background checks are going, and what changed since the admin looked.
 *
 * Main reads the account in the background (one Graph call per check) and keeps the last reading
 * per workspace, so the board shows it offline or while Meta throttles, with its time.
 */

/**
 * How the background checks stand.
 *
 * - `off`: nothing to check (`noAccount`: no WhatsApp Business account chosen in step 2;
 *   `notConnected`: not logged in with Facebook);
 * - `scheduled`: the next check is at `nextCheckAt` (`failing`: the last ones failed, the wait grows);
 * - `checking`: a check is under way;
 * - `paused`: waiting for something other than time alone: `offline` (probing now and then),
 *   `rateLimited` (Meta asked to wait until `resumesAt`), `needsLogin` (Meta refused the token).
 */
export const PollingState = z.strictObject({
  state: z.enum(['off', 'scheduled', 'checking', 'paused']),
  reason: z.enum(['noAccount', 'notConnected', 'needsLogin', 'offline', 'rateLimited', 'failing']).nullable(),
  nextCheckAt: Instant.nullable(),
  resumesAt: Instant.nullable(),
});
export type PollingState = z.infer<typeof PollingState>;

/** What changed, as the notifications (desktop and inbox) say it. */
export const NotificationKind = z.enum(['nameApproved', 'nameDeclined', 'nameStatusChanged', 'statusChanged', 'qualityChanged', 'templateStatusChanged']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/**
 * One change the checks found: a display name reviewed, a number's status or quality rating, a
 * template's review. Kept in the workspace's inbox (the newest {@link MAX_NOTIFICATIONS}).
 */
export const StatusNotification = z.strictObject({
  id: z.uuid(),
  at: Instant,
  kind: NotificationKind,
  phoneNumberId: GraphId.nullable(),
  displayPhoneNumber: z.string().max(64).nullable(),
  /** The display name at the time, for name reviews. */
  displayName: z.string().max(512).nullable(),
  templateName: z.string().max(512).nullable(),
  language: z.string().max(16).nullable(),
  from: MetaEnum.nullable(),
  to: MetaEnum.nullable(),
  read: z.boolean(),
});
export type StatusNotification = z.infer<typeof StatusNotification>;

/** The inbox keeps this many notifications per workspace, the oldest dropped first. */
export const MAX_NOTIFICATIONS = 200;

/** At most this many numbers are kept from one reading (Meta allows far fewer per account). */
export const MAX_NUMBERS = 500;

/** The board of the current workspace, as `status:get` and `status:changed` carry it. */
export const StatusBoard = z.strictObject({
  workspaceId: z.uuid(),
  businessId: GraphId.nullable(),
  /** The WhatsApp Business account chosen in step 2; null while none is. */
  wabaId: GraphId.nullable(),
  /** The account's name as Meta gave it at the last check. */
  accountName: z.string().max(512).nullable(),
  numbers: z.array(PhoneNumberReading).max(MAX_NUMBERS),
  /** When the numbers above were read; null before the first reading of this account. */
  lastCheckedAt: Instant.nullable(),
  polling: PollingState,
  /** Why the last check failed; null once one succeeds. */
  lastError: AppErrorShape.nullable(),
  /** Whether an app (CXone) receives the account's webhooks, read at the first check and on Refresh. */
  subscription: Reading(Subscription).nullable(),
  /** Notifications in the inbox not yet marked read. */
  unread: z.number().int().min(0),
});
export type StatusBoard = z.infer<typeof StatusBoard>;

/** Version of a workspace's status file (`status/<workspaceId>.json`). */
export const STATUS_SCHEMA_VERSION = 1;

/**
 * What the status checks keep of one mode (sandbox or live) of a workspace: the last reading of
 * its account (the snapshot later readings are compared with, so a restart neither notifies
 * again nor forgets) and its inbox.
 *
 * The snapshot belongs to `wabaId`: when step 2 picks another account, the next reading is a
 * first one again and notifies nothing.
 */
export const ModeStatus = z.strictObject({
  wabaId: GraphId.nullable(),
  accountName: z.string().max(512).nullable(),
  numbers: z.array(PhoneNumberReading).max(MAX_NUMBERS),
  lastCheckedAt: Instant.nullable(),
  /** Null until the templates were first read (by a check or by step 5). */
  templates: Reading(z.array(TemplateReading).max(5000)).nullable(),
  subscription: Reading(Subscription).nullable(),
  lastError: AppErrorShape.nullable(),
  /** Until when Meta asked not to call again (a throttle); kept so a restart waits too. */
  rateLimitedUntil: Instant.nullable(),
  notifications: z.array(StatusNotification).max(MAX_NOTIFICATIONS),
});
export type ModeStatus = z.infer<typeof ModeStatus>;

/**
 * One workspace's status file. Sandbox and live are kept apart, as step 2 keeps them: the
 * simulated account's changes never land in the real account's inbox.
 */
export const StatusFile = z.strictObject({
  schemaVersion: z.literal(STATUS_SCHEMA_VERSION),
  sandbox: ModeStatus,
  live: ModeStatus,
});
export type StatusFile = z.infer<typeof StatusFile>;

/** A mode that has never checked its account. */
export function emptyModeStatus(): ModeStatus {
  return { wabaId: null, accountName: null, numbers: [], lastCheckedAt: null, templates: null, subscription: null, lastError: null, rateLimitedUntil: null, notifications: [] };
}

/** A workspace that has never checked its account. */
export function emptyStatusFile(): StatusFile {
  return { schemaVersion: STATUS_SCHEMA_VERSION, sandbox: emptyModeStatus(), live: emptyModeStatus() };
}
