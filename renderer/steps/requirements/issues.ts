import { useTranslation } from 'react-i18next';
import type { FieldErrors } from 'react-hook-form';
import { Requirements } from '../../../shared/model/requirements/requirements';
import { REQUIREMENT_ISSUES, requirementIssues, type RequirementField, type RequirementIssue, type RequirementIssueCode } from '../../../shared/rules/requirements';

/**
 * The form's schema: the stored shape, plus the rules' errors under the fields they concern.
 *
 * The message is the issue code; the field shows it translated, with the params the rules gave.
 * Warnings and notes are not errors: they never stop anything, and show without waiting for the
 * admin to leave the field.
 */
export const RequirementsForm = Requirements.superRefine((values, context) => {
  for (const issue of requirementIssues(values)) {
    if (issue.severity === 'error') context.addIssue({ code: 'custom', path: issue.field.split('.'), message: issue.code });
  }
});

/** What a field shows: its text, translated, and how much it matters. */
export interface FieldIssue {
  readonly severity: 'error' | 'warning' | 'info';
  readonly text: string;
}

function errorCodeAt(errors: FieldErrors<Requirements>, field: RequirementField): string | undefined {
  const [head, tail] = field.split('.') as [keyof Requirements, string | undefined];
  const node = errors[head] as Record<string, { message?: string }> | { message?: string } | undefined;
  if (!node) return undefined;
  if (tail === undefined) return (node as { message?: string }).message;
  return (node as Record<string, { message?: string }>)[tail]?.message;
}

/**
 * The issue each field shows: an error once the form has checked the field (after the admin
 * left it), otherwise the worst warning or note, at once.
 */
export function useFieldIssues(values: Requirements, errors: FieldErrors<Requirements>): (field: RequirementField) => FieldIssue | undefined {
  const { t } = useTranslation();
  const issues = requirementIssues(values);
  const text = (issue: Pick<RequirementIssue, 'code' | 'params'>) => t(`requirements.issues.${issue.code}`, issue.params);
  return (field) => {
    const here = issues.filter((issue) => issue.field === field);
    const code = errorCodeAt(errors, field);
    // An error the form found earlier but the rules no longer see is stale: not shown.
    const error = code ? here.find((issue) => issue.code === (code as RequirementIssueCode)) : undefined;
    if (error) return { severity: 'error', text: text(error) };
    const other = here.find((issue) => REQUIREMENT_ISSUES[issue.code] === 'warning') ?? here.find((issue) => REQUIREMENT_ISSUES[issue.code] === 'info');
    return other ? { severity: other.severity, text: text(other) } : undefined;
  };
}
