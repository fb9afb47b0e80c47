import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptEntry } from '../../../shared/model/meta/account';
import { REGISTER_LIMIT } from '../../../shared/model/meta/onboarding';
import { registerCallsInWindow, registerLimitLiftsAt } from '../../../shared/rules/register-limit';
import { formatWhen } from '../../components/reading-age';
import { PANEL_STYLES } from './panel-styles';

const useStyles = makeStyles({
  box: { ...PANEL_STYLES.box, gap: tokens.spacingVerticalS },
  h4: PANEL_STYLES.h4,
  text: PANEL_STYLES.text,
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * What was tried on a number from this computer, newest first, and when the next attempt is
 * allowed: Meta's register limit from the log, or the time Meta's last refusal asked to wait.
 */
export function AttemptLog({ display, entries }: { display: string; entries: readonly AttemptEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const now = new Date();
  const when = (iso: string) => formatWhen(iso, i18n.language);
  const registers = registerCallsInWindow(entries, now);
  const liftsAt = registerLimitLiftsAt(entries, now);
  const last = entries.at(-1);
  const waitUntil = last && !last.ok ? String(last.error?.params.retryAt ?? '') : '';
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="attempt-log">
      <h4 id={headingId} className={styles.h4}>
        {t('onboarding.attempts.title', { number: display })}
      </h4>
      {entries.length === 0 ? (
        <p className={styles.text}>{t('onboarding.attempts.none')}</p>
      ) : (
        <>
          {registers.length > 0 && <p className={styles.text}>{t('onboarding.attempts.registerWindow', { count: registers.length, limit: REGISTER_LIMIT })}</p>}
          {registers.length >= REGISTER_LIMIT && liftsAt && <p className={styles.text}>{t('onboarding.attempts.registerBlocked', { time: when(liftsAt) })}</p>}
          {waitUntil !== '' && Date.parse(waitUntil) > now.getTime() && <p className={styles.text}>{t('onboarding.attempts.waitUntil', { time: when(waitUntil) })}</p>}
          <ol className={styles.list} reversed>
            {[...entries].reverse().map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                <time dateTime={entry.at}>{when(entry.at)}</time>
                {' — '}
                {entry.action === 'requestCode' && entry.method ? t('onboarding.attempts.action.requestCodeBy', { method: t(`onboarding.attempts.method.${entry.method}`) }) : t(`onboarding.attempts.action.${entry.action}`)}
                {' — '}
                {entry.ok || !entry.error ? t('onboarding.attempts.ok') : <span className={styles.failed}>{t(`errors.${entry.error.code}`, entry.error.params)}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
