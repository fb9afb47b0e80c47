import { Button, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCatalogKey } from '../i18n/keys';
import { useOperation, useOperationsStore } from '../state/operations-store';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/**
 * One progress display for every long operation: what is happening, step k of n, per-item
 * outcomes, and Cancel where the operation says stopping half-way is safe.
 *
 * Step labels are translated from `operations.<area>.<verb>.<step>`; the live region reads each
 * new step aloud, so a screen-reader user follows the work without hunting for it.
 */
export function OperationProgress({ id, fallbackLabel }: { id: string | null; fallbackLabel: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const progress = useOperation(id);
  const cancel = useOperationsStore((state) => state.cancel);
  const [cancelling, setCancelling] = useState(false);
  const step = progress?.step ?? null;
  const key = step && progress ? `operations.${progress.operation.replace(':', '.')}.${step.code}` : '';
  const label = isCatalogKey(key, 'operations.') ? t(key) : fallbackLabel;
  return (
    <div className={styles.box} data-testid="operation-progress" data-operation={progress?.operation ?? ''}>
      <div className={styles.row}>
        <Spinner size="tiny" />
        <span role="status" aria-live="polite">
          {label}
          {step && step.total > 1 ? ` (${t('operations.stepOf', { index: step.index, total: step.total })})` : ''}
        </span>
        {progress?.cancellable && id && (
          <Button
            disabledFocusable={cancelling}
            onClick={() => {
              setCancelling(true);
              void cancel(id).finally(() => setCancelling(false));
            }}
          >
            {cancelling ? t('operations.cancelling') : t('operations.cancel')}
          </Button>
        )}
      </div>
      {step && step.total > 1 && <ProgressBar value={step.index} max={step.total} thickness="medium" aria-label={label} />}
      {progress && progress.items.length > 0 && (
        <ul className={styles.items}>
          {progress.items.map((item) => (
            <li key={item.key}>
              {item.key}: {item.ok ? t('operations.itemOk') : t(`errors.${item.error?.code ?? 'internal'}`, item.error?.params ?? {})}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
