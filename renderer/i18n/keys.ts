import i18next, { type ParseKeys } from 'i18next';
import type { ChecklistItem, STEP_CHECKLISTS } from '../../shared/step-checklists';
import type { StepId } from '../../shared/steps';

/** Every key `t()` accepts: the leaves of the catalog (and the bare name of a plural). */
export type MessageKey = ParseKeys;

/** The keys under a branch: `KeyWithin<'validation.'>` is every validation message. */
export type KeyWithin<Prefix extends string> = Extract<MessageKey, `${Prefix}${string}`>;

/**
 * Whether the catalog of the language the UI speaks words `key`, a message under `within`.
 *
 * For a key that arrives as data the type checker cannot see: a validation message a zod
 * schema chose, a scope Meta granted, an operation step main reports, an advice only some
 * steps have. Narrows the key to the catalog keys under `within`, so the caller passes it to
 * `t()` only when it is one and shows its own fallback otherwise: a sentence, never a raw key.
 * A branch (`errors.meta`) is not a message, so it does not count.
 *
 * The types stay plain (no generic key parameter): a conditional type over the whole catalog
 * at each call would cost seconds of typecheck per call.
 */
export function isCatalogKey<Prefix extends string>(key: string, within: Prefix): key is KeyWithin<Prefix> {
  return key.startsWith(within) && typeof i18next.getResource(i18next.resolvedLanguage ?? i18next.language, 'translation', key) === 'string';
}

/** The message a zod schema chose (`validation.<rule>`), or the generic one when this catalog has no such message. */
export function validationKey(message: string): KeyWithin<'validation.'> {
  return isCatalogKey(message, 'validation.') ? message : 'validation.invalid';
}

/** A checklist item as `<step>.<item>`, for every item `shared/step-checklists.ts` declares. */
export type ChecklistItemPath = { [Step in StepId]: `${Step}.${(typeof STEP_CHECKLISTS)[Step][number]['id']}` }[StepId];

/**
 * The catalog key of a checklist item's sentence, `checklists.<step>.<item>`.
 *
 * Typed from the checklist table itself, so an item the catalog does not word fails the
 * typecheck wherever the sentence is shown. A step definition's items are that step's entry of
 * the table, which is what makes the pair a declared one.
 */
export function checklistKey(step: StepId, item: ChecklistItem): `checklists.${ChecklistItemPath}` {
  return `checklists.${step}.${item.id}` as `checklists.${ChecklistItemPath}`;
}
