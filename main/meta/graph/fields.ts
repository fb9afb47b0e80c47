/**
 * Graph's `fields` parameter, written from parts so a batched read cannot be mistyped.
 *
 * `fields('id', 'name', edge('phone_numbers', { limit: 100 }, ['id', 'status']))` gives
 * `id,name,phone_numbers.limit(100){id,status}`: Meta expands the edge into a `{ data, paging }`
 * connection inside the same answer, so one call reads an account with its numbers.
 */

/** A field of a Graph object, or an edge expanded in place. */
export type Field = string | Edge;

export interface Edge {
  readonly edge: string;
  readonly modifiers: Readonly<Record<string, string | number>>;
  readonly fields: readonly Field[];
}

const NAME = /^[a-z][a-z0-9_]*$/;
const MODIFIER = /^[a-z][a-z_]*$/;
const MODIFIER_VALUE = /^[A-Za-z0-9_.-]+$/;

function checkName(name: string, kind: string): string {
  if (!NAME.test(name)) throw new Error(`Graph ${kind} name not allowed: ${name}`);
  return name;
}

/** An edge such as `phone_numbers.limit(100){id,status}`; an edge without fields lists only what Meta chooses. */
export function edge(name: string, modifiers: Readonly<Record<string, string | number>>, fields: readonly Field[]): Edge {
  checkName(name, 'edge');
  for (const [modifier, value] of Object.entries(modifiers)) {
    if (!MODIFIER.test(modifier) || !MODIFIER_VALUE.test(String(value))) throw new Error(`Graph edge modifier not allowed: ${modifier}`);
  }
  return { edge: name, modifiers, fields };
}

function write(field: Field): string {
  if (typeof field === 'string') return checkName(field, 'field');
  const modifiers = Object.entries(field.modifiers)
    .map(([name, value]) => `.${name}(${value})`)
    .join('');
  return `${field.edge}${modifiers}${field.fields.length ? `{${fields(...field.fields)}}` : ''}`;
}

/** The `fields` value for these fields, in the order given; a repeated field is written once. */
export function fields(...list: readonly Field[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const field of list) {
    const part = write(field);
    if (seen.has(part)) continue;
    seen.add(part);
    parts.push(part);
  }
  return parts.join(',');
}
