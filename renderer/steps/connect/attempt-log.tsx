import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptEntry } from '../../../shared/model/meta/account';
import { REGISTER_LIMIT, REGISTER_WINDOW_HOURS } from '../../../shared/model/meta/onboarding';
import { formatWhen } from '../../components/reading-age';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const WINDOW_MS = REGISTER_WINDOW_HOURS * 3600_000;

/**
 * Register calls that count against Meta's 10 per 72 hours: those that reached Meta (main's
 * onboarding counts them the same way before it lets another one go).
 */
function countsAgainstLimit(entry: AttemptEntry, now: number): boolean {
  const code = entry.error?.code;
  const reachedMeta = code !== 'meta.network' && code !== 'meta.cancelled' && code !== 'meta.number.registerLimit' && code !== 'meta.session.notConnected' && code !== 'meta.session.expired';
  return entry.action === 'register' && reachedMeta && now - Date.parse(entry.at) < WINDOW_MS;
}

/**
 * What was tried on a number from this computer, newest first, and when the next attempt is
 * allowed: Meta's register limit from the log, or the time Meta's last refusal asked to wait.
 */
export function AttemptLog({ display, entries }: { display: string; entries: readonly AttemptEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const now = Date.now();
  const when = (iso: string) => formatWhen(iso, i18n.language);
  const registers = entries.filter((entry) => countsAgainstLimit(entry, now));
  const last = entries.at(-1);
  const waitUntil = last && !last.ok ? String(last.error?.params.retryAt ?? '') : '';
  const [oldest] = registers;
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
          {registers.length >= REGISTER_LIMIT && oldest && <p className={styles.text}>{t('onboarding.attempts.registerBlocked', { time: when(new Date(Date.parse(oldest.at) + WINDOW_MS).toISOString()) })}</p>}
          {waitUntil !== '' && Date.parse(waitUntil) > now && <p className={styles.text}>{t('onboarding.attempts.waitUntil', { time: when(waitUntil) })}</p>}
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
