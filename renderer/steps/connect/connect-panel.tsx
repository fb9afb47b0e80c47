import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetaConnection } from '../../../shared/model/meta/connection';
import { ErrorBar } from '../../components/error-bar';
import { OperationProgress } from '../../components/operation-progress';
import { isCatalogKey } from '../../i18n/keys';
import { useConnectionStore } from '../../state/connection-store';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

function formatExpiry(expiresAt: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(expiresAt));
}

/**
 * Step 2's Facebook connection: log in, see what Meta granted, ask again, disconnect.
 *
 * Every action goes through main (the token never reaches this page); while the login window
 * is open the panel shows it and offers Cancel; a failure says why and offers to try again,
 * and leaves the connection as it was. Closing the login window is the admin's choice, not a
 * failure: it is said in the status line, with one button to log in again.
 */
export function ConnectPanel() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { connection, pending, loginOperation, error, closed, login, disconnect, refresh } = useConnectionStore();
  // Opening the step checks the session with Meta, so an expired or revoked one is said at once.
  useEffect(() => {
    const store = useConnectionStore.getState();
    if (store.connection?.connected) void store.refresh();
  }, []);
  if (!connection) return <Spinner size="small" label={t('connect.loading')} />;

  const retry = () => {
    if (!error) return;
    if (error.retry === 'disconnect') void disconnect();
    else if (error.retry === 'refresh') void refresh();
    else void login(error.retry);
  };

  return (
    <section className={styles.panel} aria-labelledby="connect-panel-title" data-testid="connect-panel">
      <div className={styles.row}>
        <h3 id="connect-panel-title" className={styles.h3}>
          {t('connect.title')}
        </h3>
        <Badge appearance="tint" color={connection.mode === 'sandbox' ? 'warning' : 'brand'} data-testid="connect-mode">
          {t(`connect.mode.${connection.mode}`)}
        </Badge>
      </div>

      {error && (
        <div className={styles.panel}>
          <ErrorBar error={error.error} />
          <div>
            <Button onClick={retry}>{t('connect.retry')}</Button>
          </div>
        </div>
      )}

      {pending && pending !== 'disconnect' && pending !== 'refresh' ? (
        <OperationProgress id={loginOperation} fallbackLabel={t('connect.waiting')} />
      ) : (
        <div role="status" aria-live="polite" className={styles.panel}>
          {pending === 'disconnect' || pending === 'refresh' ? (
            <Spinner size="tiny" label={t(pending === 'disconnect' ? 'connect.disconnecting' : 'connect.checking')} />
          ) : connection.connected ? (
            <p className={styles.text} data-testid="connect-status">
              {t('connect.connectedAs', { name: connection.name })}
            </p>
          ) : (
            <p className={styles.text} data-testid="connect-status">
              {t('connect.notConnected')}
            </p>
          )}
        </div>
      )}

      {connection.needsLogin && !pending && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('connect.expiredTitle')}</MessageBarTitle>
            {t('connect.expired', { name: connection.name ?? '' })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void login('login')}>{t('connect.loginAgain')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {closed && !pending && (
        <div className={styles.row} data-testid="connect-window-closed">
          <p className={styles.text} role="status">
            {t('connect.windowClosed')}
          </p>
          {!connection.connected && !connection.needsLogin && (
            <Button appearance="primary" onClick={() => void login(closed)}>
              {t('connect.loginAgain')}
            </Button>
          )}
        </div>
      )}

      {connection.connected ? <Connected connection={connection} language={i18n.language} busy={pending !== null} /> : !connection.needsLogin && !closed && (
        <div className={styles.panel}>
          <p className={styles.text}>{t(connection.mode === 'sandbox' ? 'connect.introSandbox' : 'connect.introLive')}</p>
          <div>
            <Button appearance="primary" disabledFocusable={pending !== null} onClick={() => void login('login')}>
              {t('connect.login')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

/** What a connected session looks like: permissions, expiry, and what can be done next. */
function Connected({ connection: current, language, busy }: { connection: MetaConnection; language: string; busy: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { login, disconnect, refresh } = useConnectionStore();
  // Meta may grant permissions this app does not ask for: those show by their own name.
  const scopeName = (scope: string): string => {
    const key = `connect.scopes.${scope}`;
    return isCatalogKey(key, 'connect.scopes.') ? t(key) : scope;
  };
  return (
    <div className={styles.panel}>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('connect.granted')}</dt>
        <dd className={styles.detail} data-testid="scopes-granted">
          {current.scopesGranted.length ? current.scopesGranted.map(scopeName).join(t('nav.listSeparator')) : t('connect.none')}
        </dd>
        <dt className={styles.term}>{t('connect.missing')}</dt>
        <dd className={styles.detail} data-testid="scopes-missing">
          {current.scopesMissing.length ? current.scopesMissing.map(scopeName).join(t('nav.listSeparator')) : t('connect.none')}
        </dd>
        <dt className={styles.term}>{t('connect.expires')}</dt>
        <dd className={styles.detail} data-testid="connect-expiry">
          {current.expiresAt ? formatExpiry(current.expiresAt, language) : t('connect.noExpiry')}
        </dd>
      </dl>
      {!current.remembered && <p className={styles.text}>{t('connect.notRemembered')}</p>}
      <div className={styles.row}>
        {current.scopesMissing.length > 0 && (
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void login('rerequest')}>
            {t('connect.askAgain')}
          </Button>
        )}
        <Button disabledFocusable={busy} onClick={() => void refresh()}>
          {t('connect.checkAgain')}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void login('another-account')}>
          {t('connect.anotherAccount')}
        </Button>
        <Button disabledFocusable={busy} onClick={() => void disconnect()}>
          {t('connect.disconnect')}
        </Button>
      </div>
    </div>
  );
}
