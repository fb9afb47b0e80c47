import * as z from 'zod';
import { AppInfo, ExternalLink, Notice } from '../../model/app/app';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/** The app itself: what is running, notices about files, links to open outside. */
export const appContract = {
  'app:info': { input: NoInput, output: AppInfo },
  'app:notices': { input: NoInput, output: z.array(Notice) },
  'app:dismissNotice': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: z.array(Notice) },
  'app:openExternal': { input: ExternalLink, output: z.strictObject({ opened: z.literal(true) }) },
  /** Opens a page of the local Meta simulator (sandbox mode only) in the system browser. */
  'app:openSimulatorPage': { input: z.strictObject({ page: z.enum(['phone', 'faults', 'rehearsal']) }), output: z.strictObject({ opened: z.literal(true) }) },
} as const satisfies ContractSlice<'app'>;

export const appEvents = {
  /** A notice was added or dismissed: a notice may arrive at any time, not only in answer to a call. */
  'app:notices': z.array(Notice),
} as const satisfies EventSlice<'app'>;
