import { Button, FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import { changeLanguage } from '../i18n/i18n';
import { useAppInfoStore } from '../state/app-info-store';
import { useSettingsStore } from '../state/settings-store';
import { ErrorBar } from './error-bar';
import { Shell } from './shell';
import { usePrefersDark } from './use-color-scheme';

const useStyles = makeStyles({
  failed: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXXL },
});

/**
 * The UI language: the admin's choice, else the OS language.
 *
 * Follows the settings store, so a change saved from the Settings page, the header switch or
 * another window applies everywhere at once.
 */
function useLanguageFromSettings(): void {
  const { i18n } = useTranslation();
  const chosen = useSettingsStore((state) => state.settings?.language ?? null);
  const os = useAppInfoStore((state) => state.info?.osLanguage ?? null);
  const wanted = chosen ?? os;
  useEffect(() => {
    if (wanted && wanted !== i18n.language) void changeLanguage(wanted);
  }, [wanted, i18n]);
}

/**
 * The root component: Fluent theme following the OS, then the shell (or why it could not start).
 *
 * Fluent's web themes carry forced-colors styles, so Windows high contrast stays legible.
 */
export function App({ bootError }: { bootError: AppErrorShape | null }) {
  const styles = useStyles();
  const dark = usePrefersDark();
  const { t } = useTranslation();
  useLanguageFromSettings();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      {bootError ? (
        <main className={styles.failed}>
          <h1>{t('app.loadFailed')}</h1>
          <ErrorBar error={bootError} />
          <Button appearance="primary" onClick={() => window.location.reload()}>
            {t('app.retry')}
          </Button>
        </main>
      ) : (
        <Shell />
      )}
    </FluentProvider>
  );
}
