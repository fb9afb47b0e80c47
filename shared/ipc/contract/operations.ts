import * as z from 'zod';
import { AppErrorShape } from '../../errors/index';
import type { ContractSlice, EventSlice } from './slice';

/** An operation's name, `<area>:<verb>` as its area's slice declares it. */
export const OperationName = z.string().regex(/^[a-z]+:[a-zA-Z]+$/).max(60);

/** Chosen by the renderer, so it can follow (and cancel) an operation before `start` answers. */
export const OperationId = z.uuid();

export const OperationStart = z.strictObject({ id: OperationId, operation: OperationName, input: z.unknown() });

/** What an operation is doing now: a step with its code (translated) and its place. */
export const OperationStep = z.strictObject({
  code: z.string().regex(/^[a-zA-Z]+$/).max(60),
  index: z.int().min(1),
  total: z.int().min(1),
});

/** The outcome of one item of a batch (one skill, one number...). */
export const OperationItem = z.strictObject({ key: z.string().max(200), ok: z.boolean(), error: AppErrorShape.nullable() });

/**
 * Everything the renderer sees of a long operation, sent at every change.
 *
 * `result` has already been checked against the operation's own strict result schema in main,
 * so nothing the contract does not declare (a token) can ride along.
 */
export const OperationProgress = z.strictObject({
  id: OperationId,
  operation: OperationName,
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  step: OperationStep.nullable(),
  items: z.array(OperationItem),
  cancellable: z.boolean(),
  result: z.unknown(),
  error: AppErrorShape.nullable(),
});
export type OperationProgress = z.infer<typeof OperationProgress>;

/** Starting and cancelling long work; its progress comes as `operations:progress` events. */
export const operationsContract = {
  'operations:start': { input: OperationStart, output: z.strictObject({ id: OperationId }) },
  'operations:cancel': { input: z.strictObject({ id: OperationId }), output: z.strictObject({ cancelled: z.boolean() }) },
} as const satisfies ContractSlice<'operations'>;

export const operationsEvents = {
  'operations:progress': OperationProgress,
} as const satisfies EventSlice<'operations'>;
