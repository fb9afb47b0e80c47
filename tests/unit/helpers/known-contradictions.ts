/**
 * Where Meta's OpenAPI file (v23.0) contradicts what Meta documents elsewhere or actually sends.
 *
 * Each entry patches the document Prism checks against, derived at test time; the contract file
 * itself is never copied or changed. An entry must name its source: a contradiction nobody can
 * point to is a bug in the app or the simulator, not in the contract.
 */

/** The parts of an OpenAPI document the patches touch. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
  [key: string]: unknown;
}

export interface KnownContradiction {
  readonly id: string;
  /** JSON pointer of what is patched in the contract. */
  readonly pointer: string;
  readonly why: string;
  readonly source: string;
  readonly patch: (document: OpenApiDocument) => void;
}

function schema(document: OpenApiDocument, name: string): Record<string, unknown> {
  const found = document.components.schemas[name];
  if (!found) throw new Error(`known contradiction: the contract has no schema ${name} any more`);
  return found;
}

function addEnumValues(target: Record<string, unknown>, values: readonly string[], where: string): void {
  if (!Array.isArray(target.enum)) throw new Error(`known contradiction: ${where} is no longer an enum`);
  target.enum = [...new Set([...(target.enum as unknown[]), ...values])];
}

function property(document: OpenApiDocument, schemaName: string, name: string): Record<string, unknown> {
  const properties = schema(document, schemaName).properties as Record<string, Record<string, unknown>> | undefined;
  const found = properties?.[name];
  if (!found) throw new Error(`known contradiction: ${schemaName} has no property ${name} any more`);
  return found;
}

export const KNOWN_CONTRADICTIONS: readonly KnownContradiction[] = [
  {
    id: 'phone-status-values',
    pointer: '#/components/schemas/WhatsAppPhoneNumberStatus/enum',
    why: 'Cloud API numbers are CONNECTED or DISCONNECTED, and Meta lists further statuses; the file stops at PENDING, LINKED, UNLINKED, DELETED, MIGRATED, BANNED, RESTRICTED.',
    source: "Meta's phone number reference (WhatsAppBusinessPhoneNumber status) and DOMAIN.md",
    patch: (document) => addEnumValues(schema(document, 'WhatsAppPhoneNumberStatus'), ['CONNECTED', 'DISCONNECTED', 'RATE_LIMITED', 'FLAGGED', 'UNVERIFIED', 'UNKNOWN'], 'WhatsAppPhoneNumberStatus'),
  },
  {
    id: 'code-verification-values',
    pointer: '#/components/schemas/WhatsAppCodeVerificationStatus/enum',
    why: 'Meta answers NOT_VERIFIED (and EXPIRED) where this schema lists only VERIFIED and UNVERIFIED; the same file uses NOT_VERIFIED in WhatsAppCodeVerificationStatus_1.',
    source: "Meta's phone number reference (code_verification_status) and the contract's own WhatsAppCodeVerificationStatus_1",
    patch: (document) => addEnumValues(schema(document, 'WhatsAppCodeVerificationStatus'), ['NOT_VERIFIED', 'EXPIRED'], 'WhatsAppCodeVerificationStatus'),
  },
  {
    id: 'template-status-values',
    pointer: '#/components/schemas/MessageTemplate/properties/status/enum',
    why: 'A template read through its account can be PAUSED, IN_APPEAL, PENDING_DELETION, DELETED, LIMIT_EXCEEDED or ARCHIVED; this schema lists four statuses.',
    source: "Meta's message template reference (status) and DOMAIN.md",
    patch: (document) => addEnumValues(property(document, 'MessageTemplate', 'status'), ['PAUSED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'], 'MessageTemplate.status'),
  },
  {
    id: 'profile-description-length',
    pointer: '#/components/schemas/WhatsAppBusinessProfileUpdateRequest/properties/description/maxLength',
    why: "Meta's business profiles page allows a description of up to 512 characters; this request schema says 256. The app follows the page (PROFILE_LIMITS).",
    source: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/business-profiles',
    patch: (document) => {
      const description = property(document, 'WhatsAppBusinessProfileUpdateRequest', 'description');
      if (description.maxLength !== 256) throw new Error('known contradiction: the profile description limit of the contract changed; check it again');
      description.maxLength = 512;
    },
  },
  {
    id: 'account-edges-are-connections',
    pointer: '#/components/schemas/WhatsAppBusinessAccount/properties/phone_numbers, …/message_templates',
    why: "Field expansion (`phone_numbers.limit(100){…}`) returns each edge as a `{ data, paging }` connection, as the file's own edge answers are (WhatsAppBusinessAccountPhoneNumbersConnection); the account schema types them as bare arrays.",
    source: "Meta's Graph API field expansion guide, and the contract's GET /{WABA-ID}/phone_numbers answer",
    patch: (document) => {
      const properties = schema(document, 'WhatsAppBusinessAccount').properties as Record<string, unknown>;
      schema(document, 'WhatsAppBusinessAccountPhoneNumbersConnection');
      schema(document, 'CursorPaging');
      properties.phone_numbers = { $ref: '#/components/schemas/WhatsAppBusinessAccountPhoneNumbersConnection' };
      properties.message_templates = {
        type: 'object',
        required: ['data'],
        properties: { data: { type: 'array', items: { $ref: '#/components/schemas/MessageTemplate' } }, paging: { $ref: '#/components/schemas/CursorPaging' } },
      };
    },
  },
];
