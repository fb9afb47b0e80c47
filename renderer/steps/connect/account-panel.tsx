import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Waba } from '../../../shared/model/meta/account';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { ErrorBar } from '../../components/error-bar';
import { ReadingAge } from '../../components/reading-age';
import { useAccountStore, type AccountWork } from '../../state/account-store';
import { useConnectionStore } from '../../state/connection-store';
import { useOnboardingStore } from '../../state/onboarding-store';
import { useMetaValue } from './labels';
import { NumbersPanel } from './numbers-panel';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  portfolio: { minWidth: '20rem' },
});

/** An ended session is said by the connect panel above (with its Log in again), not twice. */
const SESSION_CODES = new Set(['meta.session.expired', 'meta.session.notConnected']);

/** Reads Meta can refuse for a while; the reading on screen is then the last one. */
const STALE_CODES = new Set(['meta.network', 'meta.rateLimited', 'meta.transient', 'meta.session.expired', 'meta.session.notConnected']);

/**
 * Step 2's Meta account: the business portfolio (pre-selected from step 1's Business Manager
 * ID), its WhatsApp Business accounts with their review and verification status, then the chosen
 * account's numbers.
 *
 * What was read shows with when it was read, offline too; a read that fails says why (with
 * Meta's support reference) and offers to try again, keeping the last reading on screen.
 */
export function AccountPanel() {
  const { t } = useTranslation();
  const styles = useStyles();
  const value = useMetaValue();
  const connected = useConnectionStore((state) => state.connection?.connected ?? false);
  const { account, busy, failure, load, subscribe, loadPortfolios, selectPortfolio, selectAccount, refreshNumbers } = useAccountStore();

  useEffect(() => {
    const stop = subscribe();
    void load();
    return stop;
  }, [subscribe, load]);

  // Opening the step while connected reads Meta once: the portfolios the first time, the numbers after.
  const readFor = useRef<string | null>(null);
  // A number's form belongs to the workspace it was opened in.
  const workspaceId = account?.workspaceId ?? null;
  useEffect(() => {
    if (workspaceId !== null) useOnboardingStore.getState().close();
  }, [workspaceId]);
  useEffect(() => {
    if (!connected || !account || readFor.current === account.workspaceId) return;
    readFor.current = account.workspaceId;
    if (account.portfolios === null) void loadPortfolios();
    else if (account.selection.wabaId !== null) void refreshNumbers();
  }, [connected, account, loadPortfolios, refreshNumbers]);

  if (!account) return <Spinner size="small" label={t('onboarding.loading')} />;

  const stale = (...works: AccountWork[]) => failure !== null && works.includes(failure.work) && STALE_CODES.has(failure.error.code);
  const portfolios = account.portfolios?.value ?? [];
  const chosenPortfolio = portfolios.find((portfolio) => portfolio.id === account.selection.businessId) ?? null;
  const accounts = account.accounts?.value ?? [];
  const chosenAccount = accounts.find((candidate) => candidate.id === account.selection.wabaId) ?? null;
  const reading = busy === 'portfolios' || busy === 'portfolio' || busy === 'account';

  const columns: DataTableColumn<Waba>[] = [
    { id: 'name', header: t('onboarding.account.column.name'), cell: (waba) => waba.name, text: (waba) => `${waba.name} ${waba.id}`, width: 'minmax(0, 2fr)' },
    { id: 'review', header: t('onboarding.account.column.review'), cell: (waba) => value('accountReview', waba.accountReviewStatus), text: (waba) => value('accountReview', waba.accountReviewStatus) },
    { id: 'verification', header: t('onboarding.account.column.verification'), cell: (waba) => value('verification', waba.businessVerificationStatus) },
    { id: 'ownership', header: t('onboarding.account.column.ownership'), cell: (waba) => t(`onboarding.account.ownership.${waba.ownership}`) },
  ];

  return (
    <section className={styles.panel} aria-labelledby="account-panel-title" data-testid="account-panel">
      <h3 id="account-panel-title" className={styles.h3}>
        {t('onboarding.account.title')}
      </h3>
      <p className={styles.text}>{t('onboarding.account.intro')}</p>

      {!connected && <p className={styles.text}>{t(account.portfolios ? 'onboarding.notConnectedWithReading' : 'onboarding.notConnected')}</p>}

      {failure && failure.work !== 'profile' && !SESSION_CODES.has(failure.error.code) && <ErrorBar error={failure.error} onRetry={connected && !busy ? () => void failure.retry() : undefined} />}

      {account.portfolios === null ? (
        connected && (
          <div>
            {busy === 'portfolios' ? (
              <Spinner size="tiny" label={t('onboarding.account.reading')} />
            ) : (
              <Button appearance="primary" onClick={() => void loadPortfolios()}>
                {t('onboarding.account.readPortfolios')}
              </Button>
            )}
          </div>
        )
      ) : portfolios.length === 0 ? (
        <p className={styles.text}>{t('onboarding.account.noPortfolio')}</p>
      ) : (
        <div className={styles.panel}>
          {account.unlistedBusinessManagerId !== null && (
            <MessageBar intent="warning" data-testid="unlisted-business-manager-id">
              <MessageBarBody>{t('onboarding.account.unlisted', { id: account.unlistedBusinessManagerId })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Field className={styles.portfolio} label={t('onboarding.account.portfolio')} hint={account.preselectBusinessId !== null && account.preselectBusinessId === account.selection.businessId ? t('onboarding.account.preselected') : undefined}>
              <Dropdown
                placeholder={t('onboarding.account.portfolioPlaceholder')}
                value={chosenPortfolio ? t('onboarding.account.portfolioOption', { name: chosenPortfolio.name, id: chosenPortfolio.id }) : ''}
                selectedOptions={chosenPortfolio ? [chosenPortfolio.id] : []}
                disabled={!connected || reading}
                onOptionSelect={(_event, data) => {
                  if (data.optionValue && data.optionValue !== account.selection.businessId) void selectPortfolio(data.optionValue);
                }}
                data-testid="portfolio-dropdown"
              >
                {portfolios.map((portfolio) => (
                  <Option key={portfolio.id} value={portfolio.id}>
                    {t('onboarding.account.portfolioOption', { name: portfolio.name, id: portfolio.id })}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {connected && (
              <Button disabledFocusable={busy !== null} onClick={() => void (account.selection.businessId ? selectPortfolio(account.selection.businessId) : loadPortfolios())}>
                {t('onboarding.account.readAgain')}
              </Button>
            )}
          </div>
          {account.portfolios && <ReadingAge readAt={(account.accounts ?? account.portfolios).readAt} stale={stale('portfolios', 'portfolio')} testId="accounts-read-at" />}
          {chosenPortfolio && <p className={styles.text}>{t('onboarding.account.verification', { status: value('verification', chosenPortfolio.verificationStatus) })}</p>}
        </div>
      )}

      {reading && account.portfolios !== null && <Spinner size="tiny" label={t('onboarding.account.reading')} />}

      {account.selection.businessId !== null && account.accounts !== null && (
        <div className={styles.panel}>
          <h4 className={styles.h4}>{t('onboarding.account.accounts')}</h4>
          {accounts.length === 0 ? (
            <p className={styles.text}>{t('onboarding.account.noAccount')}</p>
          ) : (
            <>
              {!chosenAccount && <p className={styles.text}>{t('onboarding.account.chooseAccount')}</p>}
              <DataTable
                label={t('onboarding.account.accounts')}
                rows={accounts}
                rowKey={(waba) => waba.id}
                columns={columns}
                selectedKey={account.selection.wabaId}
                onSelect={(waba) => {
                  if (connected && !busy && waba.id !== account.selection.wabaId) void selectAccount(waba.id);
                }}
                height={Math.min(320, (accounts.length + 1) * 36 + 4)}
                testId="accounts-table"
              />
            </>
          )}
          {chosenAccount && (
            <>
              <p className={styles.text} data-testid="account-chosen">
                {t('onboarding.account.chosen', { name: chosenAccount.name, id: chosenAccount.id })}
              </p>
              {chosenAccount.accountReviewStatus !== 'APPROVED' && (
                <MessageBar intent="warning">
                  <MessageBarBody>{t('onboarding.account.notApproved', { status: value('accountReview', chosenAccount.accountReviewStatus) })}</MessageBarBody>
                </MessageBar>
              )}
              {account.subscription && (
                <p className={styles.text} data-testid="account-subscription">
                  {account.subscription.value.subscribed ? t('onboarding.account.subscribed', { apps: account.subscription.value.apps.join(t('nav.listSeparator')) }) : t('onboarding.account.notSubscribed')}
                </p>
              )}
            </>
          )}
        </div>
      )}

      {chosenAccount && <NumbersPanel account={account} accountName={chosenAccount.name} connected={connected} stale={stale('account', 'numbers')} />}
    </section>
  );
}
