import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';

/**
 * The Meta simulator's world: people, business portfolios, WhatsApp Business Accounts,
 * phone numbers, templates and the tokens handed out. In memory, seeded the same way at every
 * start, so a demo or a test always begins from the same state.
 */

/**
 * The permissions the wizard asks for.
 *
 * A Login for Business configuration (`config_id`) stands for these, as the configuration the
 * organisation sets up in its App Dashboard would.
 */
export const SIMULATOR_SCOPES = ['business_management', 'whatsapp_business_management', 'whatsapp_business_messaging'] as const;

/** Review states of a display name (`name_status`), as Meta lists them. */
export const NAME_STATUSES = ['APPROVED', 'AVAILABLE_WITHOUT_REVIEW', 'DECLINED', 'EXPIRED', 'PENDING_REVIEW', 'NONE'] as const;
/** States of a phone number (`status`): the contract's and those Meta's phone-number reference adds. */
export const PHONE_STATUSES = ['CONNECTED', 'DISCONNECTED', 'PENDING', 'DELETED', 'MIGRATED', 'BANNED', 'RESTRICTED', 'RATE_LIMITED', 'FLAGGED', 'UNVERIFIED', 'UNKNOWN'] as const;
/** Quality ratings of a phone number (`quality_rating`). */
export const QUALITY_RATINGS = ['GREEN', 'YELLOW', 'RED', 'NA', 'UNKNOWN'] as const;
/** States of a message template, as Meta's template webhook reference lists them. */
export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'] as const;
/** Why a template was rejected (`rejected_reason`), as Meta's template webhook reference lists them; NONE is no reason. */
export const REJECTION_REASONS = ['NONE', 'ABUSIVE_CONTENT', 'CATEGORY_NOT_AVAILABLE', 'INCORRECT_CATEGORY', 'INVALID_FORMAT', 'PROMOTIONAL', 'SCAM', 'TAG_CONTENT_MISMATCH'] as const;

export type NameStatus = (typeof NAME_STATUSES)[number];
export type PhoneStatus = (typeof PHONE_STATUSES)[number];
export type QualityRating = (typeof QUALITY_RATINGS)[number];
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * A seeded person who can log in to the simulated dialog.
 *
 * Permissions are remembered per person, as Meta remembers them per app and user, so declining
 * one and re-asking behaves as it does live.
 */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Business portfolios this person has a role in. */
  readonly businesses: readonly string[];
  /** Per permission: granted or declined, as Meta remembers it per app and user. */
  readonly permissions: Map<string, 'granted' | 'declined'>;
}

/**
 * A business portfolio (Business Manager).
 *
 * The root of everything the wizard reads: WABAs are reached only through a portfolio the
 * person has a role in.
 */
export interface Business {
  readonly id: string;
  /** Changeable from the rehearsal page, so a demo shows the admin's own business. */
  name: string;
  readonly verification_status: 'verified' | 'pending' | 'not_verified';
  /** A number on the Business node (the contract's type), a string on the WABA node. */
  readonly timezone_id: number;
  /**
   * The portfolio's messaging limit (`whatsapp_business_manager_messaging_limit` on its numbers):
   * Meta counts it per business portfolio, not per number.
   */
  readonly messaging_limit: string;
}

/**
 * A WhatsApp Business Account, owned by or shared with (client) a portfolio.
 *
 * `subscribed` is whether the app is subscribed to its webhooks (`subscribed_apps`).
 */
export interface Waba {
  readonly id: string;
  readonly business: string;
  readonly ownership: 'owned' | 'client';
  name: string;
  readonly account_review_status: 'APPROVED' | 'PENDING' | 'REJECTED';
  readonly business_verification_status: 'VERIFIED' | 'PENDING' | 'UNVERIFIED';
  readonly currency: string;
  readonly timezone_id: string;
  readonly message_template_namespace: string;
  subscribed: boolean;
}

/**
 * A WhatsApp business phone number and its registration state.
 *
 * Mutable: requesting and verifying a code, registering and editing the profile change it the
 * way the real calls change a number at Meta.
 */
export interface Phone {
  readonly id: string;
  readonly waba: string;
  /** Changeable from the rehearsal page, so a demo runs on the admin's own number. */
  display_phone_number: string;
  verified_name: string;
  name_status: NameStatus;
  status: PhoneStatus;
  quality_rating: QualityRating;
  /** Deprecated by Meta in favour of the portfolio's limit; still answered, never asked by the app. */
  messaging_limit_tier: string;
  code_verification_status: 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED';
  platform_type: 'CLOUD_API' | 'NOT_APPLICABLE';
  /** Two-step verification PIN once registered. */
  pin: string | null;
  /** The last code sent by SMS or voice, shown on the simulator's phone page. */
  lastCode: { code: string; method: 'SMS' | 'VOICE'; sentAt: Date } | null;
  wrongCodeAttempts: number;
  registerCalls: Date[];
  profile: {
    about: string;
    address: string;
    description: string;
    email: string;
    websites: string[];
    vertical: string;
    profile_picture_url: string;
  };
}

/**
 * A message template of a WABA.
 *
 * Seeded in every status the wizard must explain, including a rejected one with its reason.
 */
export interface Template {
  readonly id: string;
  readonly waba: string;
  readonly name: string;
  readonly language: string;
  readonly category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  /** Changeable from the rehearsal page and the tests, as Meta's review changes it. */
  status: TemplateStatus;
  /** Absent or NONE: no reason. */
  rejected_reason?: RejectionReason;
  readonly components: readonly Record<string, unknown>[];
}

/** A token the dialog handed out, known by its hash: the simulator never keeps the token itself. */
export interface Token {
  readonly person: string;
  readonly expiresAt: Date;
  /** Set by the fault switchboard or by DELETE /me/permissions: Meta's 190 subcode. */
  invalid: number | null;
}

/**
 * A one-time authorization code of the PKCE flow, waiting to be exchanged.
 *
 * Bound to the client, redirect URI and S256 challenge of its dialog, like Meta's.
 */
export interface PendingCode {
  readonly person: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly createdAt: Date;
  used: boolean;
}

/**
 * The whole simulated Meta.
 *
 * One object so that tests can inspect what a call changed and the app can save it between runs.
 */
export interface World {
  readonly people: Person[];
  readonly businesses: Business[];
  readonly wabas: Waba[];
  readonly phones: Phone[];
  readonly templates: Template[];
  /** Keyed by tokenHash(token). */
  readonly tokens: Map<string, Token>;
  readonly codes: Map<string, PendingCode>;
}

/** How the simulator recognises a token without storing it (the way a real server would). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A new user access token.
 *
 * Looks like Meta's (starts with EAA, long, alphanumeric), so redaction and parsing are
 * exercised on realistic values.
 */
export function newToken(): string {
  return `EAA${randomBytes(60).toString('base64url').replace(/[-_]/g, 'Z')}`;
}

/**
 * A new one-time authorization code.
 *
 * Long base64url, like Meta's codes, unguessable.
 */
export function newCode(): string {
  return randomBytes(48).toString('base64url');
}

/** A number as Meta has it right after it was added: pending, not verified, not registered. */
export function pendingPhone(fields: Pick<Phone, 'id' | 'waba' | 'display_phone_number' | 'verified_name'> & Partial<Phone>): Phone {
  return {
    name_status: 'PENDING_REVIEW',
    status: 'PENDING',
    quality_rating: 'NA',
    messaging_limit_tier: 'TIER_250',
    code_verification_status: 'NOT_VERIFIED',
    platform_type: 'NOT_APPLICABLE',
    pin: null,
    lastCode: null,
    wrongCodeAttempts: 0,
    registerCalls: [],
    profile: { about: '', address: '', description: '', email: '', websites: [], vertical: 'OTHER', profile_picture_url: '' },
    ...fields,
  };
}

const profile = (about: string): Phone['profile'] => ({
  about,
  address: '12 rue de la Paix, 75002 Paris',
  description: 'Customer service for Contoso customers in France.',
  email: 'support@contoso.example',
  websites: ['https://www.contoso.example/'],
  vertical: 'PROF_SERVICES',
  profile_picture_url: '',
});

/**
 * The simulated Meta as every fresh start sees it.
 *
 * Two portfolios, an approved WABA with a connected number and a pending one, a client WABA,
 * and templates in every status: the situations the wizard must show.
 */
export function seedWorld(): World {
  const everything = (): Map<string, 'granted' | 'declined'> => new Map();
  return {
    people: [
      { id: '10001', name: 'Camille Martin', email: 'camille.martin@contoso.example', businesses: ['200000000000001', '200000000000002'], permissions: everything() },
      { id: '10002', name: 'Alex Tremblay', email: 'alex.tremblay@fabrikam.example', businesses: ['200000000000002'], permissions: everything() },
    ],
    businesses: [
      { id: '200000000000001', name: 'Contoso Contact Center', verification_status: 'verified', timezone_id: 71, messaging_limit: 'TIER_2K' },
      { id: '200000000000002', name: 'Fabrikam Services', verification_status: 'pending', timezone_id: 89, messaging_limit: 'TIER_250' },
    ],
    wabas: [
      {
        id: '300000000000001',
        business: '200000000000001',
        ownership: 'owned',
        name: 'Contoso Support',
        account_review_status: 'APPROVED',
        business_verification_status: 'VERIFIED',
        currency: 'EUR',
        timezone_id: '71',
        message_template_namespace: 'c0a1b2c3_d4e5_4f60_8a9b_0c1d2e3f4a5b',
        subscribed: true,
      },
      {
        id: '300000000000002',
        business: '200000000000002',
        ownership: 'client',
        name: 'Fabrikam Helpdesk',
        account_review_status: 'PENDING',
        business_verification_status: 'PENDING',
        currency: 'CAD',
        timezone_id: '89',
        message_template_namespace: 'f9e8d7c6_b5a4_4321_9f8e_7d6c5b4a3f2e',
        subscribed: false,
      },
    ],
    phones: [
      {
        id: '400000000000001',
        waba: '300000000000001',
        display_phone_number: '+33 7 48 11 15 24',
        verified_name: 'Contoso Support',
        name_status: 'APPROVED',
        status: 'CONNECTED',
        quality_rating: 'GREEN',
        messaging_limit_tier: 'TIER_2K',
        code_verification_status: 'VERIFIED',
        platform_type: 'CLOUD_API',
        pin: '246810',
        lastCode: null,
        wrongCodeAttempts: 0,
        registerCalls: [],
        profile: profile('Contoso customer service, Monday to Friday 8:00-20:00.'),
      },
      pendingPhone({
        id: '400000000000002',
        waba: '300000000000001',
        display_phone_number: '+33 1 84 88 00 42',
        verified_name: 'Contoso Ventes',
        profile: profile('Contoso sales.'),
      }),
    ],
    templates: [
      {
        id: '500000000000001',
        waba: '300000000000001',
        name: 'hello_world',
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        components: [{ type: 'BODY', text: 'Hello {{1}}, thank you for contacting Contoso.' }],
      },
      {
        id: '500000000000002',
        waba: '300000000000001',
        name: 'suivi_commande',
        language: 'fr',
        category: 'UTILITY',
        status: 'APPROVED',
        components: [{ type: 'BODY', text: 'Bonjour {{1}}, votre commande {{2}} est en route.' }],
      },
      {
        id: '500000000000003',
        waba: '300000000000001',
        name: 'rappel_rendez_vous',
        language: 'fr',
        category: 'UTILITY',
        status: 'PENDING',
        components: [{ type: 'BODY', text: 'Rappel : rendez-vous le {{1}} à {{2}}.' }],
      },
      {
        id: '500000000000004',
        waba: '300000000000001',
        name: 'black_friday_promo',
        language: 'en_US',
        category: 'UTILITY',
        status: 'REJECTED',
        rejected_reason: 'INCORRECT_CATEGORY',
        components: [{ type: 'BODY', text: 'Save 50% on everything this Friday only!' }],
      },
      {
        id: '500000000000005',
        waba: '300000000000001',
        name: 'login_code',
        language: 'en_US',
        category: 'AUTHENTICATION',
        status: 'PAUSED',
        components: [{ type: 'BODY', text: '{{1}} is your verification code.' }],
      },
      {
        id: '500000000000006',
        waba: '300000000000001',
        name: 'old_newsletter',
        language: 'fr',
        category: 'MARKETING',
        status: 'DISABLED',
        components: [{ type: 'BODY', text: 'Découvrez nos nouveautés.' }],
      },
    ],
    tokens: new Map(),
    codes: new Map(),
  };
}

const SavedDate = z.iso.datetime().transform((value) => new Date(value));
const SavedPhone = z.object({
  id: z.string(),
  waba: z.string(),
  display_phone_number: z.string(),
  verified_name: z.string(),
  name_status: z.enum(NAME_STATUSES),
  status: z.enum(PHONE_STATUSES),
  quality_rating: z.enum(QUALITY_RATINGS),
  messaging_limit_tier: z.string(),
  code_verification_status: z.enum(['VERIFIED', 'NOT_VERIFIED', 'EXPIRED']),
  platform_type: z.enum(['CLOUD_API', 'NOT_APPLICABLE']),
  pin: z.string().nullable(),
  lastCode: z.object({ code: z.string(), method: z.enum(['SMS', 'VOICE']), sentAt: SavedDate }).nullable(),
  wrongCodeAttempts: z.number(),
  registerCalls: z.array(SavedDate),
  profile: z.object({
    about: z.string(),
    address: z.string(),
    description: z.string(),
    email: z.string(),
    websites: z.array(z.string()),
    vertical: z.string(),
    profile_picture_url: z.string(),
  }),
});
const SavedCommon = {
  people: z.array(z.object({ id: z.string(), permissions: z.array(z.tuple([z.string(), z.enum(['granted', 'declined'])])) })),
  phones: z.array(SavedPhone),
  tokens: z.array(z.tuple([z.string().regex(/^[0-9a-f]{64}$/), z.object({ person: z.string(), expiresAt: SavedDate, invalid: z.number().nullable() })])),
};
/** Version 1: permissions, subscriptions, numbers and sessions. */
const SavedWorldV1 = z.object({ version: z.literal(1), wabas: z.array(z.object({ id: z.string(), subscribed: z.boolean() })), ...SavedCommon });
/** Version 2 adds what the rehearsal page changes: business and account names, template reviews. */
const SavedWorldV2 = z.object({
  version: z.literal(2),
  businesses: z.array(z.object({ id: z.string(), name: z.string().min(1) })),
  wabas: z.array(z.object({ id: z.string(), name: z.string().min(1), subscribed: z.boolean() })),
  templates: z.array(z.object({ id: z.string(), status: z.enum(TEMPLATE_STATUSES), rejected_reason: z.enum(REJECTION_REASONS).nullable() })),
  ...SavedCommon,
});
const SavedWorld = z.discriminatedUnion('version', [SavedWorldV1, SavedWorldV2]);

/** The version {@link serializeWorld} writes; {@link restoreWorld} also reads every earlier one. */
export const WORLD_VERSION = 2;

/**
 * The simulated Meta's state as JSON, so a demo survives a restart of the app: permissions given,
 * numbers added and verified, sessions still valid, and what the rehearsal page changed (names,
 * template reviews). Tokens appear only as hashes; one-time login codes (valid ten minutes) are
 * not kept.
 */
export function serializeWorld(world: World): string {
  return JSON.stringify({
    version: WORLD_VERSION,
    people: world.people.map((person) => ({ id: person.id, permissions: [...person.permissions] })),
    businesses: world.businesses.map((business) => ({ id: business.id, name: business.name })),
    wabas: world.wabas.map((waba) => ({ id: waba.id, name: waba.name, subscribed: waba.subscribed })),
    phones: world.phones,
    templates: world.templates.map((template) => ({ id: template.id, status: template.status, rejected_reason: template.rejected_reason ?? null })),
    tokens: [...world.tokens],
  });
}

/** A seeded world with a saved state laid over it; throws when the text is not a saved state. */
export function restoreWorld(text: string): World {
  const saved = SavedWorld.parse(JSON.parse(text));
  const world = seedWorld();
  for (const person of world.people) {
    const kept = saved.people.find((candidate) => candidate.id === person.id);
    for (const [scope, status] of kept?.permissions ?? []) person.permissions.set(scope, status);
  }
  for (const waba of world.wabas) waba.subscribed = saved.wabas.find((candidate) => candidate.id === waba.id)?.subscribed ?? waba.subscribed;
  if (saved.version === 2) {
    for (const waba of world.wabas) waba.name = saved.wabas.find((candidate) => candidate.id === waba.id)?.name ?? waba.name;
    for (const business of world.businesses) business.name = saved.businesses.find((candidate) => candidate.id === business.id)?.name ?? business.name;
    for (const template of world.templates) {
      const kept = saved.templates.find((candidate) => candidate.id === template.id);
      if (!kept) continue;
      template.status = kept.status;
      if (kept.rejected_reason === null) delete template.rejected_reason;
      else template.rejected_reason = kept.rejected_reason;
    }
  }
  world.phones.splice(0, world.phones.length, ...saved.phones);
  for (const [hash, token] of saved.tokens) world.tokens.set(hash, token);
  return world;
}
