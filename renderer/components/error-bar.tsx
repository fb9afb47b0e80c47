import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import { formatWhen } from './reading-age';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { margin: 0 },
  quote: { margin: 0, paddingInlineStart: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  reference: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  // Selectable as one piece, so the reference can be copied by hand when the clipboard is refused.
  code: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all', wordBreak: 'break-all' },
});

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** When the error says to try again, as a time in the future; null otherwise. */
function retryTime(error: AppErrorShape): number | null {
  const at = Date.parse(String(error.params.retryAt ?? error.params.liftsAt ?? ''));
  return Number.isFinite(at) ? at : null;
}

/**
 * A failed call, translated from its code, with what the admin needs to act on it.
 *
 * Main never sends prose: the code picks the sentence from `errors.<code>` and the params fill
 * it in. Around it: the wrong codes used, when a limit lifts or Meta asks to try again, Meta's
 * own words for the person (`userTitle` / `userMessage`, which Meta writes in their language),
 * and for every Meta error its support reference (`fbtrace_id`) with a Copy button. `onRetry`
 * adds a Try again button, disabled until the time Meta asked to wait for.
 */
export function ErrorBar({ error, onRetry }: { error: AppErrorShape; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { params } = error;
  const [copy, setCopy] = useState<'copied' | 'refused' | null>(null);
  const reference = useRef<HTMLElement | null>(null);
  const waitUntil = retryTime(error);
  const [now, setNow] = useState(() => Date.now());
  const waiting = waitUntil !== null && waitUntil > now;

  // Try again comes back by itself when the wait is over.
  useEffect(() => {
    if (waitUntil === null || waitUntil <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(waitUntil - Date.now() + 50, 2_147_483_647));
    return () => clearTimeout(timer);
  }, [waitUntil, now]);

  const traceId = text(params.traceId);
  const userTitle = text(params.userTitle);
  const userMessage = text(params.userMessage);
  const when = (iso: string) => formatWhen(iso, i18n.language);

  async function copyReference(value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      setCopy('refused');
      if (reference.current) window.getSelection()?.selectAllChildren(reference.current);
    }
  }

  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-bar" data-code={error.code}>
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t('errors.title')}</MessageBarTitle>
        <p className={styles.line}>{t(`errors.${error.code}`, params)}</p>
        {typeof params.attemptsUsed === 'number' && <p className={styles.line}>{t('errorBar.attemptsUsed', { count: params.attemptsUsed })}</p>}
        {text(params.liftsAt) && <p className={styles.line}>{t('errorBar.liftsAt', { time: when(String(params.liftsAt)) })}</p>}
        {text(params.retryAt) &&
          (typeof params.retryAfterMinutes === 'number' ? (
            <p className={styles.line}>{t('errorBar.waitMinutes', { minutes: params.retryAfterMinutes, time: when(String(params.retryAt)) })}</p>
          ) : (
            <p className={styles.line}>{t('errorBar.retryAt', { time: when(String(params.retryAt)) })}</p>
          ))}
        {(userTitle ?? userMessage) && (
          <p className={styles.quote} data-testid="error-meta-says">
            {t('errorBar.metaSays')} {[userTitle, userMessage].filter((part) => part !== null).join(' — ')}
          </p>
        )}
        {traceId && (
          <div className={styles.reference}>
            <span>
              {t('errorBar.supportReference')}{' '}
              <span
                className={styles.code}
                data-testid="error-trace-id"
                ref={(element) => {
                  reference.current = element;
                }}
              >
                {traceId}
              </span>
            </span>
            <Button size="small" aria-label={t('errorBar.copyReference')} onClick={() => void copyReference(traceId)}>
              {t('errorBar.copy')}
            </Button>
            <span role="status">{copy === 'copied' ? t('errorBar.copied') : copy === 'refused' ? t('errorBar.copyRefused') : ''}</span>
          </div>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button disabledFocusable={waiting} onClick={onRetry}>
            {waiting && waitUntil !== null ? t('errorBar.retryWhen', { time: when(new Date(waitUntil).toISOString()) }) : t('errorBar.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
