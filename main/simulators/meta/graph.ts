import { randomBytes, randomInt } from 'node:crypto';
import { pendingPhone, tokenHash, type Person, type Phone, type Token, type Waba, type World } from './world';

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
}

/** Armed one-shot faults that concern a single endpoint. */
export interface EndpointFaults {
  take(kind: 'wrongCode' | 'alreadyOnWhatsApp' | 'pinMismatch'): boolean;
}

const REGISTER_LIMIT = 10;
const REGISTER_WINDOW_MS = 72 * 3600_000;
const CODE_ATTEMPTS = 5;

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

const ok = (body: unknown): GraphAnswer => ({ status: 200, body });
const notFound = (id: string) =>
  metaError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { subcode: 33, type: 'GraphMethodException' });
const missingPermission = (permission: string) => metaError(403, 200, `(#200) Requires ${permission} permission to manage the object`);

/** Keeps `fields` (plus id) when the caller asked for some, like Graph does. */
function pick(object: Record<string, unknown>, params: URLSearchParams): Record<string, unknown> {
  const fields = params.get('fields');
  if (!fields) return object;
  const wanted = new Set(['id', ...fields.split(',').map((field) => field.trim().replace(/\{.*$/, ''))]);
  return Object.fromEntries(Object.entries(object).filter(([key]) => wanted.has(key)));
}

/** Cursor paging with `limit`, `after`, `before`, cursors being base64 of the position. */
function page<T>(items: readonly T[], params: URLSearchParams, shape: (item: T) => Record<string, unknown>) {
  const limit = Math.min(Math.max(Number(params.get('limit')) || 25, 1), 100);
  const decode = (cursor: string | null) => (cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : NaN);
  const after = decode(params.get('after'));
  const before = decode(params.get('before'));
  const start = Number.isInteger(after) ? after + 1 : Number.isInteger(before) ? Math.max(before - limit, 0) : 0;
  const slice = items.slice(start, start + limit);
  const data = slice.map((item) => pick(shape(item), params));
  if (data.length === 0) return { data };
  const cursor = (position: number) => Buffer.from(String(position)).toString('base64url');
  return { data, paging: { cursors: { before: cursor(start), after: cursor(start + slice.length - 1) } } };
}

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

function phoneShape(phone: Phone): Record<string, unknown> {
  return {
    id: phone.id,
    display_phone_number: phone.display_phone_number,
    verified_name: phone.verified_name,
    name_status: phone.name_status,
    status: phone.status,
    quality_rating: phone.quality_rating,
    messaging_limit_tier: phone.messaging_limit_tier,
    code_verification_status: phone.code_verification_status,
    platform_type: phone.platform_type,
    account_mode: 'LIVE',
    throughput: { level: 'STANDARD' },
  };
}

/**
 * Graph endpoints the wizard uses, with Meta's shapes (see the contract file) and rules:
 * objects visible only through the person's business roles, permissions checked, register
 * limited to 10 calls per 72 hours, verification codes that can be wrong and lock.
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

  const granted = (permission: string) => person.permissions.get(permission) === 'granted';
  const [first = '', second, third] = call.segments;
  const { method, params } = call;

  if (first === 'me') {
    if (!second && method === 'GET') return ok(pick({ id: person.id, name: person.name, email: person.email }, params));
    if (second === 'permissions' && method === 'GET') return ok({ data: [...person.permissions].map(([permission, status]) => ({ permission, status })) });
    if (second === 'permissions' && method === 'DELETE') {
      person.permissions.clear();
      for (const other of world.tokens.values()) if (other.person === person.id) other.invalid = 460;
      return ok({ success: true });
    }
    if (second === 'businesses' && method === 'GET') {
      if (!granted('business_management')) return missingPermission('business_management');
      const mine = world.businesses.filter((business) => person.businesses.includes(business.id));
      return ok(page(mine, params, (business) => ({ id: business.id, name: business.name, verification_status: business.verification_status })));
    }
    return metaError(400, 100, `Unknown path components: /${call.segments.join('/')}`);
  }

  const business = world.businesses.find((candidate) => candidate.id === first);
  if (business) {
    if (!person.businesses.includes(business.id)) return notFound(first);
    if (!granted('business_management')) return missingPermission('business_management');
    if (!second && method === 'GET') return ok(pick({ id: business.id, name: business.name, verification_status: business.verification_status, timezone_id: business.timezone_id }, params));
    if ((second === 'owned_whatsapp_business_accounts' || second === 'client_whatsapp_business_accounts') && method === 'GET') {
      const ownership = second.startsWith('owned') ? 'owned' : 'client';
      return ok(page(world.wabas.filter((waba) => waba.business === business.id && waba.ownership === ownership), params, wabaShape));
    }
    return metaError(400, 100, `Unsupported ${method.toLowerCase()} request.`);
  }

  const waba = world.wabas.find((candidate) => candidate.id === first);
  if (waba) return answerWaba(world, call, person, waba, faults, second, third);

  const phone = world.phones.find((candidate) => candidate.id === first);
  if (phone) {
    const owner = world.wabas.find((candidate) => candidate.id === phone.waba);
    if (!owner || !person.businesses.includes(owner.business)) return notFound(first);
    if (!granted('whatsapp_business_management')) return missingPermission('whatsapp_business_management');
    return answerPhone(call, phone, faults, second);
  }
  return notFound(first);
}

function answerWaba(world: World, call: GraphCall, person: Person, waba: Waba, faults: EndpointFaults, second: string | undefined, _third: string | undefined): GraphAnswer {
  const { method, params } = call;
  if (!person.businesses.includes(waba.business)) return notFound(waba.id);
  if (person.permissions.get('whatsapp_business_management') !== 'granted') return missingPermission('whatsapp_business_management');
  if (!second && method === 'GET') return ok(pick(wabaShape(waba), params));
  if (second === 'phone_numbers' && method === 'GET') return ok(page(world.phones.filter((phone) => phone.waba === waba.id), params, phoneShape));
  if (second === 'phone_numbers' && method === 'POST') {
    const cc = params.get('cc') ?? '';
    const number = params.get('phone_number') ?? '';
    const name = params.get('verified_name') ?? '';
    if (!/^[0-9]{1,3}$/.test(cc) || !/^[0-9]{4,14}$/.test(number) || name.length < 2 || name.length > 75) {
      return metaError(400, 100, 'Invalid parameter', { title: 'Invalid phone number', userMessage: 'Check the country code, the number and the display name.' });
    }
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
    return ok(
      page(list, params, (template) => ({
        id: template.id,
        name: template.name,
        language: template.language,
        status: template.status,
        category: template.category,
        components: template.components,
        ...(template.rejected_reason ? { rejected_reason: template.rejected_reason } : { rejected_reason: 'NONE' }),
        quality_score: { score: template.status === 'APPROVED' ? 'GREEN' : 'UNKNOWN' },
      })),
    );
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

function answerPhone(call: GraphCall, phone: Phone, faults: EndpointFaults, second: string | undefined): GraphAnswer {
  const { method, params, now } = call;
  if (!second && method === 'GET') return ok(pick(phoneShape(phone), params));
  if (second === 'request_code' && method === 'POST') {
    const codeMethod = params.get('code_method');
    if (codeMethod !== 'SMS' && codeMethod !== 'VOICE') return metaError(400, 100, '(#100) Param code_method must be one of {SMS, VOICE}');
    if (!params.get('language')) return metaError(400, 100, '(#100) The parameter language is required');
    phone.lastCode = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), method: codeMethod, sentAt: now };
    phone.wrongCodeAttempts = 0;
    return ok({ success: true });
  }
  if (second === 'verify_code' && method === 'POST') {
    const code = params.get('code') ?? '';
    if (phone.wrongCodeAttempts >= CODE_ATTEMPTS) {
      return metaError(400, 136024, 'Too many attempts', { title: 'Too many attempts', userMessage: 'Request a new code and try again later.' });
    }
    if (!phone.lastCode) return metaError(400, 136025, 'Verify code error', { title: 'No code requested', userMessage: 'Request a code first.' });
    if (faults.take('wrongCode') || code !== phone.lastCode.code) {
      phone.wrongCodeAttempts += 1;
      return metaError(400, 136025, 'Verify code error', { title: 'Wrong code', userMessage: 'The code you entered is not correct.' });
    }
    phone.code_verification_status = 'VERIFIED';
    phone.lastCode = null;
    return ok({ success: true, id: phone.id });
  }
  if (second === 'register' && method === 'POST') {
    const recent = phone.registerCalls.filter((at) => now.getTime() - at.getTime() < REGISTER_WINDOW_MS);
    phone.registerCalls = recent;
    if (recent.length >= REGISTER_LIMIT) {
      return metaError(400, 133016, 'Account register deregister rate limit exceeded', { title: 'Too many registrations', userMessage: 'This number was registered too many times. Try again in 72 hours.' });
    }
    phone.registerCalls.push(now);
    const pin = params.get('pin') ?? '';
    if (params.get('messaging_product') !== 'whatsapp' || !/^[0-9]{6}$/.test(pin)) return metaError(400, 100, '(#100) Param pin must be 6 digits and messaging_product whatsapp');
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
    return ok({ data: [pick({ ...phone.profile, messaging_product: 'whatsapp' }, params)] });
  }
  if (second === 'whatsapp_business_profile' && method === 'POST') {
    const limits: [keyof Phone['profile'], number][] = [
      ['about', 139],
      ['address', 256],
      ['description', 512],
      ['email', 128],
    ];
    for (const [field, max] of limits) {
      const value = params.get(field);
      if (value !== null && (value.length > max || (field === 'about' && value.length < 1))) return metaError(400, 100, `(#100) Param ${field} must be at most ${max} characters`);
    }
    if (params.get('messaging_product') !== 'whatsapp') return metaError(400, 100, '(#100) The parameter messaging_product is required');
    const websites = params.getAll('websites').flatMap((value) => (value.startsWith('[') ? (JSON.parse(value) as string[]) : [value]));
    if (websites.length > 2) return metaError(400, 100, '(#100) At most 2 websites');
    for (const [field] of limits) {
      const value = params.get(field);
      if (value !== null) phone.profile[field as 'about'] = value;
    }
    if (websites.length) phone.profile.websites = websites;
    const vertical = params.get('vertical');
    if (vertical) phone.profile.vertical = vertical;
    return ok({ success: true });
  }
  return metaError(400, 100, `Unsupported ${method.toLowerCase()} request.`);
}
