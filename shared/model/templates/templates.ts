import * as z from 'zod';
import { GraphId, MetaEnum, Reading } from '../meta/values';

/**
 * Message templates of the chosen WhatsApp Business account (step 5), read from Meta.
 *
 * Templates are created and edited in WhatsApp Manager (the manual, step 5); the wizard only
 * shows their review status, category, quality and rejection reason.
 */
export const TemplateReading = z.strictObject({
  id: GraphId,
  name: z.string().max(512),
  /** Meta's language code, e.g. `fr` or `en_US`. */
  language: z.string().max(16),
  status: MetaEnum,
  category: MetaEnum,
  /** `quality_score.score` (GREEN, YELLOW, RED, UNKNOWN); null when Meta gave none. */
  qualityScore: MetaEnum.nullable(),
  /** Why Meta rejected it; null when Meta gave no reason (Meta's `NONE`). */
  rejectedReason: MetaEnum.nullable(),
});
export type TemplateReading = z.infer<typeof TemplateReading>;

/** Step 5's state for the current workspace. */
export const TemplatesState = z.strictObject({
  workspaceId: z.uuid(),
  wabaId: GraphId.nullable(),
  templates: Reading(z.array(TemplateReading).max(5000)).nullable(),
});
export type TemplatesState = z.infer<typeof TemplatesState>;
