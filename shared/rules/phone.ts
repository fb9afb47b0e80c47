import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode, type NumberType } from 'libphonenumber-js/max';

export type { CountryCode };

/**
 * What kind of line a number is, from the numbering plan of its country.
 *
 * `fixedLineOrMobile`: the plan cannot tell (the United States and Canada number mobiles and
 * landlines alike). `other`: a pager, a voicemail access number, or a type the plan does not give.
 */
export type PhoneKind = 'mobile' | 'fixedLine' | 'fixedLineOrMobile' | 'tollFree' | 'sharedCost' | 'premiumRate' | 'voip' | 'uan' | 'personal' | 'other';

/** How Meta may send the six-digit verification code (`code_method` of `request_code`). */
export type CodeMethod = 'SMS' | 'VOICE';

/**
 * What the admin should know about a number of this kind before asking for the code.
 *
 * From Meta's "Business phone number types" table (linked on the screens that show it):
 * - `checkProvider`: Meta does not recommend SMS and asks to make sure with the phone provider
 *   that the number receives international calls, with call forwarding and IVR off (freephone,
 *   premium rate, universal access, VoIP);
 * - `noMethodRecommended`: Meta recommends neither SMS nor voice (shared cost, personal numbers);
 * - `mobileOrFixed`: the numbering plan cannot tell a mobile from a landline, and Meta does not
 *   recommend SMS for a landline;
 * - `typeUnknown`: the plan gives no type Meta's table lists.
 */
export type PhoneWarning = 'checkProvider' | 'noMethodRecommended' | 'mobileOrFixed' | 'typeUnknown';

/**
 * Why a number cannot be used.
 *
 * - `empty`: nothing typed;
 * - `needsCountry`: a national number without a `+` and no country chosen;
 * - `notANumber`: letters or other characters a phone number does not have;
 * - `shortCode`: too short to be a full number (Meta: "short codes are not supported"). The
 *   threshold (an invalid number of at most 6 national digits) is this app's own heuristic;
 * - `tooShort` / `tooLong`: the country's numbers are longer / shorter;
 * - `leadingZero`: the national number starts with 0 (Italian landlines, for example); Meta's
 *   API takes `phone_number` as `^[1-9][0-9]{6,14}$` and does not publish how such numbers are
 *   to be sent, so the app does not guess;
 * - `invalid`: the right length, but no number of that country looks like it.
 */
export type PhoneProblem = 'empty' | 'needsCountry' | 'notANumber' | 'shortCode' | 'tooShort' | 'tooLong' | 'leadingZero' | 'invalid';

export interface PhoneOk {
  readonly ok: true;
  /** `+` and digits, as Meta and the workspace store it: `+33748111524`. */
  readonly e164: string;
  /** The country calling code without `+` (`cc` of `POST /{waba-id}/phone_numbers`). */
  readonly cc: string;
  /** The national significant number (`phone_number` of the same call): `748111524`. */
  readonly national: string;
  /** The number written for people: `+33 7 48 11 15 24`. */
  readonly international: string;
  /** The country the number belongs to; null for non-geographic numbers (`+800`…). */
  readonly country: CountryCode | null;
  readonly kind: PhoneKind;
  /** The methods Meta's table rates "standard" for this kind, in the order to offer them. */
  readonly codeMethods: readonly CodeMethod[];
  readonly warning: PhoneWarning | null;
}

export type PhoneAnalysis = PhoneOk | { readonly ok: false; readonly problem: PhoneProblem };

/** The most characters a typed phone number may have; longer input is not a number. */
export const PHONE_INPUT_MAX = 40;

/** Digits, spaces, dots, dashes, slashes and brackets, with one leading `+`: what people type. */
const PHONE_CHARACTERS = /^\+?[\d\s.\-/()]+$/;

/**
 * What Meta's "Business phone number types" table says per kind: the methods rated "standard"
 * and the warning to show. developers.facebook.com/documentation/business-messaging/whatsapp/
 * business-phone-numbers/phone-numbers
 */
const BY_KIND: Record<PhoneKind, { codeMethods: readonly CodeMethod[]; warning: PhoneWarning | null }> = {
  mobile: { codeMethods: ['SMS', 'VOICE'], warning: null },
  fixedLine: { codeMethods: ['VOICE'], warning: null },
  fixedLineOrMobile: { codeMethods: ['SMS', 'VOICE'], warning: 'mobileOrFixed' },
  tollFree: { codeMethods: ['VOICE'], warning: 'checkProvider' },
  premiumRate: { codeMethods: ['VOICE'], warning: 'checkProvider' },
  uan: { codeMethods: ['VOICE'], warning: 'checkProvider' },
  voip: { codeMethods: ['VOICE'], warning: 'checkProvider' },
  sharedCost: { codeMethods: [], warning: 'noMethodRecommended' },
  personal: { codeMethods: [], warning: 'noMethodRecommended' },
  other: { codeMethods: ['SMS', 'VOICE'], warning: 'typeUnknown' },
};

const KIND_OF: Partial<Record<NumberType & string, PhoneKind>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixedLine',
  FIXED_LINE_OR_MOBILE: 'fixedLineOrMobile',
  TOLL_FREE: 'tollFree',
  PREMIUM_RATE: 'premiumRate',
  SHARED_COST: 'sharedCost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal',
  UAN: 'uan',
};

/** The national number as Meta's API takes it (`phone_number` in `POST /{waba-id}/phone_numbers`). */
const META_NATIONAL = /^[1-9]\d{6,14}$/;

/**
 * The typed number, cleaned the way people write numbers: `00` for `+`, and the `(0)` some
 * write between the country code and the number (`+33 (0)7 48…`).
 */
function normalise(input: string): string {
  return input
    .trim()
    .replace(/^00/, '+')
    .replace(/\(\s*0\s*\)/g, '');
}

/** Whether `value` is a country code the phone rules know (ISO 3166 alpha-2, upper case). */
export function isPhoneCountry(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

/** The calling code of a country, without `+` (`FR` → `33`). */
export function callingCodeOf(country: CountryCode): string {
  return getCountryCallingCode(country);
}

/**
 * Reads a phone number as an admin types it, and says whether Meta can take it.
 *
 * `country` is the country picked beside the field; a number typed with `+` (or `00`) carries
 * its own country and overrides it. The same function runs in the form (as the admin types) and
 * in main (before saving and before `POST /phone_numbers`), so both always agree.
 */
export function analysePhone(input: string, country: CountryCode | null): PhoneAnalysis {
  const text = normalise(input);
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.length > PHONE_INPUT_MAX || !PHONE_CHARACTERS.test(text)) return { ok: false, problem: 'notANumber' };
  const international = text.startsWith('+');
  if (!international && country === null) return { ok: false, problem: 'needsCountry' };
  const defaultCountry = international ? undefined : (country ?? undefined);
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed) return { ok: false, problem: 'notANumber' };
  const national = parsed.nationalNumber;
  if (!parsed.isValid()) {
    if (national.length <= 6) return { ok: false, problem: 'shortCode' };
    const length = validatePhoneNumberLength(text, defaultCountry);
    if (length === 'TOO_SHORT') return { ok: false, problem: 'tooShort' };
    if (length === 'TOO_LONG') return { ok: false, problem: 'tooLong' };
    return { ok: false, problem: 'invalid' };
  }
  if (!META_NATIONAL.test(national)) return { ok: false, problem: national.startsWith('0') ? 'leadingZero' : 'tooShort' };
  const type = parsed.getType();
  const kind = (type && KIND_OF[type]) ?? 'other';
  return {
    ok: true,
    e164: parsed.number,
    cc: parsed.countryCallingCode,
    national,
    international: parsed.formatInternational(),
    country: parsed.country ?? null,
    kind,
    ...BY_KIND[kind],
  };
}
