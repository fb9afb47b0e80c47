import * as z from 'zod';
import { AppError } from '../../shared/errors/index';
import { TwoStepPin } from '../../shared/model/meta/onboarding';
import { GraphId, Instant } from '../../shared/model/meta/values';
import type { Clock } from '../platform/ports';
import { defineSlot, type SecretSlot } from '../platform/secrets/slots';
import type { SecretVault } from '../platform/secrets/secret-vault';

/** A number's two-step verification PIN as the vault keeps it. */
export const StoredPin = z.strictObject({ pin: TwoStepPin, storedAt: Instant });
export type StoredPin = z.infer<typeof StoredPin>;

/**
 * The vault slot of a number's PIN, `meta.pin.<phone-number-id>`.
 *
 * The slot name is written in clear beside its ciphertext, so it holds the number's id (which
 * Meta shows in WhatsApp Manager anyway), never the PIN.
 */
export function pinSlot(phoneNumberId: string): SecretSlot<StoredPin> {
  if (!GraphId.safeParse(phoneNumberId).success) throw new AppError('meta.invalidRequest', { field: 'phoneNumberId' });
  return defineSlot(`meta.pin.${phoneNumberId}`, StoredPin);
}

/**
 * The two-step PINs of the numbers this computer registered.
 *
 * SECURITY: a PIN goes into the vault (encrypted by the OS) and out only to the register call;
 * what leaves this module for anything else is the time it was stored.
 */
export interface PinKeeper {
  /** Stores (or replaces) a number's PIN; returns when. */
  store(phoneNumberId: string, pin: string): string;
  /** The stored PIN, for the register call only. */
  pin(phoneNumberId: string): string | null;
  /** When the number's PIN was stored, or null when there is none. */
  storedAt(phoneNumberId: string): string | null;
  /** Whether the vault keeps PINs after the app quits (false without OS encryption). */
  readonly remembered: boolean;
}

export function createPinKeeper(vault: SecretVault, now: Clock): PinKeeper {
  return {
    store(phoneNumberId, pin) {
      const storedAt = now().toISOString();
      vault.set(pinSlot(phoneNumberId), { pin, storedAt });
      return storedAt;
    },
    pin: (phoneNumberId) => vault.get(pinSlot(phoneNumberId))?.pin ?? null,
    storedAt: (phoneNumberId) => vault.get(pinSlot(phoneNumberId))?.storedAt ?? null,
    get remembered() {
      return vault.remembered;
    },
  };
}
