import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  age: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  stale: { margin: 0, color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** A time as people read it: the hour alone today, with the date otherwise. */
export function formatWhen(iso: string, language: string, now: Date = new Date()): string {
  const when = new Date(iso);
  const sameDay = when.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(language, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}

/** "2 minutes ago", "just now", or the time itself beyond a day. */
function ageText(iso: string, language: string, now: Date, justNow: string, at: (time: string) => string): string {
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return justNow;
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return at(formatWhen(iso, language, now));
}

/** Re-renders every half minute, so an age on screen stays true. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * When a reading of Meta was taken: "Read 2 minutes ago."
 *
 * `stale` says the last attempt to read again failed (offline, throttled): the page then shows
 * that what it holds is the last reading, not Meta now.
 */
export function ReadingAge({ readAt, stale = false, testId }: { readAt: string; stale?: boolean; testId?: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const now = useNow();
  const age = ageText(readAt, i18n.language, now, t('readingAge.justNow'), (time) => t('readingAge.at', { time }));
  return (
    <p className={stale ? styles.stale : styles.age} data-testid={testId} data-stale={stale}>
      <time dateTime={readAt} title={new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(readAt))}>
        {stale ? t('readingAge.stale', { age }) : t('readingAge.read', { age })}
      </time>
    </p>
  );
}
