import * as z from 'zod';
import { AppErrorShape } from '../../errors/index';
import { GraphId, Instant, MetaEnum, Reading, Vertical } from './values';

/**
 * The Meta account as step 2 shows it: the business portfolios the person administers, the
 * WhatsApp Business accounts (WABA) of the chosen one, their phone numbers and profiles.
 *
 * These are readings of Meta, kept per workspace so the page shows the last one (with its age)
 * offline or while Meta throttles. Enum-like fields are open strings (`MetaEnum`), null when
 * Meta did not send them; text fields are bounded only to keep the stored file sane.
 */

const name = z.string().max(512);

/** A business portfolio (Business Manager) the person can manage: `GET /me/businesses`. */
export const Portfolio = z.strictObject({
  id: GraphId,
  name,
  verificationStatus: MetaEnum.nullable(),
});
export type Portfolio = z.infer<typeof Portfolio>;

/**
 * A WhatsApp Business account of the chosen portfolio: `owned` ones come from
 * `owned_whatsapp_business_accounts`, `client` ones (shared by another business) from
 * `client_whatsapp_business_accounts`.
 */
export const Waba = z.strictObject({
  id: GraphId,
  name,
  ownership: z.enum(['owned', 'client']),
  accountReviewStatus: MetaEnum.nullable(),
  businessVerificationStatus: MetaEnum.nullable(),
  currency: z.string().max(16).nullable(),
  timezoneId: z.string().max(64).nullable(),
});
export type Waba = z.infer<typeof Waba>;

/** One phone number of a WABA, as `GET /{waba-id}/phone_numbers` (or the batched read) gave it. */
export const PhoneNumberReading = z.strictObject({
  id: GraphId,
  /** As Meta formats it, e.g. `+33 7 48 11 15 24`. */
  displayPhoneNumber: z.string().max(64),
  /** The display name (Meta's `verified_name`), whatever its review status. */
  verifiedName: name.nullable(),
  /** Display-name review: APPROVED, PENDING_REVIEW, DECLINED... */
  nameStatus: MetaEnum.nullable(),
  status: MetaEnum.nullable(),
  qualityRating: MetaEnum.nullable(),
  /** `whatsapp_business_manager_messaging_limit` (TIER_250...). */
  messagingLimit: MetaEnum.nullable(),
  /** `throughput.level`: NOT_APPLICABLE until the number is registered. */
  throughputLevel: MetaEnum.nullable(),
  /** `platform_type`: NOT_APPLICABLE until the number is registered. */
  platformType: MetaEnum.nullable(),
  codeVerificationStatus: MetaEnum.nullable(),
  accountMode: MetaEnum.nullable(),
});
export type PhoneNumberReading = z.infer<typeof PhoneNumberReading>;

/**
 * Limits of the WhatsApp business profile (`POST /{phone-number-id}/whatsapp_business_profile`).
 *
 * about 1..139, address 256, email 128, at most 2 websites of 256 characters: Meta's OpenAPI
 * file. description 512: Meta's business profiles page,
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/business-profiles
 * (the OpenAPI file does not list the field on this call). Websites must start with http:// or
 * https:// (same page).
 */
export const PROFILE_LIMITS = {
  about: [1, 139],
  address: 256,
  description: 512,
  email: 128,
  websites: 2,
  website: 256,
} as const;

/** The business profile as read; empty text when Meta has none. */
export const BusinessProfile = z.strictObject({
  about: z.string().max(1024),
  address: z.string().max(1024),
  description: z.string().max(2048),
  email: z.string().max(512),
  websites: z.array(z.string().max(1024)).max(8),
  vertical: MetaEnum.nullable(),
  profilePictureUrl: z.string().max(4096).nullable(),
});
export type BusinessProfile = z.infer<typeof BusinessProfile>;

const trimmed = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' });

/** A website of the profile: an http(s) address, as Meta requires. */
export const ProfileWebsite = trimmed(PROFILE_LIMITS.website).pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message: 'validation.profileWebsite' }));

/** Each editable field of the profile with Meta's limits, for a form that checks one field at a time. */
export const BusinessProfileFields = z.strictObject({
  about: trimmed(PROFILE_LIMITS.about[1]).min(PROFILE_LIMITS.about[0], { message: 'validation.required' }),
  address: trimmed(PROFILE_LIMITS.address),
  description: trimmed(PROFILE_LIMITS.description),
  email: trimmed(PROFILE_LIMITS.email).pipe(z.email({ message: 'validation.profileEmail' })),
  websites: z.array(ProfileWebsite).max(PROFILE_LIMITS.websites, { message: 'validation.tooManyWebsites' }),
  vertical: Vertical,
});

/**
 * What the profile editor sends: only the fields given change. `about` cannot be emptied
 * (Meta requires 1 to 139 characters), nor can `email` (Meta's OpenAPI file requires an email
 * format); address and description may be sent empty, and websites as an empty list.
 */
export const BusinessProfileUpdate = BusinessProfileFields.partial().refine((update) => Object.keys(update).length > 0, { message: 'validation.emptyUpdate' });
export type BusinessProfileUpdate = z.infer<typeof BusinessProfileUpdate>;

/** Whether the WABA sends its webhooks to an app (`GET /{waba-id}/subscribed_apps`): CXone subscribes. */
export const Subscription = z.strictObject({
  subscribed: z.boolean(),
  /** Names of the subscribed apps, as Meta gives them. */
  apps: z.array(z.string().max(512)).max(50),
});
export type Subscription = z.infer<typeof Subscription>;

/** The onboarding actions the attempt log records, one entry per call to Meta. */
export const AttemptAction = z.enum(['addNumber', 'requestCode', 'verifyCode', 'register', 'saveProfile']);
export type AttemptAction = z.infer<typeof AttemptAction>;

/** How Meta sends the verification code. */
export const CodeMethod = z.enum(['SMS', 'VOICE']);
export type CodeMethod = z.infer<typeof CodeMethod>;

/**
 * One attempt of an onboarding action and how it ended. The log counts wrong codes since the
 * last code request and register calls over 72 hours, which Meta limits; it never holds a code
 * or a PIN.
 */
export const AttemptEntry = z.strictObject({
  at: Instant,
  action: AttemptAction,
  method: CodeMethod.optional(),
  ok: z.boolean(),
  error: AppErrorShape.nullable(),
});
export type AttemptEntry = z.infer<typeof AttemptEntry>;

/** At most this many attempts are kept per number, the oldest dropped first. */
export const MAX_ATTEMPTS_PER_NUMBER = 200;

/**
 * Step 2's state for the current workspace, as `meta:account` and `meta:accountChanged` carry it.
 *
 * Readings are null until first read. `pins` says only which numbers have a two-step PIN stored
 * in the vault, and since when: the PIN itself never leaves main.
 */
export const AccountState = z.strictObject({
  workspaceId: z.uuid(),
  selection: z.strictObject({
    businessId: GraphId.nullable(),
    wabaId: GraphId.nullable(),
  }),
  /** Step 1's Business Manager ID, when it is among the portfolios read: the one to pre-select. */
  preselectBusinessId: GraphId.nullable(),
  /**
   * Step 1's Business Manager ID when the portfolios were read and it is not among them (a typo,
   * or a login that does not manage it): the page says so rather than pick nothing in silence.
   */
  unlistedBusinessManagerId: z.string().max(64).nullable(),
  portfolios: Reading(z.array(Portfolio)).nullable(),
  accounts: Reading(z.array(Waba)).nullable(),
  numbers: Reading(z.array(PhoneNumberReading)).nullable(),
  subscription: Reading(Subscription).nullable(),
  /** By phone number id. */
  profiles: z.record(GraphId, Reading(BusinessProfile)),
  /** By phone number id, oldest first. */
  attempts: z.record(GraphId, z.array(AttemptEntry).max(MAX_ATTEMPTS_PER_NUMBER)),
  /** By phone number id: when its two-step PIN was stored. */
  pins: z.record(GraphId, z.strictObject({ storedAt: Instant })),
});
export type AccountState = z.infer<typeof AccountState>;
