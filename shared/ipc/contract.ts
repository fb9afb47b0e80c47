import * as z from 'zod';
import { AppInfo, ExternalLink, Notice } from '../model/app';
import { Connection, LoginRequest } from '../model/connection';
import { Progress, ProgressUpdate } from '../model/progress';
import { Settings, SettingsPatch } from '../model/settings';

/** A call that takes no argument. */
const NoInput = z.undefined();

/**
 * The single IPC contract: every call the renderer may make, with its input and output schemas.
 *
 * Channel names are `area:verb`; the renderer sees them as `window.setup.<area>.<verb>()`.
 * Output schemas are strict objects, so a field a handler should not send (a token) fails the
 * call instead of reaching the renderer.
 */
export const contract = {
  'app:info': { input: NoInput, output: AppInfo },
  'app:notices': { input: NoInput, output: z.array(Notice) },
  'app:dismissNotice': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: z.array(Notice) },
  'app:openExternal': { input: ExternalLink, output: z.strictObject({ opened: z.literal(true) }) },
  'settings:get': { input: NoInput, output: Settings },
  'settings:set': { input: SettingsPatch, output: Settings },
  'progress:get': { input: NoInput, output: Progress },
  'progress:set': { input: ProgressUpdate, output: Progress },
  'auth:status': { input: NoInput, output: Connection },
  'auth:login': { input: LoginRequest, output: Connection },
  'auth:cancel': { input: NoInput, output: z.strictObject({ cancelled: z.boolean() }) },
  'auth:refresh': { input: NoInput, output: Connection },
  'auth:disconnect': { input: NoInput, output: Connection },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/**
 * Events main pushes to the renderer; payloads are validated before they are sent.
 */
export const events = {
  'settings:changed': Settings,
  'notices:changed': z.array(Notice),
  /** The Facebook session changed: login, logout, expiry, or a token Meta refused. */
  'auth:changed': Connection,
} as const satisfies Record<string, z.ZodType>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}
