import * as z from 'zod';
import { StatusBoard, StatusNotification, MAX_NOTIFICATIONS } from '../../model/status/status';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/**
 * Step 3: the status board of the chosen WhatsApp Business account, checked in the background,
 * and the inbox of what changed.
 *
 * `status:get` never calls Meta: it answers the last reading with its time, so the board shows
 * offline too. `status:refresh` reads Meta now and throws a coded error when it cannot (the last
 * reading stays in `status:get`).
 */
export const statusContract = {
  'status:get': { input: NoInput, output: StatusBoard },
  /** One check now (the numbers, the templates and the webhook subscription); the wait between checks starts again. */
  'status:refresh': { input: NoInput, output: StatusBoard },
  /** The current workspace's inbox, newest first. */
  'status:notifications': { input: NoInput, output: z.array(StatusNotification).max(MAX_NOTIFICATIONS) },
  /** Marks notifications read (by id, or all of them); answers the inbox. */
  'status:markRead': {
    input: z.strictObject({ ids: z.union([z.literal('all'), z.array(z.uuid()).max(MAX_NOTIFICATIONS)]) }),
    output: z.array(StatusNotification).max(MAX_NOTIFICATIONS),
  },
} as const satisfies ContractSlice<'status'>;

export const statusEvents = {
  /** The board changed: a reading, a check started or paused, another workspace opened. */
  'status:changed': StatusBoard,
  /** A check found a change worth telling (also shown as a desktop notification). */
  'status:notified': StatusNotification,
} as const satisfies EventSlice<'status'>;
