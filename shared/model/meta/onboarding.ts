import * as z from 'zod';
import type { Language } from '../settings/settings';
import { CodeMethod } from './account';
import { GraphId, Instant } from './values';

/**
 * Putting a phone number on the WhatsApp Business Platform, as step 2 runs it: add the number
 * to the WhatsApp Business account, have Meta send a code by SMS or voice call, check the code,
 * then register the number with its two-step PIN. Each is a long operation the renderer starts;
 * main re-checks every input here before anything reaches Meta.
 */

/** A phone number in international format: + then 8 to 15 digits. */
const E164 = z.string().trim().regex(/^\+[1-9]\d{7,14}$/, { message: 'validation.e164' });

/**
 * The display name shown on WhatsApp (Meta's `verified_name`): 2 to 75 characters in Meta's
 * OpenAPI file. Meta reviews it afterwards against its display name rules.
 */
export const DISPLAY_NAME_LENGTH = [2, 75] as const;
export const DisplayName = z
  .string()
  .trim()
  .min(DISPLAY_NAME_LENGTH[0], { message: 'validation.displayNameLength' })
  .max(DISPLAY_NAME_LENGTH[1], { message: 'validation.displayNameLength' });

/** `meta:addNumber`: main splits the number into country code and national number for Meta. */
export const AddNumberRequest = z.strictObject({
  wabaId: GraphId,
  e164: E164,
  verifiedName: DisplayName,
});
export type AddNumberRequest = z.infer<typeof AddNumberRequest>;

/** `alreadyThere`: the account held the number already, so nothing was added (adding twice is harmless). */
export const AddNumberResult = z.strictObject({ phoneNumberId: GraphId, alreadyThere: z.boolean() });
export type AddNumberResult = z.infer<typeof AddNumberResult>;

/** `meta:requestCode`: the language of the SMS or call is the app's, added by main. */
export const RequestCodeRequest = z.strictObject({ phoneNumberId: GraphId, method: CodeMethod });
export type RequestCodeRequest = z.infer<typeof RequestCodeRequest>;

export const RequestCodeResult = z.strictObject({ sentAt: Instant, method: CodeMethod });
export type RequestCodeResult = z.infer<typeof RequestCodeResult>;

/**
 * The language Meta writes the SMS or speaks the call in (`language` of `request_code`, which
 * Meta's OpenAPI file requires in the form `fr_FR`).
 */
export const CODE_LANGUAGE = { fr: 'fr_FR', en: 'en_US' } as const satisfies Record<Language, string>;

/**
 * The six-digit code as the person may type or paste it (`123456`, `123-456`, `123 456`); Meta
 * accepts digits only, so the separator is dropped.
 */
export const VerificationCode = z
  .string()
  .trim()
  .regex(/^\d{3}[-\s]?\d{3}$/, { message: 'validation.code6' })
  .transform((code) => code.replace(/\D/g, ''));

/** `meta:verifyCode`. */
export const VerifyCodeRequest = z.strictObject({ phoneNumberId: GraphId, code: VerificationCode });
export type VerifyCodeRequest = z.input<typeof VerifyCodeRequest>;

export const VerifyCodeResult = z.strictObject({ verified: z.literal(true) });
export type VerifyCodeResult = z.infer<typeof VerifyCodeResult>;

/** The two-step verification PIN: six digits (Meta's `register` call). */
export const TwoStepPin = z.string().regex(/^\d{6}$/, { message: 'validation.pin6' });

/**
 * `meta:register`: with a PIN, main stores it in the vault first and then registers; without,
 * it uses the PIN stored for this number (and fails with `meta.pin.notStored` when there is none).
 */
export const RegisterRequest = z.strictObject({ phoneNumberId: GraphId, pin: TwoStepPin.optional() });
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const RegisterResult = z.strictObject({ registered: z.literal(true) });
export type RegisterResult = z.infer<typeof RegisterResult>;

/** Meta counts register calls per number over this window (at most 10 of them, DOMAIN.md). */
export const REGISTER_WINDOW_HOURS = 72;
export const REGISTER_LIMIT = 10;
