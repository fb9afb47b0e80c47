import type { Drafts } from '../../../shared/model/drafts/drafts';
import { generateDrafts } from './drafts-generate';

/** The two documents the crash test alternates, generated once by the parent and read by the child. */
export interface CrashBases {
  small: Drafts;
  large: Drafts;
}

/** Large enough that a write takes a while (about 1 MB of JSON), small enough to run 100 times. */
export function crashBases(): CrashBases {
  return {
    small: generateDrafts({ skills: 2, roles: 1, queues: 1, channels: 1, agents: 1 }),
    large: generateDrafts({ skills: 1_500, roles: 150, queues: 100, channels: 100, agents: 300 }),
  };
}

/** Version `n` of the crash test's drafts: small and large alternate; `n` is in the URL. */
export function crashVersion(bases: CrashBases, n: number): Drafts {
  const base = n % 2 === 0 ? bases.small : bases.large;
  return { ...base, customComponent: { ...base.customComponent, url: `https://templates.example.com/v/${n}` } };
}

/** Which version a drafts document is, read back from its URL; NaN when it is none of them. */
export function versionOf(drafts: { customComponent?: { url?: unknown } }): number {
  const match = /\/v\/(\d+)$/.exec(String(drafts.customComponent?.url ?? ''));
  return match ? Number(match[1]) : Number.NaN;
}
