import * as z from 'zod';

/** A call of the contract: what the renderer sends and what main answers. */
export interface CallSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/**
 * One area's calls: every channel is `<area>:<verb>`, so a slice cannot declare another area's
 * call by mistake (the compiler refuses the key).
 */
export type ContractSlice<A extends string> = Record<`${A}:${string}`, CallSpec>;

/** One area's events, named `<area>:<what>`; payloads are validated before they are sent. */
export type EventSlice<A extends string> = Record<`${A}:${string}`, z.ZodType>;

/**
 * One area's long operations (`<area>:<verb>`): started with `operations:start`, followed with
 * `operations:progress` events, cancelled with `operations:cancel` when `cancellable`.
 */
export interface OperationSpec {
  readonly input: z.ZodType;
  readonly result: z.ZodType;
  /** Whether stopping half-way is safe; the UI shows Cancel only then. */
  readonly cancellable: boolean;
}
export type OperationSlice<A extends string> = Record<`${A}:${string}`, OperationSpec>;

/** The input of a call that takes no argument. */
export const NoInput = z.undefined();
