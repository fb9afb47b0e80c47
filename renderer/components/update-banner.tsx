import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISUALLY_HIDDEN } from './visually-hidden';
import type { UpdateRelease } from '../../shared/model/updates/updates';
import { useUpdatesStore } from '../state/updates-store';

const useStyles = makeStyles({
  banner: { borderRadius: 0 },
  notes: { marginBlock: tokens.spacingVerticalXS, whiteSpace: 'pre-wrap' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: '16rem' },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** "What's new": the release notes as plain text, folded so the banner stays one line. */
export function ReleaseNotes({ release }: { release: UpdateRelease }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <details>
      <summary>{t('updates.whatsNew')}</summary>
      {release.releaseDate && <p className={styles.notes}>{t('updates.releasedOn', { date: release.releaseDate.slice(0, 10) })}</p>}
      {/* Text only: notes come from the feed and are never rendered as markup. */}
      <p className={styles.notes}>{release.releaseNotes ?? t('updates.noNotes')}</p>
    </details>
  );
}

/**
 * The header's update banner: a newer version, its download, then "Restart to install".
 *
 * Shown only when there is something to act on; installing is always the admin's click. A
 * failed download stays on screen with Retry; the live region reads each change aloud.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useUpdatesStore((state) => state.status);
  const error = useUpdatesStore((state) => state.error);
  const download = useUpdatesStore((state) => state.download);
  const cancelDownload = useUpdatesStore((state) => state.cancelDownload);
  const install = useUpdatesStore((state) => state.install);
  const [installing, setInstalling] = useState(false);
  const state = status?.state;
  if (!state) return null;

  const shown = (() => {
    switch (state.kind) {
      case 'available':
        return {
          intent: 'info' as const,
          title: t('updates.available', { version: state.release.version }),
          body: <ReleaseNotes release={state.release} />,
          actions: (
            <Button size="small" appearance="primary" onClick={() => void download()}>
              {t('updates.download')}
            </Button>
          ),
        };
      case 'downloading': {
        const percent = Math.floor(state.percent);
        return {
          intent: 'info' as const,
          title: t('updates.downloading', { version: state.release.version, percent }),
          body: (
            <div className={styles.progress}>
              <ProgressBar value={state.percent} max={100} thickness="medium" aria-label={t('updates.downloadProgress')} aria-valuetext={`${percent}%`} />
            </div>
          ),
          actions: (
            <Button size="small" onClick={() => void cancelDownload()}>
              {t('updates.cancel')}
            </Button>
          ),
        };
      }
      case 'downloaded':
        return {
          intent: 'success' as const,
          title: t('updates.downloaded', { version: state.release.version }),
          body: <span>{t('updates.restartHint')}</span>,
          actions: (
            <Button
              size="small"
              appearance="primary"
              disabledFocusable={installing}
              onClick={() => {
                setInstalling(true);
                void install().finally(() => setInstalling(false));
              }}
            >
              {installing ? t('updates.installing') : t('updates.restart')}
            </Button>
          ),
        };
      case 'error':
        if (state.during !== 'download' || !state.release) return null;
        return {
          intent: 'error' as const,
          title: t('updates.failedTitle'),
          body: <span>{t(`errors.${state.error.code}`, state.error.params)}</span>,
          actions: (
            <Button size="small" onClick={() => void download()}>
              {t('updates.retry')}
            </Button>
          ),
        };
      default:
        return null;
    }
  })();

  // Read aloud once per change of state, not at every percent of the download.
  const announcement = !shown ? '' : state.kind === 'downloading' ? t('operations.updates.download.downloading') : shown.title;
  return (
    <>
      <span role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </span>
      {shown && (
        <section aria-label={t('updates.banner')} data-testid="update-banner" data-state={state.kind}>
          <MessageBar intent={shown.intent} layout="multiline" className={styles.banner}>
            <MessageBarBody>
              <MessageBarTitle>{shown.title}</MessageBarTitle>
              {shown.body}
              {error && <p>{t(`errors.${error.code}`, error.params)}</p>}
            </MessageBarBody>
            <MessageBarActions>{shown.actions}</MessageBarActions>
          </MessageBar>
        </section>
      )}
    </>
  );
}
