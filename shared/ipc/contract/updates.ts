import * as z from 'zod';
import { InstallRequest, UpdateRelease, UpdateSettingsPatch, UpdatesStatus } from '../../model/updates/updates';
import { NoInput, type ContractSlice, type EventSlice, type OperationSlice } from './slice';

/** Updates of the app itself, from the feed IT hosts (or none). */
export const updatesContract = {
  'updates:status': { input: NoInput, output: UpdatesStatus },
  /** Asks the feed now; the outcome is in the answered status (and an `updates:changed`). */
  'updates:check': { input: NoInput, output: UpdatesStatus },
  /** Saves the admin's feed URL and check-at-start switch; fields the policy sets are refused. */
  'updates:setSettings': { input: UpdateSettingsPatch, output: UpdatesStatus },
  /** Quits and installs the downloaded version; only with the admin's explicit consent. */
  'updates:install': { input: InstallRequest, output: z.strictObject({ installing: z.literal(true) }) },
} as const satisfies ContractSlice<'updates'>;

export const updatesEvents = {
  /** The state, the settings or the policy changed (download progress included). */
  'updates:changed': UpdatesStatus,
} as const satisfies EventSlice<'updates'>;

export const updatesOperations = {
  /** Downloads the available version, verified before it counts as downloaded. */
  'updates:download': { input: NoInput, result: z.strictObject({ release: UpdateRelease }), cancellable: true },
} as const satisfies OperationSlice<'updates'>;
