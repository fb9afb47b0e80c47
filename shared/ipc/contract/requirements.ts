import * as z from 'zod';
import { Requirements, RequirementsState } from '../../model/requirements/requirements';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/**
 * Step 1: what the admin gathers before Meta's signup, kept per workspace, and the check of the
 * logo URL that main runs (the page cannot fetch another site's bytes, and must not).
 */
export const requirementsContract = {
  'requirements:get': { input: NoInput, output: RequirementsState },
  /**
   * Replaces the current workspace's requirements (autosave). Main reads the phone number again
   * (a valid one becomes the workspace's number) and checks the logo again when its URL changed.
   */
  'requirements:save': { input: z.strictObject({ workspaceId: z.uuid(), requirements: Requirements }), output: RequirementsState },
  /** Checks the current workspace's logo URL now and answers once the check is over (at most 20 s). */
  'requirements:checkLogo': { input: NoInput, output: RequirementsState },
} as const satisfies ContractSlice<'requirements'>;

export const requirementsEvents = {
  /** The requirements changed: saved, a logo check ended, another workspace opened. */
  'requirements:changed': RequirementsState,
} as const satisfies EventSlice<'requirements'>;
