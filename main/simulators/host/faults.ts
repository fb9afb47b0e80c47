import type { Localized } from './plugin';

/**
 * A fault a plugin can inject, with the words the switchboard page shows for it.
 *
 * The plugin knows what its faults mean; the host only lists, arms and disarms them.
 */
export interface FaultDeclaration<K extends string = string> {
  readonly kind: K;
  /** `title` labels the button; `help` says what goes wrong and what the app should do. */
  readonly text: Localized<{ readonly title: string; readonly help: string }>;
}

/**
 * How a fault is armed.
 *
 * One-shot by default, so a test or a demo sees exactly one failure and then the recovery;
 * sticky faults last until `reset()`. `settings` are the plugin's own numbers (a delay, a wait).
 */
export interface ArmOptions {
  readonly sticky?: boolean;
  readonly settings?: Readonly<Record<string, number>>;
}

/** A fault waiting to happen. */
export interface ArmedFault<K extends string = string> {
  readonly kind: K;
  readonly sticky: boolean;
  readonly settings: Readonly<Record<string, number>>;
}

/**
 * The armed faults of one plugin.
 *
 * The plugin `take`s a fault where it can happen; the host arms and lists them from the
 * switchboard page. Nothing here is saved: a restart disarms everything.
 */
export interface FaultBoard<K extends string = string> {
  readonly declarations: readonly FaultDeclaration<K>[];
  isKind(value: unknown): value is K;
  arm(kind: K, options?: ArmOptions): void;
  /** The first armed fault of this kind, disarmed unless sticky; null when none is armed. */
  take(kind: K): ArmedFault<K> | null;
  reset(): void;
  /** Armed kinds, in the order they were armed. */
  active(): K[];
}

/** A fault board for the kinds a plugin declares. */
export function createFaultBoard<K extends string>(declarations: readonly FaultDeclaration<K>[]): FaultBoard<K> {
  const kinds = new Set<string>(declarations.map((declaration) => declaration.kind));
  let armed: ArmedFault<K>[] = [];
  return {
    declarations,
    isKind: (value: unknown): value is K => typeof value === 'string' && kinds.has(value),
    arm(kind, options = {}) {
      armed.push({ kind, sticky: options.sticky ?? false, settings: { ...options.settings } });
    },
    take(kind) {
      const index = armed.findIndex((fault) => fault.kind === kind);
      const fault = armed[index];
      if (!fault) return null;
      if (!fault.sticky) armed.splice(index, 1);
      return fault;
    },
    reset() {
      armed = [];
    },
    active: () => armed.map((fault) => fault.kind),
  };
}
