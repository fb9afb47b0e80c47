import * as z from 'zod';
import { AppError } from '../../../shared/errors/index';
import type { BusinessProfile, BusinessProfileUpdate, CodeMethod, PhoneNumberReading, Portfolio, Subscription, Waba } from '../../../shared/model/meta/account';
import { GraphId, MetaEnum } from '../../../shared/model/meta/values';
import type { TemplateReading } from '../../../shared/model/templates/templates';
import type { GraphClient } from './client';
import { edge, fields } from './fields';

/**
 * Every Graph call of the Meta steps, one function each, with the schema of its answer.
 *
 * Answers are read tolerantly: Meta adds fields and enum values without notice, and its
 * reference pages, its OpenAPI file and its actual answers disagree on some of them. So an
 * enum-like field is kept as the string Meta sent (null when absent or not a plain code), a text
 * is cut to what the app stores, and only what the app cannot work without (ids) is required.
 * Each answer is mapped here onto the shared models, so no other module reads Meta's names.
 *
 * Requests follow Meta's OpenAPI file: JSON bodies, the patterns it declares, and for each list
 * `limit=100` with paging by cursor (`GraphClient.list`).
 */

/** Entries per page asked for; the OpenAPI file allows 1 to 100 on the lists that declare it. */
export const PAGE_SIZE = 100;

/** Any cancellable call. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** An enum-like value as Meta sent it, or null when absent or not a plain code. */
const enumLike = z.unknown().transform((value) => {
  if (typeof value !== 'string') return null;
  const parsed = MetaEnum.safeParse(value);
  return parsed.success ? parsed.data : null;
});

/** A text cut to `max` characters; '' when absent. */
const text = (max: number) => z.unknown().transform((value) => (typeof value === 'string' ? value.slice(0, max) : ''));

/** A text cut to `max` characters; null when absent or empty. */
const optionalText = (max: number) => z.unknown().transform((value) => (typeof value === 'string' && value !== '' ? value.slice(0, max) : null));

/** An id Meta may write as a string or a number (`timezone_id`). */
const looseId = (max: number) =>
  z.unknown().transform((value) => (typeof value === 'string' && value !== '' ? value.slice(0, max) : typeof value === 'number' && Number.isFinite(value) ? String(value) : null));

// ---------------------------------------------------------------------------------------------
// Portfolios and WhatsApp Business accounts

const BUSINESS_FIELDS = ['id', 'name', 'verification_status'] as const;

const BusinessAnswer = z.object({ id: GraphId, name: text(512), verification_status: enumLike }).transform(
  (business): Portfolio => ({ id: business.id, name: business.name, verificationStatus: business.verification_status }),
);

/**
 * E1 `GET /me/businesses`: the business portfolios the person can manage (needs
 * `business_management`). Not in Meta's OpenAPI file; documented in DOMAIN.md.
 */
export async function listBusinesses(graph: GraphClient, options: CallOptions = {}): Promise<Portfolio[]> {
  return graph.list({ path: '/me/businesses', query: { fields: fields(...BUSINESS_FIELDS), limit: String(PAGE_SIZE) }, item: BusinessAnswer, signal: options.signal });
}

const WABA_FIELDS = ['id', 'name', 'account_review_status', 'business_verification_status', 'currency', 'timezone_id', 'ownership_type'] as const;

const WabaFields = z.object({
  id: GraphId,
  name: text(512),
  account_review_status: enumLike,
  business_verification_status: enumLike,
  currency: optionalText(16),
  timezone_id: looseId(64),
});

function wabaAnswer(ownership: Waba['ownership']) {
  return WabaFields.transform(
    (waba): Waba => ({
      id: waba.id,
      name: waba.name,
      ownership,
      accountReviewStatus: waba.account_review_status,
      businessVerificationStatus: waba.business_verification_status,
      currency: waba.currency,
      timezoneId: waba.timezone_id,
    }),
  );
}

/** E2 `GET /{business-id}/owned_whatsapp_business_accounts`: the portfolio's own accounts. */
export async function listOwnedWabas(graph: GraphClient, businessId: string, options: CallOptions = {}): Promise<Waba[]> {
  return graph.list({
    path: `/${graphId(businessId)}/owned_whatsapp_business_accounts`,
    query: { fields: fields(...WABA_FIELDS), limit: String(PAGE_SIZE) },
    item: wabaAnswer('owned'),
    signal: options.signal,
  });
}

/** E3 `GET /{business-id}/client_whatsapp_business_accounts`: accounts other businesses share with the portfolio. */
export async function listClientWabas(graph: GraphClient, businessId: string, options: CallOptions = {}): Promise<Waba[]> {
  return graph.list({
    path: `/${graphId(businessId)}/client_whatsapp_business_accounts`,
    query: { fields: fields(...WABA_FIELDS), limit: String(PAGE_SIZE) },
    item: wabaAnswer('client'),
    signal: options.signal,
  });
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/**
 * The fields read for a number. `id`, `display_phone_number` and `status` are always asked for:
 * Meta's OpenAPI file requires them in the answer. The messaging limit is read from
 * `whatsapp_business_manager_messaging_limit`; `messaging_limit_tier` is deprecated (Meta's
 * messaging limits page) and never asked for.
 */
export const PHONE_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'name_status',
  'status',
  'quality_rating',
  'code_verification_status',
  'platform_type',
  'throughput',
  'account_mode',
  'whatsapp_business_manager_messaging_limit',
] as const;

const PhoneAnswer = z
  .object({
    id: GraphId,
    display_phone_number: text(64),
    verified_name: optionalText(512),
    name_status: enumLike,
    status: enumLike,
    quality_rating: enumLike,
    code_verification_status: enumLike,
    platform_type: enumLike,
    throughput: z.unknown().transform((value) => (typeof value === 'object' && value !== null ? (value as { level?: unknown }).level : undefined)).pipe(enumLike),
    account_mode: enumLike,
    whatsapp_business_manager_messaging_limit: enumLike,
  })
  .transform(
    (phone): PhoneNumberReading => ({
      id: phone.id,
      displayPhoneNumber: phone.display_phone_number,
      verifiedName: phone.verified_name,
      nameStatus: phone.name_status,
      status: phone.status,
      qualityRating: phone.quality_rating,
      messagingLimit: phone.whatsapp_business_manager_messaging_limit,
      throughputLevel: phone.throughput,
      platformType: phone.platform_type,
      codeVerificationStatus: phone.code_verification_status,
      accountMode: phone.account_mode,
    }),
  );

/** E5 `GET /{waba-id}/phone_numbers`: every number of the account. */
export async function listPhoneNumbers(graph: GraphClient, wabaId: string, options: CallOptions = {}): Promise<PhoneNumberReading[]> {
  return graph.list({ path: `/${graphId(wabaId)}/phone_numbers`, query: { fields: fields(...PHONE_FIELDS), limit: String(PAGE_SIZE) }, item: PhoneAnswer, signal: options.signal });
}

/** Meta's patterns for adding a number (PhoneNumberCreateRequest in its OpenAPI file). */
const COUNTRY_CODE = /^[0-9]{1,3}$/;
const NATIONAL_NUMBER = /^[1-9][0-9]{6,14}$/;

export interface NewPhoneNumber {
  readonly wabaId: string;
  /** Country calling code, without +: `33`. */
  readonly cc: string;
  /** The national number without its trunk prefix: `748111524`. */
  readonly phoneNumber: string;
  /** The display name, 2 to 75 characters. */
  readonly verifiedName: string;
}

/**
 * E6 `POST /{waba-id}/phone_numbers`: adds a number to the account; Meta answers its id.
 * Never repeated: the onboarding looks for the number first, so adding twice is avoided there.
 */
export async function addPhoneNumber(graph: GraphClient, number: NewPhoneNumber, options: CallOptions = {}): Promise<{ id: string }> {
  const verifiedName = number.verifiedName.trim();
  if (!COUNTRY_CODE.test(number.cc) || !NATIONAL_NUMBER.test(number.phoneNumber)) throw new AppError('meta.number.invalid');
  if (verifiedName.length < 2 || verifiedName.length > 75) throw new AppError('meta.invalidRequest', { field: 'verifiedName' });
  return graph.post({
    path: `/${graphId(number.wabaId)}/phone_numbers`,
    json: { cc: number.cc, phone_number: number.phoneNumber, verified_name: verifiedName },
    schema: z.object({ id: GraphId }).transform(({ id }) => ({ id })),
    signal: options.signal,
  });
}

const Success = z.object({ success: z.literal(true) });

/** `fr_FR`, `en_US`: the form Meta's OpenAPI file requires for the code's language. */
const CODE_LANGUAGE = /^[a-z]{2}_[A-Z]{2}$/;

/** E7 `POST /{phone-number-id}/request_code`: Meta sends a six-digit code by SMS or voice call. */
export async function requestCode(graph: GraphClient, request: { phoneNumberId: string; method: CodeMethod; language: string }, options: CallOptions = {}): Promise<void> {
  if (!CODE_LANGUAGE.test(request.language)) throw new AppError('meta.invalidRequest', { field: 'language' });
  await graph.post({ path: `/${graphId(request.phoneNumberId)}/request_code`, json: { code_method: request.method, language: request.language }, schema: Success, signal: options.signal });
}

/** E8 `POST /{phone-number-id}/verify_code`: six digits only, never repeated (Meta counts wrong codes). */
export async function verifyCode(graph: GraphClient, request: { phoneNumberId: string; code: string }, options: CallOptions = {}): Promise<void> {
  if (!/^[0-9]{6}$/.test(request.code)) throw new AppError('meta.invalidRequest', { field: 'code' });
  await graph.post({ path: `/${graphId(request.phoneNumberId)}/verify_code`, json: { code: request.code }, schema: Success, signal: options.signal });
}

/**
 * E9 `POST /{phone-number-id}/register`: puts the number on the Cloud API with its two-step
 * verification PIN. Never repeated: Meta allows 10 register calls per number in 72 hours.
 * SECURITY: the PIN goes in the JSON body only, which the client never logs.
 */
export async function register(graph: GraphClient, request: { phoneNumberId: string; pin: string }, options: CallOptions = {}): Promise<void> {
  if (!/^[0-9]{6}$/.test(request.pin)) throw new AppError('meta.invalidRequest', { field: 'pin' });
  await graph.post({ path: `/${graphId(request.phoneNumberId)}/register`, json: { messaging_product: 'whatsapp', pin: request.pin }, schema: Success, signal: options.signal });
}

// ---------------------------------------------------------------------------------------------
// Business profile

export const PROFILE_FIELDS = ['about', 'address', 'description', 'email', 'websites', 'vertical', 'profile_picture_url'] as const;

const ProfileFields = z.object({
  about: text(1024),
  address: text(1024),
  description: text(2048),
  email: text(512),
  websites: z.unknown().transform((value) =>
    Array.isArray(value)
      ? value
          .filter((site): site is string => typeof site === 'string' && site !== '')
          .slice(0, 8)
          .map((site) => site.slice(0, 1024))
      : [],
  ),
  vertical: enumLike,
  profile_picture_url: optionalText(4096),
});

/**
 * One profile entry: Meta's pages (and answers) give the fields flat, Meta's OpenAPI file nests
 * them under `business_profile`; both are read.
 */
const ProfileAnswer = z
  .object({ data: z.array(z.record(z.string(), z.unknown())) })
  .transform(({ data }) => {
    const entry = data[0] ?? {};
    const nested = entry.business_profile;
    return typeof nested === 'object' && nested !== null ? { ...entry, ...(nested as Record<string, unknown>) } : entry;
  })
  .pipe(ProfileFields)
  .transform(
    (profile): BusinessProfile => ({
      about: profile.about,
      address: profile.address,
      description: profile.description,
      email: profile.email,
      websites: profile.websites,
      vertical: profile.vertical,
      profilePictureUrl: profile.profile_picture_url,
    }),
  );

/** E10 `GET /{phone-number-id}/whatsapp_business_profile`. */
export async function readProfile(graph: GraphClient, phoneNumberId: string, options: CallOptions = {}): Promise<BusinessProfile> {
  return graph.get({ path: `/${graphId(phoneNumberId)}/whatsapp_business_profile`, query: { fields: fields(...PROFILE_FIELDS) }, schema: ProfileAnswer, signal: options.signal });
}

/**
 * E11 `POST /{phone-number-id}/whatsapp_business_profile`: sends only the fields given. The
 * update is expected already checked against `BusinessProfileUpdate` (the IPC contract does).
 */
export async function updateProfile(graph: GraphClient, phoneNumberId: string, update: BusinessProfileUpdate, options: CallOptions = {}): Promise<void> {
  const json: Record<string, unknown> = { messaging_product: 'whatsapp' };
  for (const [key, value] of Object.entries(update)) if (value !== undefined) json[key] = value;
  await graph.post({ path: `/${graphId(phoneNumberId)}/whatsapp_business_profile`, json, schema: z.object({ success: z.literal(true) }), signal: options.signal });
}

// ---------------------------------------------------------------------------------------------
// Templates and webhooks

export const TEMPLATE_FIELDS = ['id', 'name', 'language', 'status', 'category', 'rejected_reason', 'quality_score'] as const;

const TemplateAnswer = z
  .object({
    id: GraphId,
    name: text(512),
    language: text(16),
    status: enumLike,
    category: enumLike,
    rejected_reason: enumLike,
    quality_score: z.unknown().transform((value) => (typeof value === 'object' && value !== null ? (value as { score?: unknown }).score : undefined)).pipe(enumLike),
  })
  .transform(
    (template): TemplateReading => ({
      id: template.id,
      name: template.name,
      language: template.language,
      // A template always has a status and a category; one Meta did not send shows as unknown.
      status: template.status ?? 'UNKNOWN',
      category: template.category ?? 'UNKNOWN',
      qualityScore: template.quality_score,
      // Meta writes NONE when there is no reason.
      rejectedReason: template.rejected_reason === 'NONE' ? null : template.rejected_reason,
    }),
  );

/** E12 `GET /{waba-id}/message_templates`: every template of the account. */
export async function listTemplates(graph: GraphClient, wabaId: string, options: CallOptions = {}): Promise<TemplateReading[]> {
  return graph.list({ path: `/${graphId(wabaId)}/message_templates`, query: { fields: fields(...TEMPLATE_FIELDS), limit: String(PAGE_SIZE) }, item: TemplateAnswer, signal: options.signal });
}

/**
 * One subscribed app: Meta's OpenAPI file gives `{ id, name }`, Meta's answers
 * `{ whatsapp_business_api_data: { id, name, link } }`; both are read.
 */
const SubscribedApp = z.record(z.string(), z.unknown()).transform((entry) => {
  const data = entry.whatsapp_business_api_data;
  const source = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : entry;
  return typeof source.name === 'string' ? source.name.slice(0, 512) : typeof source.id === 'string' ? source.id.slice(0, 512) : '';
});

/** E13 `GET /{waba-id}/subscribed_apps`: whether an app (CXone) receives the account's webhooks. */
export async function readSubscribedApps(graph: GraphClient, wabaId: string, options: CallOptions = {}): Promise<Subscription> {
  const answer = await graph.get({ path: `/${graphId(wabaId)}/subscribed_apps`, schema: z.object({ data: z.array(SubscribedApp) }), signal: options.signal });
  return { subscribed: answer.data.length > 0, apps: answer.data.filter((name) => name !== '').slice(0, 50) };
}

// ---------------------------------------------------------------------------------------------
// The batched status read

/** The account itself, as the status read gives it. */
export interface WabaSummary {
  readonly id: string;
  readonly name: string;
  readonly accountReviewStatus: string | null;
  readonly businessVerificationStatus: string | null;
}

export interface WabaStatus {
  readonly account: WabaSummary;
  readonly numbers: PhoneNumberReading[];
  readonly templates: TemplateReading[];
}

/** An expanded edge: a connection `{ data, paging }`; absent when the account has none. */
function Connection<T>(item: z.ZodType<T>) {
  return z
    .object({ data: z.array(item), paging: z.object({ next: z.string().optional() }).optional() })
    .optional()
    .transform((connection) => ({ items: connection?.data ?? [], more: connection?.paging?.next !== undefined }));
}

const WabaStatusAnswer = z.object({
  id: GraphId,
  name: text(512),
  account_review_status: enumLike,
  business_verification_status: enumLike,
  phone_numbers: Connection(PhoneAnswer),
  message_templates: Connection(TemplateAnswer),
});

/**
 * E4 `GET /{waba-id}` with the numbers and templates expanded in place: the status board's one
 * call per cycle. When an edge holds more than one page, the rest is read through its list (E5
 * or E12), from the start so nothing is missed.
 */
export async function readWabaStatus(graph: GraphClient, wabaId: string, options: CallOptions = {}): Promise<WabaStatus> {
  const id = graphId(wabaId);
  const answer = await graph.get({
    path: `/${id}`,
    query: {
      fields: fields(
        'id',
        'name',
        'account_review_status',
        'business_verification_status',
        edge('phone_numbers', { limit: PAGE_SIZE }, PHONE_FIELDS),
        edge('message_templates', { limit: PAGE_SIZE }, TEMPLATE_FIELDS),
      ),
    },
    schema: WabaStatusAnswer,
    signal: options.signal,
  });
  const numbers = answer.phone_numbers.more ? await listPhoneNumbers(graph, id, options) : answer.phone_numbers.items;
  const templates = answer.message_templates.more ? await listTemplates(graph, id, options) : answer.message_templates.items;
  return {
    account: { id: answer.id, name: answer.name, accountReviewStatus: answer.account_review_status, businessVerificationStatus: answer.business_verification_status },
    numbers,
    templates,
  };
}

/** An id that goes into a path: digits only, so a path can never be steered elsewhere. */
function graphId(id: string): string {
  if (!GraphId.safeParse(id).success) throw new AppError('meta.invalidRequest', { field: 'id' });
  return id;
}
