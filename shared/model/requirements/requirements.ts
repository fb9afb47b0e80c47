import * as z from 'zod';
import { E164OrEmpty } from '../workspace/workspace';

/**
 * Version of a workspace's requirements file (`requirements/<workspaceId>.json`).
 *
 * Only version 1 exists; the literal makes a file written by a later release fail to parse
 * instead of being read wrongly.
 */
export const REQUIREMENTS_SCHEMA_VERSION = 1;

/**
 * Bounds of the stored values. They only keep a hostile or damaged file small: what Meta or the
 * manual accept is said by the rules (`shared/rules/requirements.ts`), so a half-filled form
 * always saves, offline too.
 */
export const REQUIREMENTS_LIMITS = {
  national: 40,
  businessManagerId: 32,
  businessName: 200,
  businessDescription: 1_000,
  website: 2_048,
  address: 500,
  email: 254,
  timeZone: 64,
  logoUrl: 2_048,
} as const;

/** The largest logo the manual allows: 5 MB. */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
/** The logo size the manual recommends, in pixels per side. */
export const LOGO_RECOMMENDED_SIDE = 640;

/** An ISO 3166 alpha-2 country (`FR`), or none picked yet. */
export const PhoneCountry = z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/)]);

/**
 * The answers to the eligibility questions about the number, `unknown` until answered.
 *
 * - `onWhatsApp`: is the number on WhatsApp already (the consumer app, `messenger`, or the
 *   WhatsApp Business app, `businessApp`);
 * - `canReceive`: can it receive the six-digit code, and how;
 * - `forwardingOff`: will call forwarding and any voice menu (IVR) be off while Meta sends it;
 * - `usedWithApi`: was it ever used with the WhatsApp Business API.
 */
export const Eligibility = z.strictObject({
  onWhatsApp: z.enum(['unknown', 'no', 'messenger', 'businessApp']),
  canReceive: z.enum(['unknown', 'sms', 'voice', 'both', 'neither']),
  forwardingOff: z.enum(['unknown', 'yes', 'no']),
  usedWithApi: z.enum(['unknown', 'no', 'yes']),
});
export type Eligibility = z.infer<typeof Eligibility>;

const text = (max: number) => z.string().max(max, { message: 'validation.tooLong' });

/**
 * What step 1 gathers before the admin starts Meta's signup (manual, "WhatsApp Business account
 * requirements"): the number, the business's details, the logo, the time zone, and the answers
 * that decide whether the number can be verified.
 *
 * Values are kept as typed. `phone.e164` is main's reading of `country` + `national` (the same
 * phone rules the form runs), empty while the number cannot be read.
 */
export const Requirements = z.strictObject({
  phone: z.strictObject({ country: PhoneCountry, national: text(REQUIREMENTS_LIMITS.national), e164: E164OrEmpty }),
  businessManagerId: text(REQUIREMENTS_LIMITS.businessManagerId),
  businessName: text(REQUIREMENTS_LIMITS.businessName),
  businessDescription: text(REQUIREMENTS_LIMITS.businessDescription),
  website: text(REQUIREMENTS_LIMITS.website),
  address: text(REQUIREMENTS_LIMITS.address),
  email: text(REQUIREMENTS_LIMITS.email),
  timeZone: text(REQUIREMENTS_LIMITS.timeZone),
  logoUrl: text(REQUIREMENTS_LIMITS.logoUrl),
  eligibility: Eligibility,
});
export type Requirements = z.infer<typeof Requirements>;

/** Where the logo check stands; `waitingForNetwork` re-checks by itself. */
export const LOGO_STATES = ['notChecked', 'waitingForNetwork', 'checking', 'passed', 'warning', 'failed'] as const;
export type LogoState = (typeof LOGO_STATES)[number];

/** What the manual recommends that the logo does not follow; it may still be used. */
export const LOGO_WARNINGS = ['notSquare', 'smallerThanRecommended'] as const;
export type LogoWarning = (typeof LOGO_WARNINGS)[number];

/**
 * Why the logo cannot be used as it is.
 *
 * `notHttps`: the app reads logos over https only; `unreachable`: the site answered with a
 * connection the app cannot trust (a certificate error, a proxy); `httpStatus`: the site answered
 * with an error; `tooManyRedirects` / `redirectNotHttps`: the address sends elsewhere more than
 * five times, or to a plain http address; `timeout`: no complete answer within 20 seconds;
 * `tooLarge`: over 5 MB; `notPngOrJpeg`: the file is neither (whatever its name says);
 * `unreadable`: a PNG or JPEG whose size cannot be read.
 */
export const LOGO_FAILURES = ['notHttps', 'unreachable', 'httpStatus', 'tooManyRedirects', 'redirectNotHttps', 'timeout', 'tooLarge', 'notPngOrJpeg', 'unreadable'] as const;
export type LogoFailure = (typeof LOGO_FAILURES)[number];

/** The last check of the logo URL, as measured by main. */
export const LogoCheck = z.strictObject({
  /** The URL this check is about; a different `logoUrl` means the check is not about it yet. */
  url: z.string().max(REQUIREMENTS_LIMITS.logoUrl),
  state: z.enum(LOGO_STATES),
  warnings: z.array(z.enum(LOGO_WARNINGS)).max(LOGO_WARNINGS.length),
  failure: z.enum(LOGO_FAILURES).nullable(),
  /** The status of the site's answer when it was an error (`httpStatus`). */
  httpStatus: z.int().min(100).max(599).nullable(),
  width: z.int().min(0).nullable(),
  height: z.int().min(0).nullable(),
  /** Bytes read (at most 5 MB and one: a larger file is not read to its end). */
  bytes: z.int().min(0).nullable(),
  format: z.enum(['png', 'jpeg']).nullable(),
  checkedAt: z.iso.datetime().nullable(),
  /** When main checks again by itself (`waitingForNetwork`). */
  nextAttemptAt: z.iso.datetime().nullable(),
});
export type LogoCheck = z.infer<typeof LogoCheck>;

/** The file kept per workspace: the values and the logo's last check. */
export const RequirementsFile = z.strictObject({
  schemaVersion: z.literal(REQUIREMENTS_SCHEMA_VERSION),
  requirements: Requirements,
  logo: LogoCheck,
});
export type RequirementsFile = z.infer<typeof RequirementsFile>;

/** A workspace's requirements as the step shows them, with when they last reached the disk. */
export const RequirementsState = z.strictObject({
  workspaceId: z.uuid(),
  requirements: Requirements,
  logo: LogoCheck,
  /** ISO time of the last save; null before the first. */
  savedAt: z.iso.datetime().nullable(),
});
export type RequirementsState = z.infer<typeof RequirementsState>;

/** Nothing gathered yet. */
export function emptyRequirements(): Requirements {
  return {
    phone: { country: '', national: '', e164: '' },
    businessManagerId: '',
    businessName: '',
    businessDescription: '',
    website: '',
    address: '',
    email: '',
    timeZone: '',
    logoUrl: '',
    eligibility: { onWhatsApp: 'unknown', canReceive: 'unknown', forwardingOff: 'unknown', usedWithApi: 'unknown' },
  };
}

/** A logo URL no check has looked at (or none given). */
export function uncheckedLogo(url: string): LogoCheck {
  return { url, state: 'notChecked', warnings: [], failure: null, httpStatus: null, width: null, height: null, bytes: null, format: null, checkedAt: null, nextAttemptAt: null };
}
