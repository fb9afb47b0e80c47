import { Input, Text, makeStyles, tokens, type InputProps } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/rules/findings';
import { useDrafts } from '../../state/drafts-store';

export { useDrafts };


/** Findings whose path is exactly `path` (not the ones under it), for messages about a whole list. */
export function findingsExactly(findings: readonly Finding[], path: readonly (string | number)[]): Finding[] {
  return findings.filter((finding) => finding.path.length === path.length && path.every((part, index) => finding.path[index] === part));
}

const useStyles = makeStyles({
  blocking: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  advice: { color: tokens.colorNeutralForeground2 },
});

/**
 * The translated findings of a place that is not one control (a group of selects, a list),
 * where FormField cannot be used without giving several controls one id.
 */
export function FindingLines({ findings, testId }: { findings: readonly Finding[]; testId?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <div data-testid={testId}>
      {findings.map((finding, index) => (
        <Text as="p" block key={`${finding.code}-${index}`} className={styles[finding.severity]} data-finding={finding.code}>
          {t(`findings.${finding.code}`, finding.params)}
        </Text>
      ))}
    </div>
  );
}

/**
 * A whole-number input that commits only numbers the drafts schema can store.
 *
 * The text typed is kept locally, so "1e" or "-" mid-typing is not lost; an empty field commits
 * `undefined` (the rules then say what is missing). Numbers outside `[min, max]` (the schema's
 * bounds, not the manual's: those are the rules' business) are not committed.
 */
export function NumberInput({
  value,
  onCommit,
  min,
  max,
  ...rest
}: { value: number | undefined; onCommit: (value: number | undefined) => void; min: number; max: number } & Omit<InputProps, 'value' | 'onChange' | 'type' | 'min' | 'max'>) {
  const [textValue, setTextValue] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    // Follow outside changes (another skill selected, a reload) without fighting the admin's typing.
    setTextValue((current) => (current.trim() === '' ? value === undefined : Number(current) === value) ? current : value === undefined ? '' : String(value));
  }, [value]);
  return (
    <Input
      {...rest}
      type="text"
      inputMode="numeric"
      value={textValue}
      onChange={(_event, data) => {
        setTextValue(data.value);
        const trimmed = data.value.replace(/[\s\u202f\u00a0,]/g, '');
        if (trimmed === '') onCommit(undefined);
        else if (/^\d+$/.test(trimmed)) {
          const parsed = Number(trimmed);
          if (parsed >= min && parsed <= max) onCommit(parsed);
        }
      }}
    />
  );
}
