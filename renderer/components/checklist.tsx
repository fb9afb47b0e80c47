import { Badge, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import type { Language } from '../../shared/model/settings/settings';
import type { StepDefinition } from '../../shared/steps';
import { checklistKey } from '../i18n/keys';
import { useWorkspaceStore } from '../state/workspace-store';
import { ChecklistValues } from './checklist-values';
import { ErrorBar } from './error-bar';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: '3ch auto 1fr', alignItems: 'start', columnGap: tokens.spacingHorizontalS },
  number: { paddingBlockStart: tokens.spacingVerticalS, textAlign: 'end', color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  platform: { marginBlockStart: tokens.spacingVerticalS },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The manual's click path for a step, item by item, each ticked by the admin and saved.
 *
 * Each sentence names the product's own labels (CXone's or Meta's) in the admin's language, and
 * the path is filled in from `shared/step-checklists.ts` so French and English stay in step.
 */
export function Checklist({ step }: { step: StepDefinition }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const ticked = useWorkspaceStore((state) => state.current?.checklist[step.id]);
  const tick = useWorkspaceStore((state) => state.tick);
  const [error, setError] = useState<AppErrorShape | null>(null);
  // What the admin just clicked, shown at once while main saves it; dropped on main's answer.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const language = (i18n.language === 'fr' ? 'fr' : 'en') satisfies Language;
  const saved = new Set(ticked ?? []);
  const isTicked = (item: string) => pending[item] ?? saved.has(item);
  const done = new Set(step.checklist.filter((item) => isTicked(item.id)).map((item) => item.id));

  async function toggle(item: string, checked: boolean): Promise<void> {
    setPending((current) => ({ ...current, [item]: checked }));
    const result = await tick(step.id, item, checked);
    setPending(({ [item]: _answered, ...rest }) => rest);
    setError(result.ok ? null : result.error);
  }

  return (
    <>
      <p className={styles.count} data-testid="checklist-count">
        {t('checklist.count', { done: done.size, total: step.checklist.length })}
      </p>
      {error && <ErrorBar error={error} />}
      <ol className={styles.list} data-testid="checklist">
        {step.checklist.map((item, index) => (
          <li key={item.id} className={styles.item} data-item={item.id}>
            <span className={styles.number} aria-hidden>
              {index + 1}.
            </span>
            <Badge className={styles.platform} appearance="outline" color={item.platform === 'meta' ? 'brand' : 'informative'}>
              {t(`checklist.platform.${item.platform}`)}
            </Badge>
            <Checkbox
              checked={done.has(item.id)}
              onChange={(_event, data) => void toggle(item.id, data.checked === true)}
              label={t(checklistKey(step.id, item), { path: item.path ? item.path[language].join(' > ') : '' })}
            />
            <ChecklistValues step={step.id} item={item.id} />
          </li>
        ))}
      </ol>
    </>
  );
}
