import type { z } from 'zod';
import { AppError } from '../../shared/errors/index';
import { contract, isChannel, type Channel, type ChannelOutput, type Contract } from '../../shared/ipc/contract/index';
import type { IpcResult } from '../../shared/ipc/result';
import type { Logger } from '../platform/ports';

/** One handler per contract channel; the compiler refuses a missing one. */
export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

/**
 * The handlers of one area's calls (`meta` -> every `meta:*` channel).
 *
 * Each area builds its own in `main/<area>/handlers.ts`; the composition root only spreads
 * them into one table, and the `Handlers` type refuses a table with a call missing.
 */
export type AreaHandlers<A extends string> = Pick<Handlers, Extract<Channel, `${A}:${string}`>>;

/** Who sent an IPC message: the frame's URL and whether it is the window's main frame. */
export interface Sender {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export interface Router {
  handle(channel: unknown, input: unknown, sender: Sender): Promise<IpcResult<unknown>>;
}

interface RouterOptions {
  handlers: Handlers;
  isTrustedSender: (sender: Sender) => boolean;
  logger: Logger;
}

const fail = (code: AppError['code'], params: AppError['params'] = {}): IpcResult<never> => ({ ok: false, error: { code, params } });

/**
 * Turns an untrusted IPC message into a handler call, or a coded refusal.
 *
 * The sender is checked before anything else (a frame that is not ours learns nothing, not even
 * which channels exist); input and output are both parsed against the contract, so a handler
 * that would return a field the contract does not declare (a token) fails closed. It never
 * rejects: the renderer always receives an IpcResult whose errors are codes, never prose.
 */
export function createRouter({ handlers, isTrustedSender, logger }: RouterOptions): Router {
  return {
    async handle(channel, input, sender) {
      // SECURITY: sender check first, for every message (VS Code's validatedIpcMain).
      if (!isTrustedSender(sender)) {
        logger.warn('ipc: refused a message from a foreign sender', { url: sender.url, isMainFrame: sender.isMainFrame });
        return fail('ipc.forbiddenSender');
      }
      if (!isChannel(channel)) {
        logger.warn('ipc: refused an unknown channel', { channel: String(channel).slice(0, 100) });
        return fail('ipc.unknownChannel');
      }
      const spec = contract[channel];
      const parsedInput = spec.input.safeParse(input);
      if (!parsedInput.success) {
        const first = parsedInput.error.issues[0];
        return fail('ipc.invalidInput', {
          channel,
          field: first?.path.join('.') ?? '',
          message: first?.message.startsWith('validation.') ? first.message : 'validation.invalid',
        });
      }
      try {
        const handler = handlers[channel] as (value: unknown) => unknown;
        const output = await handler(parsedInput.data);
        const parsedOutput = spec.output.safeParse(output);
        if (!parsedOutput.success) {
          // SECURITY: the value is dropped, never sent; only the fact is logged.
          logger.error('ipc: handler output does not match the contract', { channel, issues: parsedOutput.error.issues.length });
          return fail('ipc.invalidOutput', { channel });
        }
        return { ok: true, value: parsedOutput.data };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: { code: error.code, params: error.params } };
        logger.error('ipc: handler failed', { channel, error });
        return fail('internal', { channel });
      }
    },
  };
}
