import { Field, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../shared/rules/findings';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/**
 * One form field for every drafts screen: label, hint, the control, and what the manual's rules
 * say about it, translated.
 *
 * The findings come from the same validation main runs (blocking ones shown as errors, warnings
 * as warnings, advice as hints), so a field says what is wrong in the admin's words the moment
 * it is typed. `children` is the Fluent control (Input, Dropdown, SpinButton, Switch...).
 */
export function FormField({
  label,
  hint,
  findings = [],
  required = false,
  path,
  issue,
  children,
}: {
  label: string;
  hint?: string;
  findings?: readonly Finding[];
  required?: boolean;
  /** Where the field's value sits in the drafts (`['skills', 0, 'name']`): the review focuses it from a finding. */
  path?: readonly (string | number)[];
  /** A checked message that is not a drafts finding (step 1's rules), already translated; shown instead of the findings. */
  issue?: { severity: 'error' | 'warning' | 'info'; text: string };
  children: ReactElement;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const worst = findings.find((finding) => finding.severity === 'blocking') ?? findings.find((finding) => finding.severity === 'warning') ?? findings[0];
  const message = issue ? issue.text : worst ? t(`findings.${worst.code}`, worst.params) : undefined;
  const severity = issue ? { error: 'blocking', warning: 'warning', info: 'advice' }[issue.severity] : worst?.severity;
  const state = severity === 'blocking' ? 'error' : severity === 'warning' ? 'warning' : 'none';
  return (
    <Field
      className={styles.field}
      label={label}
      hint={severity === 'advice' ? message : hint}
      required={required}
      validationState={state}
      validationMessage={state === 'none' ? undefined : message}
      data-field={path?.join('.')}
    >
      {children}
    </Field>
  );
}
