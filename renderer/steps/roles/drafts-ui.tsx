import { Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Drafts } from '../../../shared/model/drafts/drafts';
import type { Finding } from '../../../shared/rules/findings';
import { ErrorBar } from '../../components/error-bar';
import { validationKey } from '../../i18n/keys';
import { useDrafts, useDraftsStore } from '../../state/drafts-store';

export { useDrafts };

/** How many findings the short list above a table names; the fields say the rest. */
const SUMMARY_LIMIT = 5;

const SEVERITY_ORDER = { blocking: 0, warning: 1, advice: 2 } as const;

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  editor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
  plainList: { listStyle: 'none', padding: 0, margin: 0 },
});

/** The layout classes the drafts screens share, so the three screens look alike. */
export const useDraftsStyles = useStyles;


/** A new id for a drafted object: every reference between drafts is by id, never by name. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Worst first, so the short lists start with what blocks the step. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * The loading state and the last save error of the drafts, shown once per screen.
 *
 * A failed save keeps the admin's change on screen; the error bar says why.
 */
export function DraftsStatus({ children }: { children: (drafts: Drafts) => ReactElement }) {
  const { t } = useTranslation();
  const { drafts } = useDrafts();
  const error = useDraftsStore((state) => state.error);
  return (
    <>
      {error && <ErrorBar error={error} />}
      {drafts ? children(drafts) : <Spinner size="small" label={t('channels.loading')} />}
    </>
  );
}

/**
 * The short list of findings above a table: how many, and the first few, worst first.
 *
 * Each finding is also shown under its own field once its row is opened.
 */
export function FindingsSummary({ findings, testId }: { findings: readonly Finding[]; testId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (findings.length === 0) return null;
  const sorted = bySeverity(findings);
  const intent = sorted[0]?.severity === 'blocking' ? 'error' : sorted[0]?.severity === 'warning' ? 'warning' : 'info';
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        {t('channels.findingsCount', { count: findings.length })}
        <ul className={styles.list}>
          {sorted.slice(0, SUMMARY_LIMIT).map((finding, position) => (
            <li key={`${finding.code}-${finding.path.join('.')}-${position}`} data-code={finding.code}>
              {finding.severity === 'advice' ? `${t('channels.adviceLabel')} ` : ''}
              {t(`findings.${finding.code}`, finding.params)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * A text field whose value must pass `schema` before it reaches the drafts.
 *
 * The drafts document refuses some values outright (an empty name, a number not in E.164), and
 * a document main refuses would not save at all; so the value is kept here, the schema's
 * message shown under the field, and only a valid value is handed to `onValid`. Otherwise the
 * rules' findings for the field show, through FormField.
 */
export function CheckedInput({
  label,
  hint,
  value,
  schema,
  findings = [],
  onValid,
  required = false,
  inputMode,
  path,
}: {
  label: string;
  hint?: string;
  value: string;
  schema: z.ZodType<string>;
  findings?: readonly Finding[];
  onValid: (value: string) => void;
  required?: boolean;
  inputMode?: 'tel' | 'text';
  /** Where the value sits in the drafts (`['roles', 2, 'name']`), as FormField's: a review link focuses it. */
  path?: readonly (string | number)[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Another window, an import or a removal may change the stored value: follow it unless the
  // admin holds an invalid value here.
  useEffect(() => {
    if (error === null) setText(value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const input = (
    <Input
      value={text}
      inputMode={inputMode}
      autoComplete="off"
      spellCheck={false}
      onChange={(_event, data) => {
        setText(data.value);
        const parsed = schema.safeParse(data.value);
        if (parsed.success) {
          setError(null);
          onValid(parsed.data);
        } else {
          const message = parsed.error.issues[0]?.message ?? '';
          setError(message.startsWith('validation.') ? message : 'validation.invalid');
        }
      }}
    />
  );
  // One Field in both cases (not FormField then Field), so the input is never remounted and
  // keeps focus while the admin types; the findings are shown exactly as FormField shows them.
  const worst = findings.find((finding) => finding.severity === 'blocking') ?? findings.find((finding) => finding.severity === 'warning') ?? findings[0];
  const findingMessage = worst ? t(`findings.${worst.code}`, worst.params) : undefined;
  const state = error ? 'error' : worst?.severity === 'blocking' ? 'error' : worst?.severity === 'warning' ? 'warning' : 'none';
  return (
    <Field
      label={label}
      hint={!error && worst?.severity === 'advice' ? findingMessage : hint}
      required={required}
      validationState={state}
      validationMessage={error ? t(validationKey(error)) : state === 'none' ? undefined : findingMessage}
      data-field={path?.join('.')}
    >
      {input}
    </Field>
  );
}
