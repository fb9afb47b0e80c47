import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/model/settings/settings';
import { checklistValues, type ChecklistValue } from '../../shared/step-checklist-values';
import type { StepId } from '../../shared/steps';
import { useDrafts } from '../state/drafts-store';

const useStyles = makeStyles({
  // The checklist item is a three-column grid; the values sit under the sentence, in its column.
  root: { gridColumn: '3', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingInlineStart: tokens.spacingHorizontalXXL },
  list: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  context: { color: tokens.colorNeutralForeground2 },
  // Selectable as one piece, so an admin whose clipboard is refused copies it with one click and Ctrl+C.
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', userSelect: 'all' },
  status: { color: tokens.colorNeutralForeground2 },
});

/**
 * How many values one item lists; the rest are counted.
 *
 * A tenant may draft thousands of skills: listing them all under one sentence would make the
 * checklist unreadable (and slow), while the step's own table already finds any one of them.
 */
export const CHECKLIST_VALUES_SHOWN = 20;

/** What the last Copy of this item gave: the polite status reads it out. */
type CopyStatus = 'copied' | 'refused' | null;

/**
 * The drafted values a checklist item asks the admin to type in CXone, each with a Copy button.
 *
 * The mapping (which values under which item) is `shared/step-checklist-values.ts`; labels are
 * CXone's own field labels in the admin's language, so the value sits next to the word they
 * will find on screen. The clipboard can be refused (the window grants no permission): the
 * status says so and the value is selected for Ctrl+C, never an error thrown.
 */
export function ChecklistValues({ step, item }: { step: StepId; item: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { drafts } = useDrafts();
  const language: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const values = useMemo(() => (drafts ? checklistValues(drafts, step, item, language) : []), [drafts, step, item, language]);
  const [status, setStatus] = useState<CopyStatus>(null);
  const shownRefs = useRef<(HTMLElement | null)[]>([]);

  if (values.length === 0) return null;

  const shown = (value: ChecklistValue): string => (value.value.kind === 'text' ? value.value.text : t('checklistValues.duration', value.value.duration));

  async function copy(text: string, index: number): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('refused');
      const element = shownRefs.current[index];
      if (element) window.getSelection()?.selectAllChildren(element);
    }
  }

  return (
    <div className={styles.root} data-testid="checklist-values">
      <ul className={styles.list} aria-label={t('checklistValues.group')}>
        {values.slice(0, CHECKLIST_VALUES_SHOWN).map((value, index) => {
          const text = shown(value);
          const context = value.context?.filter((part) => part !== '').join(t('checklistValues.contextSeparator'));
          return (
            <li key={`${value.field}-${index}`} className={styles.row} data-value-field={value.field}>
              {context && <span className={styles.context}>{context}</span>}
              <span>{t('checklistValues.labelled', { label: t(`checklistValues.field.${value.field}`) })}</span>
              <span
                className={styles.value}
                data-testid="checklist-value"
                ref={(element) => {
                  shownRefs.current[index] = element;
                }}
              >
                {text}
              </span>
              <Button size="small" aria-label={t('checklistValues.copyValue', { value: text })} onClick={() => void copy(text, index)}>
                {t('checklistValues.copy')}
              </Button>
            </li>
          );
        })}
      </ul>
      {values.length > CHECKLIST_VALUES_SHOWN && <span className={styles.context}>{t('checklistValues.more', { count: values.length - CHECKLIST_VALUES_SHOWN })}</span>}
      <span role="status" className={styles.status}>
        {status ? t(`checklistValues.${status}`) : ''}
      </span>
    </div>
  );
}
