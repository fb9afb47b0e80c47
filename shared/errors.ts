import * as z from 'zod';

/**
 * Every error code that may cross the IPC boundary.
 *
 * Main never sends prose: the renderer translates `errors.<code>` from its catalogs, with
 * `params` interpolated. Adding a code here without a translation fails the catalog test.
 */
export const ERROR_CODES = [
  'ipc.unknownChannel',
  'ipc.forbiddenSender',
  'ipc.invalidInput',
  'ipc.invalidOutput',
  'internal',
  'settings.invalid',
  'settings.liveNeedsAppId',
  'progress.unknownStep',
  'progress.notSkippable',
  'store.unwritable',
  'external.notAllowed',
  // Facebook login (main/auth)
  'auth.cancelled',
  'auth.windowClosed',
  'auth.denied',
  'auth.stateMismatch',
  'auth.invalidRedirect',
  'auth.timeout',
  'auth.network',
  'auth.inProgress',
  'auth.notConnected',
  'auth.sessionExpired',
  'auth.exchangeFailed',
  'auth.liveNotConfigured',
  // Graph API (main/meta)
  'meta.network',
  'meta.rateLimited',
  'meta.transient',
  'meta.permission',
  'meta.invalidRequest',
  'meta.malformedResponse',
  'meta.unknown',
  'meta.cancelled',
] as const;

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
