import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Meta's OpenAPI description of the WhatsApp Business Platform, kept beside the project. */
export const CONTRACT_PATH = fileURLToPath(new URL('../../../../shared/contracts/meta-business-messaging-api_v23.0.yaml', import.meta.url));

type Schema = {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Document = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>; components: { schemas: Record<string, Schema> } };

let loaded: Document | null | undefined;

/** The parsed contract, or null when the file is not there (the tests then skip and say so). */
export function contract(): Document | null {
  if (loaded === undefined) loaded = existsSync(CONTRACT_PATH) ? (parse(readFileSync(CONTRACT_PATH, 'utf8')) as Document) : null;
  return loaded;
}

/**
 * Enum values Meta returns that the v23.0 description does not list; DOMAIN notes that the enums
 * vary between Meta's sources. Each entry is a value the sandbox sends on purpose.
 */
export const KNOWN_ENUM_GAPS: Record<string, readonly unknown[]> = {
  // Meta's phone-number reference documents TIER_2K (and the 2,000 messaging limit); the contract stops at TIER_1K/TIER_10K.
  messaging_limit_tier: ['TIER_2K'],
  // Phone numbers: Meta's reference returns CONNECTED/DISCONNECTED for Cloud API numbers, the
  // contract lists LINKED/UNLINKED. Templates: Meta documents PAUSED and others beyond the four.
  status: ['CONNECTED', 'DISCONNECTED', 'PAUSED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED', 'ARCHIVED'],
  // The contract's code_verification_status enum has UNVERIFIED; Meta's reference returns NOT_VERIFIED.
  code_verification_status: ['NOT_VERIFIED', 'EXPIRED'],
};

function resolve(schema: Schema, doc: Document): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(doc.components.schemas[name] ?? {}, doc);
}

/**
 * Checks a value against a JSON Schema subset (type, required, properties, items, enum, allOf).
 * Returns every problem found with its path; additional properties are allowed, as in Graph.
 */
export function validate(value: unknown, schema: Schema, doc: Document, path = '$', enumGaps: readonly unknown[] = []): string[] {
  const resolved = resolve(schema, doc);
  const problems: string[] = [];
  for (const part of resolved.allOf ?? []) problems.push(...validate(value, part, doc, path));
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (alternatives && !alternatives.some((part) => validate(value, part, doc, path).length === 0)) problems.push(`${path}: matches none of the alternatives`);
  if (resolved.enum && !resolved.enum.includes(value) && !enumGaps.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(resolved.enum)}`);
  switch (resolved.type) {
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...problems, `${path}: expected an object`];
      for (const key of resolved.required ?? []) if (!(key in value)) problems.push(`${path}.${key}: required`);
      for (const [key, inner] of Object.entries(resolved.properties ?? {})) {
        if (key in value) problems.push(...validate((value as Record<string, unknown>)[key], inner, doc, `${path}.${key}`, KNOWN_ENUM_GAPS[key] ?? []));
      }
      break;
    case 'array':
      if (!Array.isArray(value)) return [...problems, `${path}: expected an array`];
      value.forEach((item, index) => problems.push(...(resolved.items ? validate(item, resolved.items, doc, `${path}[${index}]`, enumGaps) : [])));
      break;
    case 'string':
      if (typeof value !== 'string') problems.push(`${path}: expected a string`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${path}: expected an integer`);
      break;
    case 'number':
      if (typeof value !== 'number') problems.push(`${path}: expected a number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${path}: expected a boolean`);
      break;
    default:
      break;
  }
  return problems;
}

/** The JSON schema of an operation's success answer, e.g. ('/{Version}/{WABA-ID}/phone_numbers', 'get'). */
export function successSchema(doc: Document, path: string, method: string): Schema | null {
  const responses = doc.paths[path]?.[method]?.responses ?? {};
  const ok = responses['200'] ?? responses['201'];
  return ok?.content?.['application/json']?.schema ?? null;
}
