import type { z } from 'zod';
import { appContract, appEvents } from './app';
import { draftsContract, draftsEvents } from './drafts';
import { metaContract, metaEvents, metaOperations } from './meta';
import { metaAccountContract, metaAccountEvents, metaAccountOperations } from './meta-account';
import { operationsContract, operationsEvents } from './operations';
import { settingsContract, settingsEvents } from './settings';
import { requirementsContract, requirementsEvents } from './requirements';
import { statusContract, statusEvents } from './status';
import { templatesContract, templatesEvents } from './templates';
import type { CallSpec, OperationSpec } from './slice';
import { updatesContract, updatesEvents, updatesOperations } from './updates';
import { workspaceContract, workspaceEvents } from './workspace';

/**
 * The IPC contract: every call the renderer may make, merged from the areas' slices.
 *
 * A call is declared once, in its area's slice (`./<area>.ts`); this file only merges them.
 * Channel names are `area:verb`; the renderer sees them as `window.setup.<area>.<verb>()`.
 * Output schemas are strict objects, so a field a handler should not send (a token) fails the
 * call instead of reaching the renderer.
 */
export const contract = {
  ...appContract,
  ...settingsContract,
  ...workspaceContract,
  ...metaContract,
  ...metaAccountContract,
  ...operationsContract,
  ...updatesContract,
  ...draftsContract,
  ...requirementsContract,
  ...statusContract,
  ...templatesContract,
} as const satisfies Record<string, CallSpec>;

/** Events main pushes to the renderer; payloads are validated before they are sent. */
export const events = {
  ...appEvents,
  ...settingsEvents,
  ...workspaceEvents,
  ...metaEvents,
  ...metaAccountEvents,
  ...operationsEvents,
  ...updatesEvents,
  ...draftsEvents,
  ...requirementsEvents,
  ...statusEvents,
  ...templatesEvents,
} as const satisfies Record<string, z.ZodType>;

/** Long operations, started with `operations:start`, per area. */
export const operations = {
  ...metaOperations,
  ...metaAccountOperations,
  ...updatesOperations,
} as const satisfies Record<string, OperationSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<O extends OperationName> = z.input<Operations[O]['input']>;
export type OperationResult<O extends OperationName> = z.output<Operations[O]['result']>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];
export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

const own = (object: object, key: unknown): boolean => typeof key === 'string' && Object.prototype.hasOwnProperty.call(object, key);

export function isChannel(value: unknown): value is Channel {
  return own(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return own(events, value);
}

export function isOperationName(value: unknown): value is OperationName {
  return own(operations, value);
}
