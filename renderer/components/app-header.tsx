import { Badge, Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons/svg/settings';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';
import { effectiveMode } from '../../shared/model/settings/settings';
import { hashFor } from '../routing/hash-route';
import { useAppInfoStore } from '../state/app-info-store';
import { useSettingsStore } from '../state/settings-store';
import { ErrorBar } from './error-bar';
import { LanguageSwitch } from './language-switch';
import { UpdateBanner } from './update-banner';
import { WorkspaceSwitcher } from './workspace-switcher';
import { call, setupApi } from '../state/ipc';

/** Opens a page of the local Meta simulator in the browser; the error (or null) to show. */
async function openSimulatorPage(page: 'phone' | 'faults' | 'rehearsal'): Promise<AppErrorShape | null> {
  const result = await call(() => setupApi().app.openSimulatorPage({ page }));
  return result.ok ? null : result.error;
}

/** The sandbox banner's buttons: the simulator's pages an admin opens in the browser. */
const SIMULATOR_PAGE_LABELS = { phone: 'header.sandboxPhonePage', faults: 'header.sandboxFaultsPage', rehearsal: 'header.sandboxRehearsalPage' } as const;

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
  },
  spacer: { flexGrow: 1 },
  banner: { borderRadius: 0 },
  sandboxBadge: {
    // Forced colors would flatten the badge into text: keep a visible frame around it.
    '@media (forced-colors: active)': { outline: '2px solid CanvasText' },
  },
});

/**
 * The top bar: product name, mode, language and settings, and the sandbox banner.
 *
 * The mode comes from `effectiveMode` over the stored settings, not from what the admin
 * typed: the banner must never claim live while the app cannot be.
 */
export function AppHeader({ onSettings }: { onSettings: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const settings = useSettingsStore((state) => state.settings);
  const info = useAppInfoStore((state) => state.info);
  const [languageError, setLanguageError] = useState<AppErrorShape | null>(null);
  const mode = settings ? effectiveMode(settings) : (info?.mode ?? 'sandbox');
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Text as="span" weight="semibold" size={400}>
          {t('app.productName')}
        </Text>
        <WorkspaceSwitcher />
        {mode === 'sandbox' ? (
          <Badge appearance="filled" color="warning" size="large" className={styles.sandboxBadge} data-testid="sandbox-badge">
            {t('header.sandboxBadge')}
          </Badge>
        ) : (
          <Badge appearance="tint" color="success" size="large" data-testid="live-badge">
            {t('header.liveBadge')}
          </Badge>
        )}
        <span className={styles.spacer} />
        <LanguageSwitch onError={setLanguageError} />
        <Button
          as="a"
          href={hashFor({ kind: 'settings' })}
          appearance="subtle"
          icon={<Settings20Regular />}
          aria-current={onSettings ? 'page' : undefined}
        >
          {t('header.settings')}
        </Button>
      </div>
      {mode === 'sandbox' && (
        <MessageBar intent="warning" layout="multiline" className={styles.banner} data-testid="sandbox-banner">
          <MessageBarBody>
            <MessageBarTitle>{t('header.sandboxBadge')}</MessageBarTitle>
            {t('header.sandboxBanner')} <Link href={hashFor({ kind: 'settings' })}>{t('header.sandboxBannerLink')}</Link>
          </MessageBarBody>
          <MessageBarActions>
            {(['phone', 'faults', 'rehearsal'] as const).map((page) => (
              <Button key={page} size="small" onClick={() => void openSimulatorPage(page).then(setLanguageError)} data-testid={`simulator-${page}`}>
                {t(SIMULATOR_PAGE_LABELS[page])}
              </Button>
            ))}
          </MessageBarActions>
        </MessageBar>
      )}
      <UpdateBanner />
      {languageError && <ErrorBar error={languageError} />}
    </header>
  );
}
