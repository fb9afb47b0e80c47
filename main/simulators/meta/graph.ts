import { randomBytes, randomInt } from 'node:crypto';
import { VERTICALS as CONTRACT_VERTICALS } from '../../../shared/model/meta/values';
import { FieldsSyntaxError, formatFields, parseFields, type FieldSpec } from './fields';
import { pendingPhone, tokenHash, type Business, type Person, type Phone, type Template, type Token, type Waba, type World } from './world';

/** An answer from the simulated Graph API. */
export interface GraphAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** The parts of a Graph request the simulator needs, already parsed. */
export interface GraphCall {
  readonly method: string;
  /** Path segments after the version: `['me', 'permissions']`, `['300…', 'phone_numbers']`. */
  readonly segments: readonly string[];
  readonly params: URLSearchParams;
  readonly token: string | null;
  readonly now: Date;
  /**
   * `http://127.0.0.1:<port>/v26.0`: where `paging.next` and `paging.previous` point, as Meta's
   * point at graph.facebook.com and the version called.
   */
  readonly base?: string;
}

/** Armed one-shot faults that concern a single endpoint. */
export interface EndpointFaults {
  take(kind: 'wrongCode' | 'alreadyOnWhatsApp' | 'pinMismatch' | 'tooManyCodeRequests' | 'recentlyDeleted' | 'registerLimit'): boolean;
}

const REGISTER_LIMIT = 10;
const REGISTER_WINDOW_MS = 72 * 3600_000;
/**
 * Wrong codes the simulator accepts before it refuses every check until a new code is requested.
 *
 * The simulator's own number: Meta blocks further attempts after several wrong codes without
 * publishing how many, so the app must never show this figure as Meta's.
 */
export const SIMULATOR_CODE_ATTEMPTS = 5;

/** Meta's error body; every simulated failure uses it. */
export function metaError(status: number, code: number, message: string, extra: { subcode?: number; title?: string; userMessage?: string; type?: string; transient?: boolean } = {}): GraphAnswer {
  return {
    status,
    body: {
      error: {
        message,
        type: extra.type ?? 'OAuthException',
        code,
        ...(extra.subcode !== undefined ? { error_subcode: extra.subcode } : {}),
        ...(extra.transient !== undefined ? { is_transient: extra.transient } : {}),
        ...(extra.title ? { error_user_title: extra.title } : {}),
        ...(extra.userMessage ? { error_user_msg: extra.userMessage } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  };
}

/** A refusal found deep in rendering an answer (an unknown field): answered as it is. */
class GraphRefusal extends Error {
  constructor(readonly answer: GraphAnswer) {
    super('graph refusal');
  }
}

const ok = (body: unknown): GraphAnswer => ({ status: 200, body });
const notFound = (id: string) =>
  metaError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33, type: 'GraphMethodException' });
const missingPermission = (permission: string) => metaError(403, 200, `(#200) Requires ${permission} permission to manage the object`);
/** Graph's refusal of a parameter, worded the way its (#100) messages are. */
const invalidParameter = (message: string) => metaError(400, 100, `(#100) ${message}`, { type: 'OAuthException' });

/**
 * What the simulator answers for one kind of Graph node.
 *
 * `shape` gives every field the simulator knows a value for; `absent` names fields Meta has on
 * the node that the simulator leaves empty (asked for, they are left out, as Graph leaves out
 * empty fields); any other field is refused the way Graph refuses it. `edges` are the lists that
 * field expansion turns into `{data, paging}` connections.
 */
interface NodeType<T> {
  readonly type: string;
  shape(item: T): Record<string, unknown>;
  readonly absent: readonly string[];
  edges?(item: T): Readonly<Record<string, Edge>>;
}

/** A list under a node: its address (for `paging.next`) and how to render a slice of it. */
interface Edge {
  readonly path: string;
  readonly size: number;
  render(start: number, end: number, specs: readonly FieldSpec[] | null, context: RenderContext): Record<string, unknown>[];
}

/** What rendering needs to write `paging.next` addresses. */
interface RenderContext {
  readonly base: string;
  readonly token: string | null;
}

function edge<T>(path: string, items: readonly T[], node: NodeType<T>): Edge {
  return { path, size: items.length, render: (start, end, specs, context) => items.slice(start, end).map((item) => project(node, item, specs, context)) };
}

/** Keeps the asked keys of a plain value (an object, or each object of an array). */
function pickValue(value: unknown, specs: readonly FieldSpec[]): unknown {
  if (Array.isArray(value)) return value.map((item) => pickValue(item, specs));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const spec of specs) if (record[spec.name] !== undefined) picked[spec.name] = spec.children ? pickValue(record[spec.name], spec.children) : record[spec.name];
  return picked;
}

/**
 * One node as Graph answers it: every field without `fields`, else the asked ones (plus `id`),
 * edges expanded into connections with their own `.limit()` and sub-fields.
 */
function project<T>(node: NodeType<T>, item: T, specs: readonly FieldSpec[] | null, context: RenderContext): Record<string, unknown> {
  const values = node.shape(item);
  if (specs === null) return values;
  const edges = node.edges?.(item) ?? {};
  const answer: Record<string, unknown> = {};
  for (const spec of specs) {
    const list = edges[spec.name];
    if (list) {
      answer[spec.name] = connection(list, { limit: spec.modifiers.get('limit') ?? null, after: spec.modifiers.get('after') ?? null, before: spec.modifiers.get('before') ?? null }, spec.children, context);
    } else if (spec.name in values) {
      const value = values[spec.name];
      if (value !== undefined) answer[spec.name] = spec.children ? pickValue(value, spec.children) : value;
    } else if (!node.absent.includes(spec.name)) {
      throw new GraphRefusal(invalidParameter(`Tried accessing nonexisting field (${spec.name}) on node type (${node.type})`));
    }
  }
  return values.id === undefined ? answer : { ...answer, id: values.id };
}

const cursor = (position: number) => Buffer.from(String(position)).toString('base64url');
const position = (value: string | null) => (value ? Number(Buffer.from(value, 'base64url').toString()) : NaN);

/**
 * A `{data, paging}` connection: `limit` (25 by default, 1 to 100), `after` and `before` cursors
 * (base64 of a position), and `paging.next` / `paging.previous` only when there is more that
 * way, as Graph does. Those addresses carry the token and the same fields, as Meta's do.
 */
function connection(list: Edge, options: { limit: string | null; after: string | null; before: string | null }, specs: readonly FieldSpec[] | null, context: RenderContext, extra: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const limit = Math.min(Math.max(Number(options.limit) || 25, 1), 100);
  const after = position(options.after);
  const before = position(options.before);
  const start = Number.isInteger(after) ? after + 1 : Number.isInteger(before) ? Math.max(before - limit, 0) : 0;
  const end = Math.min(start + limit, list.size);
  const data = start < end ? list.render(start, end, specs, context) : [];
  if (data.length === 0) return { data };
  const address = (direction: 'after' | 'before', at: string) => {
    const query = new URLSearchParams();
    if (context.token) query.set('access_token', context.token);
    if (specs !== null) query.set('fields', formatFields(specs));
    for (const [key, value] of Object.entries(extra)) query.set(key, value);
    query.set('limit', String(limit));
    query.set(direction, at);
    return `${context.base}/${list.path}?${query}`;
  };
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end - 1) } };
  if (start > 0) paging.previous = address('before', cursor(start));
  if (end < list.size) paging.next = address('after', cursor(end - 1));
  return { data, paging };
}

/** A list endpoint called directly (`GET /{id}/<edge>`), with the call's own paging and fields. */
function listAnswer(list: Edge, call: GraphCall, specs: readonly FieldSpec[] | null, extra: Readonly<Record<string, string>> = {}): GraphAnswer {
  const { params } = call;
  return ok(connection(list, { limit: params.get('limit'), after: params.get('after'), before: params.get('before') }, specs, renderContext(call), extra));
}

const renderContext = (call: GraphCall): RenderContext => ({ base: call.base ?? '', token: call.token });

const PERSON: NodeType<Person> = {
  type: 'User',
  shape: (person) => ({ id: person.id, name: person.name, email: person.email }),
  absent: ['first_name', 'last_name', 'middle_name', 'short_name', 'picture'],
};

const BUSINESS: NodeType<Business> = {
  type: 'Business',
  shape: (business) => ({ id: business.id, name: business.name, verification_status: business.verification_status, timezone_id: business.timezone_id }),
  absent: ['created_time', 'updated_time', 'link', 'primary_page', 'profile_picture_uri', 'two_factor_type', 'vertical', 'is_hidden'],
};

function wabaShape(waba: Waba): Record<string, unknown> {
  return {
    id: waba.id,
    name: waba.name,
    account_review_status: waba.account_review_status,
    business_verification_status: waba.business_verification_status,
    currency: waba.currency,
    timezone_id: waba.timezone_id,
    message_template_namespace: waba.message_template_namespace,
    ownership_type: waba.ownership === 'owned' ? 'SELF_OWNED' : 'CLIENT_OWNED',
  };
}

function phoneShape(phone: Phone, business: Business | undefined): Record<string, unknown> {
  // A number not yet registered on Cloud API has no throughput yet (DOMAIN: NOT_APPLICABLE until register).
  const registered = phone.platform_type === 'CLOUD_API';
  return {
    id: phone.id,
    display_phone_number: phone.display_phone_number,
    verified_name: phone.verified_name,
    name_status: phone.name_status,
    status: phone.status,
    quality_rating: phone.quality_rating,
    messaging_limit_tier: phone.messaging_limit_tier,
    whatsapp_business_manager_messaging_limit: business?.messaging_limit,
    code_verification_status: phone.code_verification_status,
    platform_type: phone.platform_type,
    account_mode: 'LIVE',
    throughput: { level: registered ? 'STANDARD' : 'NOT_APPLICABLE' },
  };
}

function templateShape(template: Template): Record<string, unknown> {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    components: template.components,
    rejected_reason: template.rejected_reason ?? 'NONE',
    quality_score: { score: template.status === 'APPROVED' ? 'GREEN' : 'UNKNOWN' },
  };
}

const TEMPLATE_ABSENT = ['parameter_format', 'previous_category', 'sub_category', 'library_template_name', 'correct_category', 'cta_url_link_tracking_opted_out', 'message_send_ttl_seconds'];
const PHONE_ABSENT = [
  'country_code',
  'country_dial_code',
  'unified_cert_status',
  'host_platform',
  'is_official_business_account',
  'username',
  'certificate',
  'new_certificate',
  'new_name_status',
  'last_onboarded_time',
  'is_pin_enabled',
  'health_status',
  'webhook_configuration',
  'search_visibility',
  'eligibility_for_api_business_global_search',
];
const WABA_ABSENT = ['purchase_order_number', 'audiences', 'country', 'on_behalf_of_business_info', 'schedules', 'is_enabled_for_insights', 'dcc_config', 'primary_funding_id', 'health_status', 'subscribed_apps'];

/** The node types of a world: numbers read their portfolio's messaging limit through it. */
function nodeTypes(world: World) {
  const businessOf = (waba: Waba | undefined) => world.businesses.find((business) => business.id === waba?.business);
  const phone: NodeType<Phone> = {
    type: 'WhatsAppBusinessPhoneNumber',
    shape: (item) => phoneShape(item, businessOf(world.wabas.find((waba) => waba.id === item.waba))),
    absent: PHONE_ABSENT,
  };
  const template: NodeType<Template> = { type: 'WhatsAppMessageTemplate', shape: templateShape, absent: TEMPLATE_ABSENT };
  const waba: NodeType<Waba> = {
    type: 'WhatsAppBusinessAccount',
    shape: wabaShape,
    absent: WABA_ABSENT,
    edges: (item) => ({
      phone_numbers: edge(`${item.id}/phone_numbers`, world.phones.filter((candidate) => candidate.waba === item.id), phone),
      message_templates: edge(`${item.id}/message_templates`, world.templates.filter((candidate) => candidate.waba === item.id), template),
    }),
  };
  const business: NodeType<Business> = {
    ...BUSINESS,
    edges: (item) => ({
      owned_whatsapp_business_accounts: edge(`${item.id}/owned_whatsapp_business_accounts`, world.wabas.filter((candidate) => candidate.business === item.id && candidate.ownership === 'owned'), waba),
      client_whatsapp_business_accounts: edge(`${item.id}/client_whatsapp_business_accounts`, world.wabas.filter((candidate) => candidate.business === item.id && candidate.ownership === 'client'), waba),
    }),
  };
  return { phone, template, waba, business };
}

/**
 * Graph endpoints the wizard uses, with Meta's shapes (see the contract file) and rules:
 * objects visible only through the person's business roles, permissions checked, the
 * contract's request patterns enforced with Graph's error 100, `fields` read with Graph's syntax
 * (field expansion included), register limited to 10 calls per 72 hours, verification codes
 * that can be wrong and lock.
 */
export function answerGraph(world: World, call: GraphCall, faults: EndpointFaults): GraphAnswer {
  const token: Token | undefined = call.token ? world.tokens.get(tokenHash(call.token)) : undefined;
  if (!token) return metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
  if (token.invalid !== null) {
    const message = token.invalid === 463 ? 'Error validating access token: Session has expired.' : 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.';
    return metaError(401, 190, message, { subcode: token.invalid });
  }
  if (token.expiresAt.getTime() <= call.now.getTime()) return metaError(401, 190, 'Error validating access token: Session has expired.', { subcode: 463 });
  const person = world.people.find((candidate) => candidate.id === token.person);
  if (!person) return metaError(401, 190, 'Invalid OAuth access token');

  const asked = call.params.get('fields');
  let specs: FieldSpec[] | null = null;
  try {
    specs = asked === null ? null : parseFields(asked);
  } catch (error) {
    if (error instanceof FieldsSyntaxError) return metaError(400, 2500, error.message);
    throw error;
  }
  try {
    return answerPath(world, call, person, specs, faults);
  } catch (error) {
    if (error instanceof GraphRefusal) return error.answer;
    throw error;
  }
}

function answerPath(world: World, call: GraphCall, person: Person, specs: FieldSpec[] | null, faults: EndpointFaults): GraphAnswer {
  const granted = (permission: string) => person.permissions.get(permission) === 'granted';
  const [first = '', second] = call.segments;
  const { method } = call;
  const nodes = nodeTypes(world);
  const context = renderContext(call);

  if (first === 'me') {
    if (!second && method === 'GET') return ok(project(PERSON, person, specs, context));
    if (second === 'permissions' && method === 'GET') return ok({ data: [...person.permissions].map(([permission, status]) => ({ permission, status })) });
    if (second === 'permissions' && method === 'DELETE') {
      person.permissions.clear();
      for (const other of world.tokens.values()) if (other.person === person.id) other.invalid = 460;
      return ok({ success: true });
    }
    if (second === 'businesses' && method === 'GET') {
      if (!granted('business_management')) return missingPermission('business_management');
      const mine = world.businesses.filter((business) => person.businesses.includes(business.id));
      return listAnswer(edge('me/businesses', mine, BUSINESS), call, specs);
    }
    return metaError(400, 100, `Unknown path components: /${call.segments.join('/')}`);
  }

  const business = world.businesses.find((candidate) => candidate.id === first);
  if (business) {
    if (!person.businesses.includes(business.id)) return notFound(first);
    if (!granted('business_management')) return missingPermission('business_management');
    if (!second && method === 'GET') return ok(project(nodes.business, business, specs, context));
    const list = second ? nodes.business.edges?.(business)[second] : undefined;
    if (list && method === 'GET') return listAnswer(list, call, specs);
    return metaError(400, 100, `Unsupported ${method.toLowerCase()} request.`);
  }

  const waba = world.wabas.find((candidate) => candidate.id === first);
  if (waba) {
    if (!person.businesses.includes(waba.business)) return notFound(waba.id);
    if (!granted('whatsapp_business_management')) return missingPermission('whatsapp_business_management');
    return answerWaba(world, call, waba, specs, faults);
  }

  const phone = world.phones.find((candidate) => candidate.id === first);
  if (phone) {
    const owner = world.wabas.find((candidate) => candidate.id === phone.waba);
    if (!owner || !person.businesses.includes(owner.business)) return notFound(first);
    if (!granted('whatsapp_business_management')) return missingPermission('whatsapp_business_management');
    if (!second && method === 'GET') return ok(project(nodes.phone, phone, specs, context));
    return answerPhone(call, phone, specs, faults, second);
  }
  return notFound(first);
}

/** The contract's patterns for `POST /{WABA-ID}/phone_numbers` (PhoneNumberCreateRequest). */
const NATIONAL_NUMBER = /^[1-9][0-9]{6,14}$/;
const COUNTRY_CODE = /^[0-9]{1,3}$/;

function answerWaba(world: World, call: GraphCall, waba: Waba, specs: FieldSpec[] | null, faults: EndpointFaults): GraphAnswer {
  const { method, params } = call;
  const second = call.segments[1];
  const nodes = nodeTypes(world);
  if (!second && method === 'GET') return ok(project(nodes.waba, waba, specs, renderContext(call)));
  if (second === 'phone_numbers' && method === 'GET') return listAnswer(edge(`${waba.id}/phone_numbers`, world.phones.filter((phone) => phone.waba === waba.id), nodes.phone), call, specs);
  if (second === 'phone_numbers' && method === 'POST') {
    const cc = params.get('cc') ?? '';
    const number = params.get('phone_number') ?? '';
    const name = params.get('verified_name') ?? '';
    if (!COUNTRY_CODE.test(cc)) return invalidParameter('Param cc must be the country calling code, 1 to 3 digits');
    if (!NATIONAL_NUMBER.test(number)) return invalidParameter('Param phone_number must be the number without its country code: 7 to 15 digits, not starting with 0');
    if (name.length < 2 || name.length > 75) return invalidParameter('Param verified_name must be 2 to 75 characters');
    if (faults.take('alreadyOnWhatsApp')) {
      return metaError(400, 100, 'Invalid parameter', { subcode: 2388001, title: 'Phone number already in use', userMessage: 'This phone number is already registered with a WhatsApp account. Delete that account first.' });
    }
    const display = `+${cc} ${number}`;
    if (world.phones.some((phone) => phone.display_phone_number.replace(/\D/g, '') === `${cc}${number}`)) {
      return metaError(400, 100, 'Invalid parameter', { subcode: 2388001, title: 'Phone number already in use', userMessage: 'This phone number is already on a WhatsApp Business account.' });
    }
    const id = `4000000000${String(world.phones.length + 1).padStart(5, '0')}`;
    world.phones.push(pendingPhone({ id, waba: waba.id, display_phone_number: display, verified_name: name }));
    return ok({ id });
  }
  if (second === 'message_templates' && method === 'GET') {
    const name = params.get('name');
    const status = params.get('status');
    const list = world.templates.filter((template) => template.waba === waba.id && (!name || template.name.includes(name)) && (!status || template.status === status));
    const filters = { ...(name ? { name } : {}), ...(status ? { status } : {}) };
    return listAnswer(edge(`${waba.id}/message_templates`, list, nodes.template), call, specs, filters);
  }
  if (second === 'subscribed_apps' && method === 'GET') {
    return ok({ data: waba.subscribed ? [{ whatsapp_business_api_data: { id: '100000000000001', name: 'WhatsApp Channel Setup Assistant (sandbox)', link: 'https://www.facebook.com/games/?app_id=100000000000001' } }] : [] });
  }
  if (second === 'subscribed_apps' && method === 'POST') {
    waba.subscribed = true;
    return ok({ success: true });
  }
  return metaError(400, 100, `Unsupported ${method.toLowerCase()} request.`);
}

/** The request language of `request_code`, as the contract's pattern has it (`fr_FR`, `en_US`). */
const CODE_LANGUAGE = /^[a-z]{2}_[A-Z]{2}$/;
const SIX_DIGITS = /^[0-9]{6}$/;

/**
 * Industries a business profile accepts: the contract's list, plus the empty string, UNDEFINED
 * and NOT_A_BIZ that Meta's business-profile reference also accepts.
 */
const VERTICALS = new Set<string>(['', 'UNDEFINED', 'NOT_A_BIZ', ...CONTRACT_VERTICALS]);

/**
 * Limits of the business profile's text fields, from Meta's business-profile reference
 * (developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/business-profiles):
 * About 1 to 139 characters, address 256, description 512, email 128.
 */
const PROFILE_LIMITS: readonly (readonly ['about' | 'address' | 'description' | 'email', number, number])[] = [
  ['about', 1, 139],
  ['address', 0, 256],
  ['description', 0, 512],
  ['email', 0, 128],
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE = /^https?:\/\/\S+$/i;

function answerPhone(call: GraphCall, phone: Phone, specs: FieldSpec[] | null, faults: EndpointFaults, second: string | undefined): GraphAnswer {
  const { method, params, now } = call;
  if (second === 'request_code' && method === 'POST') {
    const codeMethod = params.get('code_method');
    if (codeMethod !== 'SMS' && codeMethod !== 'VOICE') return invalidParameter('Param code_method must be one of {SMS, VOICE}');
    if (!CODE_LANGUAGE.test(params.get('language') ?? '')) return invalidParameter('Param language must be a language and region code such as en_US');
    if (faults.take('tooManyCodeRequests')) {
      return metaError(400, 136024, 'Too many code requests', { subcode: 2388091, title: 'Too many code requests', userMessage: 'A code was requested too many times for this number. Wait before requesting another one.' });
    }
    phone.lastCode = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), method: codeMethod, sentAt: now };
    phone.wrongCodeAttempts = 0;
    return ok({ success: true });
  }
  if (second === 'verify_code' && method === 'POST') {
    const code = params.get('code') ?? '';
    if (!SIX_DIGITS.test(code)) return invalidParameter('Param code must be the 6 digits of the code received');
    if (phone.wrongCodeAttempts >= SIMULATOR_CODE_ATTEMPTS) {
      return metaError(400, 136024, 'Too many attempts', { title: 'Too many attempts', userMessage: 'Request a new code and try again later.' });
    }
    if (!phone.lastCode) return metaError(400, 136025, 'Verify code error', { title: 'No code requested', userMessage: 'Request a code first.' });
    if (faults.take('wrongCode') || code !== phone.lastCode.code) {
      phone.wrongCodeAttempts += 1;
      return metaError(400, 136025, 'Verify code error', { subcode: 2388093, title: 'Wrong code', userMessage: 'The code you entered is not correct.' });
    }
    phone.code_verification_status = 'VERIFIED';
    phone.lastCode = null;
    return ok({ success: true, id: phone.id });
  }
  if (second === 'register' && method === 'POST') {
    const pin = params.get('pin') ?? '';
    if (params.get('messaging_product') !== 'whatsapp') return invalidParameter('Param messaging_product must be whatsapp');
    if (!SIX_DIGITS.test(pin)) return invalidParameter('Param pin must be 6 digits');
    const recent = phone.registerCalls.filter((at) => now.getTime() - at.getTime() < REGISTER_WINDOW_MS);
    phone.registerCalls = recent;
    if (faults.take('registerLimit') || recent.length >= REGISTER_LIMIT) {
      return metaError(400, 133016, 'Account register deregister rate limit exceeded', { title: 'Too many registrations', userMessage: 'This number was registered too many times. Try again in 72 hours.' });
    }
    phone.registerCalls.push(now);
    if (faults.take('recentlyDeleted')) {
      return metaError(400, 133015, 'The phone number you are attempting to register was recently deleted, and deletion has not yet completed.', { title: 'Number recently deleted', userMessage: 'Wait 5 minutes before trying again.' });
    }
    if (phone.code_verification_status !== 'VERIFIED') return metaError(400, 133010, 'Account not registered', { title: 'Number not verified', userMessage: 'Verify the phone number first.' });
    if (faults.take('pinMismatch') || (phone.pin !== null && phone.pin !== pin)) {
      return metaError(400, 133005, 'Two step verification PIN Mismatch', { title: 'PIN mismatch', userMessage: 'The two-step verification PIN is not the one set for this number.' });
    }
    phone.pin = pin;
    phone.status = 'CONNECTED';
    phone.platform_type = 'CLOUD_API';
    return ok({ success: true });
  }
  if (second === 'whatsapp_business_profile' && method === 'GET') {
    // Flat in data[0], with messaging_product, as Meta's business-profile reference shows it.
    const profile: NodeType<Phone['profile']> = { type: 'WhatsAppBusinessProfile', shape: (item) => ({ ...item, messaging_product: 'whatsapp' }), absent: [] };
    const item = project(profile, phone.profile, specs, renderContext(call));
    return ok({ data: [{ ...item, messaging_product: 'whatsapp' }] });
  }
  if (second === 'whatsapp_business_profile' && method === 'POST') return updateProfile(params, phone);
  return metaError(400, 100, `Unsupported ${method.toLowerCase()} request.`);
}

function updateProfile(params: URLSearchParams, phone: Phone): GraphAnswer {
  if (params.get('messaging_product') !== 'whatsapp') return invalidParameter('The parameter messaging_product is required');
  for (const [field, min, max] of PROFILE_LIMITS) {
    const value = params.get(field);
    if (value !== null && (value.length < min || value.length > max)) return invalidParameter(`Param ${field} must be ${min ? `${min} to ` : 'at most '}${max} characters`);
  }
  const email = params.get('email');
  if (email && !EMAIL.test(email)) return invalidParameter('Param email must be a valid email address');
  const vertical = params.get('vertical');
  if (vertical !== null && !VERTICALS.has(vertical)) return invalidParameter(`Param vertical must be one of {${[...VERTICALS].filter(Boolean).join(', ')}}`);
  let websites: string[] | null = null;
  const sent = params.getAll('websites');
  if (sent.length) {
    try {
      websites = sent.flatMap((value) => (value.startsWith('[') ? (JSON.parse(value) as unknown[]).map(String) : [value]));
    } catch {
      return invalidParameter('Param websites must be an array of addresses');
    }
    if (websites.length > 2) return invalidParameter('Param websites must have at most 2 addresses');
    if (websites.some((site) => site.length > 256 || !WEBSITE.test(site))) return invalidParameter('Param websites must be http:// or https:// addresses of at most 256 characters');
  }
  for (const [field] of PROFILE_LIMITS) {
    const value = params.get(field);
    if (value !== null) phone.profile[field] = value;
  }
  if (websites) phone.profile.websites = websites;
  if (vertical !== null) phone.profile.vertical = vertical;
  return ok({ success: true });
}
