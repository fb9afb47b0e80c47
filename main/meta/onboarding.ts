import { AppError } from '../../shared/errors/index';
import type { AttemptEntry } from '../../shared/model/meta/account';
import { CODE_LANGUAGE, REGISTER_LIMIT } from '../../shared/model/meta/onboarding';
import type { Language } from '../../shared/model/settings/settings';
import { analysePhone } from '../../shared/rules/phone';
import { registerCallsInWindow, registerLimitLiftsAt } from '../../shared/rules/register-limit';
import type { OperationHandlers } from '../operations/runner';
import type { Clock, Logger } from '../platform/ports';
import { errorShape, type AccountScope, type AccountService } from './account/service';
import { addPhoneNumber, listPhoneNumbers, register, requestCode, verifyCode } from './graph/calls';
import type { PinKeeper } from './pins';

/**
 * Wrong codes entered since the last code Meta accepted to send: Meta blocks further tries after
 * several, without publishing how many, so the app shows only how many were used.
 */
export function wrongCodesSinceLastRequest(entries: readonly AttemptEntry[]): number {
  let count = 0;
  for (const entry of [...entries].reverse()) {
    if (entry.action === 'requestCode' && entry.ok) break;
    if (entry.action === 'verifyCode' && entry.error?.code === 'meta.number.wrongCode') count += 1;
  }
  return count;
}

/** Digits only: `+33 7 48 11 15 24` and `33748111524` are the same number. */
const digitsOf = (text: string) => text.replace(/\D/g, '');

interface Deps {
  account: AccountService;
  pins: PinKeeper;
  /** The app's language: Meta's SMS or call speaks it. */
  language: () => Language;
  now: Clock;
  logger: Logger;
}

export type OnboardingOperations = Pick<OperationHandlers, 'meta:addNumber' | 'meta:requestCode' | 'meta:verifyCode' | 'meta:register'>;

/**
 * Putting a number on the WhatsApp Business Platform: add it, have Meta send a code, check the
 * code, register it with its two-step PIN. Each runs as a long operation.
 *
 * Every call to Meta is recorded in the number's attempt log, with how it ended. None is ever
 * repeated behind the admin's back (the Graph client never retries a write): Meta counts wrong
 * codes and register calls, and a repeated add could create the number twice. Adding looks for
 * the number first, so starting it again after a failure is harmless.
 */
export function createOnboarding(deps: Deps): OnboardingOperations {
  const { account, pins, logger } = deps;
  const at = () => deps.now().toISOString();

  /** Runs one call to Meta and records how it ended in the number's log. */
  async function attempt<T>(scope: AccountScope, phoneNumberId: string, entry: Pick<AttemptEntry, 'action' | 'method'>, call: () => Promise<T>, explain: (error: AppError) => AppError = (error) => error): Promise<T> {
    let result: T;
    try {
      result = await call();
    } catch (caught) {
      const error = caught instanceof AppError ? explain(caught) : caught;
      account.record(scope, phoneNumberId, { at: at(), ...entry, ok: false, error: errorShape(error) });
      throw error;
    }
    account.record(scope, phoneNumberId, { at: at(), ...entry, ok: true, error: null });
    return result;
  }

  return {
    async 'meta:addNumber'({ wabaId, e164, verifiedName }, context) {
      const phone = analysePhone(e164, null);
      if (!phone.ok) throw new AppError('meta.number.invalid', { problem: phone.problem });
      const scope = account.scope();
      const graph = await account.graph();
      const wanted = `${phone.cc}${phone.national}`;
      const find = (numbers: { id: string; displayPhoneNumber: string }[]) => numbers.find((number) => digitsOf(number.displayPhoneNumber) === wanted) ?? null;

      // Looking first is what makes adding twice harmless: a number already there is not posted again.
      context.step('lookingForNumber', 1, 2);
      const numbers = await listPhoneNumbers(graph, wabaId, { signal: context.signal });
      account.storeNumbers(scope, wabaId, numbers);
      const there = find(numbers);
      if (there) {
        account.record(scope, there.id, { at: at(), action: 'addNumber', ok: true, error: null });
        return { phoneNumberId: there.id, alreadyThere: true };
      }
      if (context.signal.aborted) throw new AppError('meta.cancelled');

      // Not cancellable from here on: the POST may reach Meta whatever the app does.
      context.pastCancelling();
      context.step('addingNumber', 2, 2);
      let id: string;
      try {
        ({ id } = await addPhoneNumber(graph, { wabaId, cc: phone.cc, phoneNumber: phone.national, verifiedName }));
      } catch (error) {
        // No answer does not mean nothing happened: Meta may have added the number.
        if (error instanceof AppError && error.code === 'meta.network') {
          const after = await listPhoneNumbers(graph, wabaId).catch(() => null);
          const created = after ? find(after) : null;
          if (after) account.storeNumbers(scope, wabaId, after);
          if (created) {
            account.record(scope, created.id, { at: at(), action: 'addNumber', ok: true, error: null });
            return { phoneNumberId: created.id, alreadyThere: false };
          }
        }
        // No number id to file it under: the log of the attempt is the error on screen and this line.
        logger.warn('onboarding: a number was not added', { error: errorShape(error).code });
        throw error;
      }
      account.record(scope, id, { at: at(), action: 'addNumber', ok: true, error: null });
      await account.refreshNumbersQuietly(scope, wabaId, graph);
      return { phoneNumberId: id, alreadyThere: false };
    },

    async 'meta:requestCode'({ phoneNumberId, method }, context) {
      const scope = account.scope();
      const graph = await account.graph();
      context.step('requestingCode', 1, 1);
      // Cancel stops waiting for Meta's answer; the code may still be sent.
      await attempt(scope, phoneNumberId, { action: 'requestCode', method }, () =>
        requestCode(graph, { phoneNumberId, method, language: CODE_LANGUAGE[deps.language()] }, { signal: context.signal }),
      );
      return { sentAt: at(), method };
    },

    async 'meta:verifyCode'({ phoneNumberId, code }, context) {
      const scope = account.scope();
      const graph = await account.graph();
      context.step('checkingCode', 1, 1);
      const earlier = account.read(scope).attempts[phoneNumberId] ?? [];
      // SECURITY: the code goes to Meta only; the log says that a code was tried, never which.
      await attempt(
        scope,
        phoneNumberId,
        { action: 'verifyCode' },
        () => verifyCode(graph, { phoneNumberId, code }),
        (error) => (error.code === 'meta.number.wrongCode' ? new AppError(error.code, { ...error.params, attemptsUsed: wrongCodesSinceLastRequest(earlier) + 1 }) : error),
      );
      const { wabaId } = account.read(scope).selection;
      if (wabaId !== null) await account.refreshNumbersQuietly(scope, wabaId, graph);
      return { verified: true };
    },

    async 'meta:register'({ phoneNumberId, pin }, context) {
      const scope = account.scope();
      const graph = await account.graph();
      context.step('storingPin', 1, 2);
      // Stored before anything is sent: once register has been tried, the number may carry this PIN.
      if (pin !== undefined) pins.store(phoneNumberId, pin);
      const chosen = pin ?? pins.pin(phoneNumberId);
      if (chosen === null) throw new AppError('meta.pin.notStored');

      const earlier = account.read(scope).attempts[phoneNumberId] ?? [];
      if (registerCallsInWindow(earlier, deps.now()).length >= REGISTER_LIMIT) {
        const liftsAt = registerLimitLiftsAt(earlier, deps.now());
        throw new AppError('meta.number.registerLimit', liftsAt ? { liftsAt } : {});
      }

      context.step('registering', 2, 2);
      await attempt(
        scope,
        phoneNumberId,
        { action: 'register' },
        () => register(graph, { phoneNumberId, pin: chosen }),
        (error) => {
          if (error.code !== 'meta.number.registerLimit') return error;
          const liftsAt = registerLimitLiftsAt(earlier, deps.now());
          return liftsAt ? new AppError(error.code, { ...error.params, liftsAt }) : error;
        },
      );
      const { wabaId } = account.read(scope).selection;
      if (wabaId !== null) await account.refreshNumbersQuietly(scope, wabaId, graph);
      return { registered: true };
    },
  };
}
