import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { parseWorkspaceFile, WorkspaceFile, workspaceFileSchema, workspaceFileText } from '../../main/drafts/import-export';
import { emptyDrafts } from '../../shared/model/drafts/drafts';
import { generateDrafts } from './helpers/drafts-generate';

type Container = Record<PropertyKey, unknown> | unknown[];

/** Every place inside `value` that holds something: its container and its key, root excluded. */
function places(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: PropertyKey[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...path, key], ...places((value as Record<PropertyKey, unknown>)[key], [...path, key])]);
}

function containerAt(root: unknown, path: readonly PropertyKey[]): Container {
  let value = root;
  for (const key of path.slice(0, -1)) value = (value as Record<PropertyKey, unknown>)[key];
  return value as Container;
}

/**
 * What a hand-edited or damaged file does to a value: each is tried at every place of a file.
 *
 * Chosen to cross every bound and transform of the schema: types, blanks, whitespace that the
 * schema trims (and some it keeps), lengths past each limit, integers and their bounds, unknown
 * fields, missing fields, duplicated list items (ids must be unique, permissions too).
 */
const MUTATIONS: Readonly<Record<string, (container: Container, key: PropertyKey) => void>> = {
  removed: (container, key) => {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  },
  null: (container, key) => set(container, key, null),
  zero: (container, key) => set(container, key, 0),
  negativeZero: (container, key) => set(container, key, -0),
  negative: (container, key) => set(container, key, -1),
  fraction: (container, key) => set(container, key, 1.5),
  huge: (container, key) => set(container, key, 1e12),
  boolean: (container, key) => set(container, key, true),
  empty: (container, key) => set(container, key, ''),
  blank: (container, key) => set(container, key, ' \t\u00a0\u2003'),
  padded: (container, key) => set(container, key, typeof get(container, key) === 'string' ? `  ${String(get(container, key))}\u00a0` : get(container, key)),
  zeroWidth: (container, key) => set(container, key, typeof get(container, key) === 'string' ? `\u200b${String(get(container, key))}` : get(container, key)),
  upperCase: (container, key) => set(container, key, typeof get(container, key) === 'string' ? String(get(container, key)).toUpperCase() : get(container, key)),
  tooLong: (container, key) => set(container, key, 'x'.repeat(201)),
  farTooLong: (container, key) => set(container, key, 'y'.repeat(2_049)),
  list: (container, key) => set(container, key, []),
  object: (container, key) => set(container, key, {}),
  unknownBeside: (container) => {
    if (!Array.isArray(container)) container.colour = 'green';
  },
  repeated: (container, key) => {
    if (Array.isArray(container)) container.push(structuredClone(container[Number(key)]));
  },
};

function get(container: Container, key: PropertyKey): unknown {
  return (container as Record<PropertyKey, unknown>)[key];
}

function set(container: Container, key: PropertyKey, value: unknown): void {
  (container as Record<PropertyKey, unknown>)[key] = value;
}

/** Both answers on `value`: whether the schema refuses it, and how the compiled one differs (null: not at all). */
function compare(value: unknown): { refused: boolean; difference: string | null } {
  const compiled = workspaceFileSchema().safeParse(value);
  const runtime = WorkspaceFile.safeParse(value);
  const refused = !runtime.success;
  if (compiled.success !== runtime.success) return { refused, difference: `compiled ${compiled.success ? 'accepts' : 'refuses'}, schema ${runtime.success ? 'accepts' : 'refuses'}` };
  // Stringified as well: the same fields in the same order, not only equal objects.
  if (compiled.success && runtime.success) return { refused, difference: isDeepStrictEqual(compiled.data, runtime.data) && JSON.stringify(compiled.data) === JSON.stringify(runtime.data) ? null : 'other data' };
  return { refused, difference: isDeepStrictEqual(compiled.error?.issues, runtime.error?.issues) ? null : 'other issues' };
}

const SMALL = { skills: 4, roles: 1, queues: 1, channels: 2, agents: 1 };

describe('workspace files: the compiled schema', () => {
  it('compiles the whole file schema, with no part left to the slower parser', () => {
    expect(() => z.compile(WorkspaceFile, { strict: true })).not.toThrow();
  });

  it('answers exactly as the schema does for every kind of damage at every place of a file', () => {
    const drafts = generateDrafts(SMALL) as unknown as Record<string, unknown>;
    // Every optional part present somewhere, so each one is damaged too.
    const skills = drafts.skills as Record<string, unknown>[];
    Object.assign(skills[0] as object, { messageTemplateName: 'welcome', agentResponseCountdownSeconds: 30, customerResponseCountdownSeconds: 60 });
    Object.assign(skills[1] as object, { direction: 'outbound', routing: { kind: 'preferredAgent', priorityMetric: 'Longest idle', fallback: 'whenAvailable' } });
    Object.assign(skills[2] as object, { routing: { kind: 'leastBusy' }, serviceLevel: undefined });
    Object.assign(skills[3] as object, { routing: { kind: 'mostBusy' } });
    const base = JSON.parse(JSON.stringify({ format: 'whatsapp-channel-setup-workspace', version: 1, workspace: { name: ' Jungle ', phoneNumber: '' }, drafts })) as Record<string, unknown>;
    expect(compare(base)).toEqual({ refused: false, difference: null });
    const differences: string[] = [];
    let refused = 0;
    let tried = 0;
    for (const path of places(base)) {
      for (const [name, mutate] of Object.entries(MUTATIONS)) {
        const value = structuredClone(base);
        mutate(containerAt(value, path), path.at(-1) as PropertyKey);
        const { refused: isRefused, difference } = compare(value);
        if (difference) differences.push(`${name} at ${path.join('.')}: ${difference}`);
        if (isRefused) refused += 1;
        tried += 1;
      }
    }
    expect(differences).toEqual([]);
    // The walk reached the whole file, and most damage was refused (both verdicts were compared).
    expect(tried).toBeGreaterThan(2_000);
    expect(refused / tried).toBeGreaterThan(0.5);
    expect(refused).toBeLessThan(tried);
  });

  it('imports what the schema gives: texts trimmed, a missing component height defaulted', () => {
    const drafts = { ...emptyDrafts(), customComponent: { url: '  https://templates.example.com/  ', channelIds: [], smoochDeleted: false } };
    const text = JSON.stringify({ format: 'whatsapp-channel-setup-workspace', version: 1, workspace: { name: '  Jungle ', phoneNumber: '' }, drafts });
    const parsed = parseWorkspaceFile(text);
    expect(parsed).toEqual({ ok: true, file: { format: 'whatsapp-channel-setup-workspace', version: 1, workspace: { name: 'Jungle', phoneNumber: '' }, drafts: { ...emptyDrafts(), customComponent: { url: 'https://templates.example.com/', height: 200, channelIds: [], smoochDeleted: false } } } });
    expect(workspaceFileText({ name: 'Jungle', phoneNumber: '' }, emptyDrafts())).toBe(`${JSON.stringify({ format: 'whatsapp-channel-setup-workspace', version: 1, workspace: { name: 'Jungle', phoneNumber: '' }, drafts: emptyDrafts() }, null, 2)}\n`);
  });

  it('lists the problems of a large file by location, as the schema finds them', () => {
    const drafts = generateDrafts({ skills: 300, roles: 20, queues: 10, channels: 10, agents: 40 }) as unknown as { skills: Record<string, unknown>[]; agents: Record<string, unknown>[] };
    (drafts.skills[250] as Record<string, unknown>).name = '   ';
    (drafts.skills[251] as Record<string, unknown>).id = (drafts.skills[3] as Record<string, unknown>).id;
    (drafts.agents[39] as Record<string, unknown>).roleIds = ['not-a-uuid'];
    const parsed = parseWorkspaceFile(JSON.stringify({ format: 'whatsapp-channel-setup-workspace', version: 1, workspace: { name: 'Big', phoneNumber: '' }, drafts }));
    expect(parsed).toEqual({
      ok: false,
      more: 0,
      problems: [
        { path: 'drafts.agents[39].roleIds[0]', code: 'drafts.import.invalid' },
        { path: 'drafts.skills[250].name', code: 'drafts.import.required' },
        { path: 'drafts.skills[251].id', code: 'drafts.import.invalid' },
      ],
    });
  });
});
