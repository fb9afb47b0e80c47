/**
 * Graph's `fields` parameter, read the way Graph reads it.
 *
 * `id,name,phone_numbers.limit(100){id,status},throughput{level}`: fields separated by commas,
 * each with optional modifiers (`.limit(100)`, `.after(cursor)`) and optional sub-fields in
 * braces, which expand an edge into a `{data, paging}` connection or pick keys of an object.
 */

/** One requested field, its modifiers and, when it has braces, its sub-fields. */
export interface FieldSpec {
  readonly name: string;
  /** `.limit(100)` gives `limit → "100"`; the last one of a name wins, as in Graph. */
  readonly modifiers: ReadonlyMap<string, string>;
  /** The fields in braces, or null without braces. */
  readonly children: readonly FieldSpec[] | null;
}

/** Why a `fields` value could not be read, worded as Graph's syntax errors are. */
export class FieldsSyntaxError extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
    readonly position: number,
    readonly text: string,
  ) {
    super(`Syntax error "Expected ${expected} instead of ${found}." at character ${position}: ${text}`);
    this.name = 'FieldsSyntaxError';
  }
}

const NAME = /[A-Za-z0-9_]/;

/**
 * Parses a `fields` value; throws {@link FieldsSyntaxError} on anything Graph would refuse.
 *
 * Spaces around names and commas are allowed; an empty value is no field at all.
 */
export function parseFields(text: string): FieldSpec[] {
  let at = 0;
  const found = () => (at >= text.length ? 'end of string' : `"${text[at]}"`);
  const fail = (expected: string): never => {
    throw new FieldsSyntaxError(expected, found(), at, text);
  };
  const skipSpaces = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at += 1;
  };
  const name = (): string => {
    skipSpaces();
    const start = at;
    while (at < text.length && NAME.test(text[at] ?? '')) at += 1;
    if (at === start) fail('field name');
    return text.slice(start, at);
  };
  const argument = (): string => {
    const start = at;
    let depth = 0;
    while (at < text.length && (text[at] !== ')' || depth > 0)) {
      if (text[at] === '(') depth += 1;
      if (text[at] === ')') depth -= 1;
      at += 1;
    }
    if (at >= text.length) fail('")"');
    const value = text.slice(start, at);
    at += 1;
    return value.trim();
  };
  const field = (): FieldSpec => {
    const fieldName = name();
    const modifiers = new Map<string, string>();
    skipSpaces();
    while (text[at] === '.') {
      at += 1;
      const modifier = name();
      if (text[at] !== '(') fail('"("');
      at += 1;
      modifiers.set(modifier, argument());
      skipSpaces();
    }
    let children: FieldSpec[] | null = null;
    if (text[at] === '{') {
      at += 1;
      children = list('}');
      if (text[at] !== '}') fail('"}"');
      at += 1;
      skipSpaces();
    }
    return { name: fieldName, modifiers, children };
  };
  const list = (closer: string | null): FieldSpec[] => {
    const specs: FieldSpec[] = [];
    skipSpaces();
    if (at >= text.length || text[at] === closer) return specs;
    for (;;) {
      specs.push(field());
      skipSpaces();
      if (text[at] !== ',') return specs;
      at += 1;
    }
  };
  const specs = list(null);
  if (at < text.length) fail('end of string');
  return specs;
}

/** The `fields` text of specs, e.g. to build a `paging.next` address that asks the same. */
export function formatFields(specs: readonly FieldSpec[]): string {
  return specs
    .map((spec) => {
      const modifiers = [...spec.modifiers].map(([name, value]) => `.${name}(${value})`).join('');
      return `${spec.name}${modifiers}${spec.children ? `{${formatFields(spec.children)}}` : ''}`;
    })
    .join(',');
}
