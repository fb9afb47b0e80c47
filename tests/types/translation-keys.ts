/**
 * Translation keys are checked by the compiler: every `@ts-expect-error` below marks a key the
 * catalogs do not hold, and the typecheck (`node scripts/typecheck.mjs`, tsconfig.json) fails if
 * such a line ever compiles. The lines without it are keys that must keep compiling.
 *
 * Nothing here runs; the functions exist for the type checker only. One call per statement, so
 * one failing call cannot hide or cause another's error.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors/index';
import type { FindingCode } from '../../shared/rules/findings';
import type { StepDefinition, StepId } from '../../shared/steps';
import { checklistKey, isCatalogKey, validationKey, type ChecklistItemPath, type KeyWithin, type MessageKey } from '../../renderer/i18n/keys';

/** Compiles only when `A` and `B` are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectTrue<T extends true>(): T | undefined {
  return undefined;
}

/** A translated message, used so each call's result must be a string. */
function keep(message: string): void {
  void message;
}

export function literalKeys(t: TFunction): void {
  keep(t('app.productName'));
  // Two area files share the `errors` branch; both halves are known.
  keep(t('errors.meta.network'));
  keep(t('errors.settings.liveNeedsAppId'));
  // A plural is asked for by its bare name.
  keep(t('workspace.importProblems.more', { count: 2 }));
  // @ts-expect-error: no such key.
  keep(t('no.such.key'));
  // @ts-expect-error: a branch is not a message.
  keep(t('errors.meta'));
  // @ts-expect-error: a misspelt leaf.
  keep(t('app.productname'));
  // @ts-expect-error: a default value does not excuse a missing key.
  keep(t('no.such.key', 'Some words'));
  // @ts-expect-error: nor does a default value given as an option.
  keep(t('no.such.key', { defaultValue: 'Some words' }));
}

export function useHookKeys(): void {
  const { t } = useTranslation();
  keep(t('app.productName'));
  // @ts-expect-error: the hook's `t` is the same typed function.
  keep(t('no.such.key'));
}

/** Keys built from templates are checked member by member of the union they are built from. */
export function templateKeys(t: TFunction, step: StepId, error: ErrorCode, finding: FindingCode): void {
  const PARTS = ['short', 'title', 'why'] as const;
  const WITH_ONE_MISSING = ['short', 'title', 'why', 'summary'] as const;
  for (const part of PARTS) keep(t(`steps.${step}.${part}`));
  keep(t(`errors.${error}`));
  keep(t(`findings.${finding}`));
  for (const part of WITH_ONE_MISSING) {
    // @ts-expect-error: no step has a summary, so one member of the union is missing.
    keep(t(`steps.${step}.${part}`));
  }
  // @ts-expect-error: only some steps have advice; the others are missing members.
  keep(t(`steps.${step}.advice`));
  // @ts-expect-error: error codes have no message under another branch.
  keep(t(`notices.${error}`));
}

/** Keys that arrive as data go through the one check, which narrows to what the catalog holds. */
export function dataKeys(t: TFunction, step: StepId, wire: string): void {
  const advice = `steps.${step}.advice` as const;
  if (isCatalogKey(advice, 'steps.')) {
    // Narrowed to the steps whose advice the catalog words, and to nothing else.
    expectTrue<Equal<typeof advice, Extract<MessageKey, `steps.${StepId}.advice`>>>();
    keep(t(advice));
  }
  if (isCatalogKey(wire, 'connect.scopes.')) {
    expectTrue<Equal<typeof wire, KeyWithin<'connect.scopes.'>>>();
    keep(t(wire));
  }
  // @ts-expect-error: unchecked data is not a key.
  keep(t(wire));
  const message = validationKey(wire);
  keep(t(message));
  // @ts-expect-error: a validation message is never a message of another branch.
  const other: 'app.productName' = message;
  keep(other);
}

/** Every checklist item of every step is worded: the table's ids are literal types. */
export function checklistKeys(t: TFunction, step: StepDefinition): void {
  expectTrue<Equal<Extract<`checklists.${ChecklistItemPath}`, MessageKey>, `checklists.${ChecklistItemPath}`>>();
  for (const item of step.checklist) keep(t(checklistKey(step.id, item), { path: '' }));
  // @ts-expect-error: an item the table does not declare.
  const unknown: ChecklistItemPath = 'requirements.no-such-item';
  keep(unknown);
}
