import * as z from 'zod';

/**
 * Values Meta's Graph API hands back, as the wizard keeps them.
 *
 * Meta's enums differ between its reference pages, its OpenAPI file and what it actually sends,
 * and grow without notice. So an enum-like field is read as an open string (`MetaEnum`): a value
 * the app does not know shows as "Other (VALUE)", a missing one as "Unknown", and a new value
 * never makes a reading fail. The known-value lists below serve labels only, never validation.
 */

/** A Graph object id: digits only (businesses, WhatsApp Business accounts, phone numbers, templates). */
export const GraphId = z.string().regex(/^\d{1,32}$/, { message: 'validation.graphId' });
export type GraphId = z.infer<typeof GraphId>;

/** An enum value as Meta writes them (`PENDING_REVIEW`, `TIER_2K`): letters, digits, underscores. */
export const MetaEnum = z.string().regex(/^[A-Za-z0-9_]{1,64}$/);
export type MetaEnum = z.infer<typeof MetaEnum>;

/** An ISO 8601 instant with its offset, as every reading and attempt stores it. */
export const Instant = z.iso.datetime({ offset: true });

/**
 * A value read from Meta and when: the page shows the last reading with its age, offline too.
 *
 * `readAt` is when main received the answer, not when Meta computed it.
 */
export function Reading<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, readAt: Instant });
}
export interface Reading<T> {
  value: T;
  readAt: string;
}

/** Display-name review (`name_status`), Meta's phone-number reference. */
export const NAME_STATUSES = ['APPROVED', 'AVAILABLE_WITHOUT_REVIEW', 'DECLINED', 'EXPIRED', 'PENDING_REVIEW', 'NONE'] as const;

/** Phone number `status`: Meta's OpenAPI file, its phone-number reference and DOMAIN.md together. */
export const PHONE_STATUSES = [
  'PENDING',
  'CONNECTED',
  'DISCONNECTED',
  'LINKED',
  'UNLINKED',
  'DELETED',
  'MIGRATED',
  'BANNED',
  'RESTRICTED',
  'RATE_LIMITED',
  'FLAGGED',
  'UNVERIFIED',
  'UNKNOWN',
] as const;

/** `quality_rating`; `NA` and `UNKNOWN` both mean Meta has not rated the number yet. */
export const QUALITY_RATINGS = ['GREEN', 'YELLOW', 'RED', 'NA', 'UNKNOWN'] as const;

/** `code_verification_status`: the OpenAPI file's two values plus those Meta's pages list. */
export const CODE_VERIFICATION_STATUSES = ['VERIFIED', 'UNVERIFIED', 'NOT_VERIFIED', 'EXPIRED'] as const;

/**
 * `whatsapp_business_manager_messaging_limit` (Meta's messaging-limits page), with the older
 * tiers still seen on some numbers. The deprecated `messaging_limit_tier` is never asked for.
 */
export const MESSAGING_LIMITS = ['TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED', 'TIER_50', 'TIER_1K', 'UNTIERED'] as const;

/** `throughput.level`; NOT_APPLICABLE until the number is registered on the Cloud API. */
export const THROUGHPUT_LEVELS = ['STANDARD', 'HIGH', 'NOT_APPLICABLE'] as const;

/** `platform_type`; NOT_APPLICABLE until the number is registered on the Cloud API. */
export const PLATFORM_TYPES = ['CLOUD_API', 'ON_PREMISE', 'NOT_APPLICABLE'] as const;

/** `account_mode`. */
export const ACCOUNT_MODES = ['LIVE', 'SANDBOX'] as const;

/** WhatsApp Business account `account_review_status`. */
export const ACCOUNT_REVIEW_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'RESTRICTED'] as const;

/** Business `verification_status` and the account's `business_verification_status` (Meta's OpenAPI file). */
export const BUSINESS_VERIFICATION_STATUSES = ['VERIFIED', 'UNVERIFIED', 'PENDING', 'REJECTED', 'FAILED'] as const;

/** Message template `status` (DOMAIN.md). */
export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'] as const;

/** Message template `category` (DOMAIN.md). */
export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/**
 * Business profile `vertical`: the enum of Meta's OpenAPI file for `whatsapp_business_profile`.
 * Unlike the readings above, the app sends this one, so it offers only these values.
 */
export const VERTICALS = [
  'OTHER',
  'AUTO',
  'BEAUTY',
  'APPAREL',
  'EDU',
  'ENTERTAIN',
  'EVENT_PLAN',
  'FINANCE',
  'GROCERY',
  'GOVT',
  'HOTEL',
  'HEALTH',
  'NONPROFIT',
  'PROF_SERVICES',
  'RETAIL',
  'TRAVEL',
  'RESTAURANT',
  'ALCOHOL',
  'ONLINE_GAMBLING',
  'PHYSICAL_GAMBLING',
  'OTC_DRUGS',
] as const;
export const Vertical = z.enum(VERTICALS);
export type Vertical = z.infer<typeof Vertical>;

/** Whether `value` is one of `known`: picks the label, or "Other (VALUE)" when it is not. */
export function isKnown<const K extends readonly string[]>(known: K, value: string | null | undefined): value is K[number] {
  return typeof value === 'string' && (known as readonly string[]).includes(value);
}
