/**
 * Scrubs secrets from anything about to be logged, and turns it into plain, bounded data.
 *
 * Tokens must never reach a log file, and what does reach it must still help support: an Error
 * keeps its name, message and stack (scrubbed), never the `{}` JSON.stringify makes of it.
 *
 * Keys: a value is masked whatever it is when its key names a secret (`*token*`, `*secret*`,
 * `*password*`, `passphrase`, `authorization`, `cookie`, `pin`, `code_verifier`, api keys...).
 * Booleans and null are kept (`hasToken: true` tells support something and leaks nothing).
 *
 * `code` is the one ambiguous key: it is the OAuth authorization code in a redirect or a token
 * exchange, and an error code everywhere else (`{ code: 'meta.network' }`, `ECONNRESET`, 190).
 * It is masked when the object it sits in is an OAuth exchange (a sibling `redirect_uri`,
 * `code_verifier`, `grant_type`, `client_id`, `client_secret`, `code_challenge` or
 * `response_type`), or when its value does not look like an error code (a number, a dotted
 * identifier such as `meta.session.expired`, or an UPPER_SNAKE name such as `ERR_INVALID_URL`).
 * Meta's codes (`AQB...`, mixed case, dashes, hundreds of characters) are never identifiers.
 * In text, `code=` right after `?`, `&`, `#` or at the start is a URL or form parameter, so it is
 * always masked. Keys that merely contain "code" (`graphCode`, `statusCode`) are not secrets.
 *
 * Text: URL and form parameters (also percent-encoded, also in fragments), JSON and
 * `key: value` text, `Authorization`/`Cookie` header lines, `Bearer`/`OAuth`/`Basic`
 * credentials, Meta tokens (`EAA...`), JWTs and long opaque strings.
 *
 * Bounds: nothing is cut by depth alone and left unscanned. A value is walked until a size
 * budget runs out (characters per string, items per array, keys per object, values per entry,
 * a nesting limit that only guards the call stack); whatever is cut is replaced by a `[cut: ...]`
 * marker, never passed through.
 */

/** What a masked value becomes; tests and callers can rely on it. */
export const REDACTED = '[redacted]';

/** How far one log entry may go; large enough for a stack trace, small enough for a log line. */
export interface RedactLimits {
  /** Characters kept of one string, after it has been scrubbed whole. */
  maxStringLength: number;
  /** Items kept of one array, set or map. */
  maxItems: number;
  /** Keys kept of one object. */
  maxKeys: number;
  /** Values (of any kind) in the whole entry. */
  maxNodes: number;
  /** Nesting that only protects the call stack; far above any real object. */
  maxDepth: number;
}

/** The limits both loggers use. */
export const DEFAULT_LIMITS: RedactLimits = { maxStringLength: 8_000, maxItems: 100, maxKeys: 100, maxNodes: 2_000, maxDepth: 200 };

/** Characters scanned of one string; what lies beyond is dropped before scanning, never shown. */
const MAX_SCANNED = 200_000;

/** Substrings of a key (lower case, separators removed) that always name a secret. */
const SECRET_KEY_PARTS = ['token', 'secret', 'password', 'passwd', 'passphrase', 'authorization', 'cookie', 'apikey', 'ciphertext', 'privatekey', 'credential', 'codeverifier', 'signedrequest', 'verificationcode', 'otpcode', 'smscode', 'authcode'];

/** Whole words of a key that name a secret (`pin`, `twoStepPin`, `pin_code`; not `spinner`). */
const SECRET_KEY_WORDS = new Set(['pin', 'otp', 'passcode', 'sid']);

/** Sibling keys that make an object an OAuth exchange, where `code` is the authorization code. */
const AUTH_CONTEXT_KEYS = new Set(['redirecturi', 'codeverifier', 'granttype', 'clientid', 'clientsecret', 'codechallenge', 'responsetype']);

/** What an error code looks like: `meta.network`, `internal`, `ECONNRESET`, `ERR_INVALID_URL`. */
const ERROR_CODE_SHAPE = /^(?:[a-z][A-Za-z0-9]*(?:[._:-][A-Za-z0-9]+)*|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)$/;

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

const keyWords = (key: string): string[] =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** True when a `code` value reads as an error code rather than a credential. */
function looksLikeErrorCode(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  return typeof value === 'string' && value.length <= 64 && ERROR_CODE_SHAPE.test(value);
}

/**
 * Whether a key names a secret, so its value is masked whatever it is.
 *
 * `code` needs its surroundings (see the module comment): pass the object's other keys and the
 * value; without them a bare `code` is treated as an error code only if its value looks like one.
 */
export function isSecretKey(key: string, context: { siblings?: Iterable<string>; value?: unknown } = {}): boolean {
  const normalized = normalizeKey(key);
  if (SECRET_KEY_PARTS.some((part) => normalized.includes(part))) return true;
  if (keyWords(key).some((word) => SECRET_KEY_WORDS.has(word))) return true;
  if (normalized !== 'code') return false;
  for (const sibling of context.siblings ?? []) if (AUTH_CONTEXT_KEYS.has(normalizeKey(sibling))) return true;
  return !looksLikeErrorCode(context.value);
}

/** A key in text (`key=`, `"key":`): a plain name, so prose and URLs are not mistaken for keys. */
const TEXT_KEY = '[A-Za-z_][A-Za-z0-9_.\\-]{0,63}';

/** A parameter value: up to the next separator, percent-encoded `&` and `#` included. */
const PARAM_VALUE = '(?:[^&#\\s"\'<>;,%]|%(?!2[36])[0-9A-Fa-f]{2})*';

type TextRule = [RegExp, (match: string, ...groups: string[]) => string];

/** Masks a parameter or field value when its key names a secret; `code` as explained above. */
function maskIfSecret(prefix: string, key: string, separator: string, value: string, isParameter: boolean): string {
  const unquoted = value.replace(/^["']|["']$/g, '');
  const secret =
    normalizeKey(key) === 'code' ? (isParameter ? true : !looksLikeErrorCode(/^-?\d+(\.\d+)?$/.test(unquoted) ? Number(unquoted) : unquoted)) : isSecretKey(key);
  if (!secret || unquoted === '' || unquoted.startsWith('[redacted')) return `${prefix}${key}${separator}${value}`;
  const quote = /^["']/.test(value) ? value[0] : '';
  return `${prefix}${key}${separator}${quote}${REDACTED}${quote}`;
}

/** True when a word after `Basic`/`OAuth` is a credential rather than prose ("Basic setup"). */
const looksLikeCredential = (word: string): boolean => word.length >= 8 && (/[0-9+/=]/.test(word) || /^.+[A-Z]/.test(word));

// SECURITY: order matters: whole header lines first, then schemes, then parameters and fields,
// then token shapes that need no key at all. Loosening any pattern lets a token reach a file.
const TEXT_RULES: TextRule[] = [
  // Header lines: everything after `Authorization:` or `Cookie:` up to the end of the line.
  [/\b((?:proxy-)?authorization|(?:set-)?cookie)(\s*:\s*)([^\r\n"'}]+)/gi, (_m, name, separator) => `${name}${separator}${REDACTED}`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, () => `Bearer ${REDACTED}`],
  [/\b(OAuth|Basic)\s+([A-Za-z0-9._~+/-]+=*)/g, (match, scheme, word) => (looksLikeCredential(word) ? `${scheme} ${REDACTED}` : match)],
  // URL query, fragment and form parameters, also percent-encoded inside another parameter.
  [
    new RegExp(`(^|[?&#;,\\s"'{(]|%23|%26|%3F)(${TEXT_KEY})(=|%3D)(${PARAM_VALUE})`, 'gi'),
    (_m, prefix, key, separator, value) => maskIfSecret(prefix, key, separator, value, /^(?:|[?&#]|%23|%26|%3F)$/i.test(prefix)),
  ],
  // JSON and `key: value` text (what JSON.stringify and util.inspect print).
  [
    new RegExp(`(^|[^A-Za-z0-9_])(["']?)(${TEXT_KEY})\\2(\\s*:\\s*)(\\[redacted[^\\]\\s]*\\]|"(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s,;{}\\[\\]"']+)`, 'g'),
    (_m, prefix, quote, key, separator, value) => maskIfSecret(`${prefix}${quote}`, key, `${quote}${separator}`, value, false),
  ],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, () => '[redacted-jwt]'],
  [/\bEAA[A-Za-z0-9]{16,}/g, () => '[redacted-token]'],
  // Long opaque strings with a digit in them: app secrets (32 hex), access tokens, signatures.
  [/\b(?=[A-Za-z0-9_-]*[0-9])[A-Za-z0-9_-]{32,}/g, () => REDACTED],
];

/**
 * Scrubs one string: parameters, headers, JSON fields, schemes and token shapes.
 *
 * Used for log messages and for every string inside logged data; callers that build a URL for
 * a log line (a blocked navigation) can pass it through directly.
 */
export function redactText(text: string): string {
  let scanned = text;
  if (scanned.length > MAX_SCANNED) {
    // A token cut in half at the limit would no longer match its pattern: drop the partial word.
    scanned = scanned.slice(0, MAX_SCANNED).replace(/[A-Za-z0-9._~+/=%-]*$/, '');
  }
  return TEXT_RULES.reduce((out, [pattern, replace]) => out.replace(pattern, replace), scanned);
}

/** The walk's shared state: what is left of the budget and which objects are open. */
interface Walk {
  limits: RedactLimits;
  nodes: number;
  open: Set<object>;
}

const cutString = (text: string, limits: RedactLimits): string =>
  text.length > limits.maxStringLength ? `${text.slice(0, limits.maxStringLength)}[cut: ${text.length - limits.maxStringLength} more characters]` : text;

const scrub = (text: string, walk: Walk): string => cutString(redactText(text), walk.limits);

/** A key as it may be written: a key that is itself a token is replaced, keeping keys distinct. */
function safeKey(key: string, taken: Set<string>): string {
  const scrubbed = redactText(key);
  let out = scrubbed === key ? key : '[redacted-key]';
  for (let n = 2; out !== key && taken.has(out); n += 1) out = `[redacted-key-${n}]`;
  taken.add(out);
  return out;
}

const isError = (value: object): value is Error => value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';

/** Reads a property without letting a throwing getter break the log line. */
function read(source: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(source, key);
  } catch (error) {
    return `[unreadable: ${error instanceof Error ? error.message : String(error)}]`;
  }
}

/** Own enumerable keys, then getters from the prototype chain (what `{}` hides on class objects). */
function readableKeys(value: object): string[] {
  const keys = new Set(Object.keys(value));
  let proto: object | null = Object.getPrototypeOf(value);
  while (proto && proto !== Object.prototype && proto !== Error.prototype) {
    for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (descriptor.get && name !== '__proto__') keys.add(name);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return [...keys];
}

/** Walks entries (object keys or map entries) with key rules, size limits and markers. */
function walkEntries(entries: [unknown, unknown][], walk: Walk, depth: number, seed: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = seed;
  const names = entries.map(([key]) => (typeof key === 'string' ? key : safeKeyText(key, walk)));
  const taken = new Set(Object.keys(out));
  entries.slice(0, walk.limits.maxKeys).forEach(([, inner], index) => {
    const name = names[index] ?? '';
    const key = safeKey(name, taken);
    if (isSecretKey(name, { siblings: names, value: inner }) && inner !== null && inner !== undefined && typeof inner !== 'boolean') {
      out[key] = REDACTED;
    } else {
      out[key] = walkValue(inner, walk, depth + 1);
    }
  });
  if (entries.length > walk.limits.maxKeys) out['[cut]'] = `${entries.length - walk.limits.maxKeys} more keys`;
  return out;
}

/** A non-string map key as text (a number, or an object key shown as its JSON). */
function safeKeyText(key: unknown, walk: Walk): string {
  if (typeof key === 'number' || typeof key === 'bigint' || typeof key === 'boolean' || key === null || key === undefined) return String(key);
  const data = walkValue(key, walk, walk.limits.maxDepth - 1);
  return typeof data === 'string' ? data : JSON.stringify(data);
}

function walkItems(items: unknown[], walk: Walk, depth: number): unknown[] {
  const out = items.slice(0, walk.limits.maxItems).map((item) => walkValue(item, walk, depth + 1));
  if (items.length > walk.limits.maxItems) out.push(`[cut: ${items.length - walk.limits.maxItems} more items]`);
  return out;
}

function walkError(error: Error, walk: Walk, depth: number): Record<string, unknown> {
  const constructorName = typeof error.constructor === 'function' ? error.constructor.name : '';
  const name = typeof error.name === 'string' && error.name !== 'Error' ? error.name : constructorName || 'Error';
  const seed: Record<string, unknown> = {
    name: scrub(name, walk),
    message: scrub(typeof error.message === 'string' ? error.message : String(read(error, 'message')), walk),
  };
  if (typeof error.stack === 'string') seed.stack = scrub(error.stack, walk);
  const extra = Object.keys(error).filter((key) => !['name', 'message', 'stack', 'cause', 'errors'].includes(key));
  const entries: [unknown, unknown][] = extra.map((key) => [key, read(error, key)]);
  if ('cause' in error) entries.push(['cause', read(error, 'cause')]);
  const errors = read(error, 'errors');
  if (Array.isArray(errors)) entries.push(['errors', errors]);
  return walkEntries(entries, walk, depth, seed);
}

function walkObject(value: object, walk: Walk, depth: number): unknown {
  if (isError(value)) return walkError(value, walk, depth);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof URL) return scrub(value.href, walk);
  if (value instanceof RegExp) return scrub(String(value), walk);
  // SECURITY: bytes are never dumped: a buffer may hold a decrypted secret or a whole response.
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (value instanceof ArrayBuffer) return `[ArrayBuffer ${value.byteLength} bytes]`;
  if (value instanceof Map) return walkEntries([...value.entries()], walk, depth);
  if (value instanceof Set) return walkItems([...value.values()], walk, depth);
  if (Array.isArray(value)) return walkItems(value, walk, depth);
  if (typeof Headers !== 'undefined' && value instanceof Headers) return walkEntries([...value.entries()], walk, depth);
  if (value instanceof WeakMap || value instanceof WeakSet) return `[${value.constructor.name}]`;
  if (value instanceof Promise) return '[Promise]';
  const toJSON = read(value, 'toJSON');
  if (typeof toJSON === 'function' && Object.getPrototypeOf(value) !== Object.prototype) {
    try {
      return walkValue(toJSON.call(value), walk, depth + 1);
    } catch {
      // Fall back to the object's keys: a broken toJSON must not lose the log line.
    }
  }
  const keys = readableKeys(value);
  const data = walkEntries(
    keys.map((key) => [key, read(value, key)]),
    walk,
    depth,
  );
  if (keys.length === 0) {
    const name = value.constructor && typeof value.constructor === 'function' ? value.constructor.name : '';
    if (name && name !== 'Object') return `[${name}]`;
  }
  return data;
}

function walkValue(value: unknown, walk: Walk, depth: number): unknown {
  walk.nodes += 1;
  if (walk.nodes > walk.limits.maxNodes) return '[cut: log entry too large]';
  switch (typeof value) {
    case 'string':
      return scrub(value, walk);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return value;
    case 'symbol':
      return scrub(value.toString(), walk);
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
    default:
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (depth > walk.limits.maxDepth) return '[cut: nested too deep]';
  if (walk.open.has(object)) return '[circular]';
  walk.open.add(object);
  try {
    return walkObject(object, walk, depth);
  } finally {
    walk.open.delete(object);
  }
}

/**
 * Turns any value into plain data that is safe to log: JSON-ready, bounded and scrubbed.
 *
 * The one serializer of both loggers. Errors keep name, message, stack, their own fields,
 * `cause` and an AggregateError's `errors`; Maps become objects (keys scrubbed too), Sets
 * arrays, BigInts `"12n"`, buffers their size, cycles `[circular]`, getters are read safely.
 */
export function redact(value: unknown, limits: RedactLimits = DEFAULT_LIMITS): unknown {
  return walkValue(value, { limits, nodes: 0, open: new Set() }, 0);
}

/**
 * One logged value as text: strings scrubbed as they are, anything else as one line of JSON.
 *
 * Both loggers write through it, so what the tests read from the memory logger is what the
 * log file holds.
 */
export function toLogText(value: unknown): string {
  if (typeof value === 'string') return redactText(value);
  const data = redact(value);
  return typeof data === 'string' ? data : (JSON.stringify(data) ?? String(data));
}
