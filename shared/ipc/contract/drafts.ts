import * as z from 'zod';
import { Drafts } from '../../model/drafts/drafts';
import { Language } from '../../model/settings/settings';
import { Finding } from '../../rules/findings';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/** The current workspace's drafts with what validation found in them, in one answer. */
export const DraftsState = z.strictObject({
  workspaceId: z.uuid(),
  drafts: Drafts,
  findings: z.array(Finding),
  /** ISO time of the last save to disk; null before the first. */
  savedAt: z.iso.datetime().nullable(),
});
export type DraftsState = z.infer<typeof DraftsState>;

/** One problem of an imported file, located the way an admin can find it (`skills[3].name`). */
export const ImportProblem = z.strictObject({ path: z.string().max(300), code: z.string().max(100) });
export type ImportProblem = z.infer<typeof ImportProblem>;

/**
 * The CXone side drafted offline: the current workspace's drafts, saved on every change,
 * exported and imported as files, and turned into a printable runbook.
 *
 * Every answer carries the findings of one validation run over the whole drafts, so the
 * renderer never validates on its own what main will refuse.
 */
export const draftsContract = {
  'drafts:get': { input: NoInput, output: DraftsState },
  /** Replaces the current workspace's drafts (autosave): validated, written atomically. */
  'drafts:save': { input: z.strictObject({ workspaceId: z.uuid(), drafts: Drafts }), output: DraftsState },
  /** Writes the workspace (its name, number and drafts) to a file the admin picks. */
  'drafts:export': { input: NoInput, output: z.strictObject({ saved: z.boolean(), fileName: z.string().max(300) }) },
  /**
   * Reads a workspace file the admin picks into a NEW workspace; an invalid file changes
   * nothing and every problem is listed by its location.
   */
  'drafts:import': {
    input: NoInput,
    output: z.discriminatedUnion('outcome', [
      z.strictObject({ outcome: z.literal('imported'), workspaceId: z.uuid() }),
      z.strictObject({ outcome: z.literal('cancelled') }),
      z.strictObject({ outcome: z.literal('invalid'), fileName: z.string().max(300), problems: z.array(ImportProblem).max(200), more: z.int().min(0) }),
    ]),
  },
  /**
   * Saves the runbook the renderer drew from its own templates, as an HTML file or a PDF (the
   * app prints the same HTML in a hidden window with scripts off), where the admin picks.
   */
  'drafts:saveRunbook': {
    input: z.strictObject({ language: Language, format: z.enum(['pdf', 'html']), html: z.string().min(1).max(20_000_000) }),
    output: z.strictObject({ saved: z.boolean(), fileName: z.string().max(300) }),
  },
} as const satisfies ContractSlice<'drafts'>;

export const draftsEvents = {
  /** The drafts changed (saved, imported, another workspace opened). */
  'drafts:changed': DraftsState,
} as const satisfies EventSlice<'drafts'>;
