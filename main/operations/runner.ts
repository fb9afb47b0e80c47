import { AppError, type AppErrorShape } from '../../shared/errors/index';
import { isOperationName, operations, type OperationInput, type OperationName, type OperationResult } from '../../shared/ipc/contract/index';
import type { OperationProgress } from '../../shared/ipc/contract/operations';
import type { Emit, Logger } from '../platform/ports';

/** What a long operation's handler is given besides its input. */
export interface OperationContext {
  /** Aborted when the admin cancels; handlers pass it to every call that can stop. */
  readonly signal: AbortSignal;
  /** Says what is happening now: `code` is translated as `operations.<operation>.<code>`. */
  step(code: string, index: number, total: number): void;
  /** Records the outcome of one item of a batch; the renderer lists them. */
  item(key: string, outcome: { ok: true } | { ok: false; error: AppErrorShape }): void;
  /**
   * From here on, Cancel is refused and no longer offered: the handler has started what cannot
   * be taken back (a request Meta may act on whatever the app does next).
   */
  pastCancelling(): void;
}

/** One handler per declared operation; the compiler refuses a missing one. */
export type OperationHandlers = {
  [O in OperationName]: (input: OperationInput<O>, context: OperationContext) => Promise<OperationResult<O>>;
};

export interface OperationRunner {
  /** Starts an operation and answers at once; progress and the outcome come as events. */
  start(request: { id: string; operation: string; input: unknown }): { id: string };
  cancel(id: string): { cancelled: boolean };
  /** Settles when the operation ends, whatever the outcome (tests, shutdown). */
  settled(id: string): Promise<OperationProgress | null>;
}

interface Options {
  handlers: OperationHandlers;
  emit: Emit;
  logger: Logger;
}

/**
 * Long work in one shape: start, progress events, cancel through an AbortSignal.
 *
 * The renderer picks the id, so it can follow and cancel an operation before `start` has even
 * answered. Input is parsed against the operation's schema before anything runs, and the result
 * against its strict result schema before it is sent, as for every IPC call.
 */
export function createOperationRunner({ handlers, emit, logger }: Options): OperationRunner {
  const running = new Map<string, { controller: AbortController; state: OperationProgress; done: Promise<void> }>();
  const finished = new Map<string, OperationProgress>();

  const publish = (state: OperationProgress) => emit('operations:progress', state);

  return {
    start({ id, operation, input }) {
      if (running.has(id) || finished.has(id)) throw new AppError('operations.duplicateId');
      if (!isOperationName(operation)) throw new AppError('operations.unknown', { operation: operation.slice(0, 60) });
      const spec = operations[operation];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new AppError('ipc.invalidInput', { channel: operation, field: first?.path.join('.') ?? '', message: first?.message.startsWith('validation.') ? first.message : 'validation.invalid' });
      }
      const controller = new AbortController();
      let state: OperationProgress = { id, operation, state: 'running', step: null, items: [], cancellable: spec.cancellable, result: null, error: null };
      const update = (change: Partial<OperationProgress>) => {
        if (state.state !== 'running') return;
        state = { ...state, ...change };
        const entry = running.get(id);
        if (entry) entry.state = state;
        publish(state);
      };
      const context: OperationContext = {
        signal: controller.signal,
        step: (code, index, total) => update({ step: { code, index, total } }),
        item: (key, outcome) => update({ items: [...state.items, { key, ok: outcome.ok, error: outcome.ok ? null : outcome.error }] }),
        pastCancelling: () => update({ cancellable: false }),
      };
      const handler = handlers[operation] as (value: unknown, context: OperationContext) => Promise<unknown>;
      const end = (final: Partial<OperationProgress>) => {
        state = { ...state, ...final };
        running.delete(id);
        finished.set(id, state);
        // Keep a short memory of outcomes only: a renderer that reloads mid-operation can ask.
        if (finished.size > 50) finished.delete(finished.keys().next().value as string);
        publish(state);
      };
      const entry = { controller, state, done: Promise.resolve() };
      running.set(id, entry);
      publish(state);
      entry.done = (async () => {
        // One tick later, so even a handler that fails at once ends after it was registered.
        await Promise.resolve();
        try {
          const output = await handler(parsed.data, context);
          const result = spec.result.safeParse(output);
          if (!result.success) {
            // SECURITY: a result the contract does not declare is dropped, never sent.
            logger.error('operations: result does not match the contract', { operation });
            end({ state: 'failed', error: { code: 'ipc.invalidOutput', params: { channel: operation } } });
            return;
          }
          end({ state: 'succeeded', result: result.data });
        } catch (error) {
          if (controller.signal.aborted) {
            // The handler's own word for it (login: "nothing was changed") beats the generic one.
            end({ state: 'cancelled', error: error instanceof AppError ? { code: error.code, params: error.params } : { code: 'operations.cancelled', params: {} } });
            return;
          }
          if (error instanceof AppError) {
            end({ state: 'failed', error: { code: error.code, params: error.params } });
            return;
          }
          logger.error('operations: handler failed', { operation, error });
          end({ state: 'failed', error: { code: 'internal', params: { channel: operation } } });
        }
      })();
      return { id };
    },
    cancel(id) {
      const entry = running.get(id);
      if (!entry) return { cancelled: false };
      if (!entry.state.cancellable) throw new AppError('operations.notCancellable', { operation: entry.state.operation });
      entry.controller.abort();
      return { cancelled: true };
    },
    async settled(id) {
      await running.get(id)?.done;
      return finished.get(id) ?? null;
    },
  };
}
