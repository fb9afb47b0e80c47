import * as z from 'zod';
import { APP_ERRORS } from './app';
import { DRAFTS_ERRORS } from './drafts';
import { IPC_ERRORS } from './ipc';
import { META_ERRORS } from './meta';
import { OPERATIONS_ERRORS } from './operations';
import { REQUIREMENTS_ERRORS } from './requirements';
import { SETTINGS_ERRORS } from './settings';
import { UPDATES_ERRORS } from './updates';
import { WORKSPACE_ERRORS } from './workspace';

/**
 * Every error code that may cross the IPC boundary: the union of the areas' own lists.
 *
 * Main never sends prose: the renderer translates `errors.<code>` from its catalogs, with
 * `params` interpolated. Adding a code to an area without a translation fails the catalog test.
 */
export const ERROR_CODES = [...IPC_ERRORS, ...APP_ERRORS, ...SETTINGS_ERRORS, ...WORKSPACE_ERRORS, ...OPERATIONS_ERRORS, ...META_ERRORS, ...UPDATES_ERRORS, ...DRAFTS_ERRORS, ...REQUIREMENTS_ERRORS] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Interpolation values for an error message; plain data only, never secrets. */
export const ErrorParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ErrorParams = z.infer<typeof ErrorParams>;

export const AppErrorShape = z.strictObject({
  code: z.enum(ERROR_CODES),
  params: ErrorParams,
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/**
 * A domain error a service throws on purpose.
 *
 * The router turns it into `{ ok: false, error: { code, params } }`; any other thrown value
 * becomes `internal`, so a bug never leaks its message (or a secret inside it) to the renderer.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}
