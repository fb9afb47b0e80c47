import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountState, PhoneNumberReading } from '../../../shared/model/meta/account';
import { ReadingAge } from '../../components/reading-age';
import { useAccountStore } from '../../state/account-store';
import { useOnboardingStore } from '../../state/onboarding-store';
import { AttemptLog } from './attempt-log';
import { nextStepOf, useMetaValue } from './labels';
import { ProfileEditor } from './profile-editor';

// The add-number form reads phone numbers with libphonenumber's full metadata: loaded when opened only.
const AddNumber = lazy(() => import('./add-number').then((module) => ({ default: module.AddNumber })));

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  number: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all', whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingBlock: tokens.spacingVerticalXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/**
 * The chosen account's phone numbers: each with its status, what it needs next (verify, register),
 * its profile and its attempt log, and the number to select in CXone.
 */
export function NumbersPanel({ account, accountName, connected, stale }: { account: AccountState; accountName: string; connected: boolean; stale: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const value = useMetaValue();
  const busy = useAccountStore((state) => state.busy);
  const refreshNumbers = useAccountStore((state) => state.refreshNumbers);
  const flow = useOnboardingStore((state) => state.flow);
  const running = useOnboardingStore((state) => state.operation !== null);
  const open = useOnboardingStore((state) => state.open);
  const [profileOf, setProfileOf] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [copied, setCopied] = useState<'copied' | 'refused' | null>(null);
  const shown = useRef(new Map<string, HTMLElement>());
  const numbers = account.numbers?.value ?? [];
  const wabaId = account.selection.wabaId ?? '';

  async function copy(number: PhoneNumberReading): Promise<void> {
    try {
      await navigator.clipboard.writeText(number.displayPhoneNumber);
      setCopied('copied');
    } catch {
      setCopied('refused');
      const element = shown.current.get(number.id);
      if (element) window.getSelection()?.selectAllChildren(element);
    }
  }

  const openFlow = (number: PhoneNumberReading, start: 'verify' | 'register') => open(start, { id: number.id, display: number.displayPhoneNumber });

  return (
    <div className={styles.panel} data-testid="numbers-panel">
      <h4 className={styles.h4}>{t('onboarding.numbers.title')}</h4>
      <p className={styles.text}>{t('onboarding.numbers.intro')}</p>
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={!connected || running || flow !== null} onClick={() => open('add')}>
          {t('onboarding.numbers.add')}
        </Button>
        <Button disabledFocusable={!connected || busy !== null} onClick={() => void refreshNumbers()}>
          {t('onboarding.numbers.readAgain')}
        </Button>
        {busy === 'numbers' && <Spinner size="tiny" label={t('onboarding.account.reading')} />}
      </div>
      {account.numbers && <ReadingAge readAt={account.numbers.readAt} stale={stale} testId="numbers-read-at" />}

      {flow && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <AddNumber wabaId={wabaId} accountName={accountName} account={account} />
        </Suspense>
      )}

      {account.numbers && numbers.length === 0 ? (
        <p className={styles.text}>{t('onboarding.numbers.none')}</p>
      ) : (
        <Table size="small" aria-label={t('onboarding.numbers.label', { account: accountName })} data-testid="numbers-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('onboarding.numbers.column.number')}</TableHeaderCell>
              <TableHeaderCell>{t('onboarding.numbers.column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('onboarding.numbers.column.status')}</TableHeaderCell>
              <TableHeaderCell>{t('onboarding.numbers.column.verification')}</TableHeaderCell>
              <TableHeaderCell>{t('onboarding.numbers.column.registration')}</TableHeaderCell>
              <TableHeaderCell>{t('onboarding.numbers.column.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {numbers.map((number) => {
              const next = nextStepOf(number);
              const attempts = account.attempts[number.id]?.length ?? 0;
              const display = number.displayPhoneNumber;
              return (
                <TableRow key={number.id} data-testid="number-row" data-number-id={number.id}>
                  <TableCell>
                    <span
                      className={styles.number}
                      ref={(element) => {
                        if (element) shown.current.set(number.id, element);
                      }}
                    >
                      {display}
                    </span>
                  </TableCell>
                  <TableCell>{number.verifiedName ? t('onboarding.numbers.nameReview', { name: number.verifiedName, review: value('name', number.nameStatus) }) : value('name', null)}</TableCell>
                  <TableCell data-testid="number-status">{value('phone', number.status)}</TableCell>
                  <TableCell>{value('code', number.codeVerificationStatus)}</TableCell>
                  <TableCell>{number.platformType === 'CLOUD_API' ? t('onboarding.numbers.registered') : t('onboarding.numbers.notRegistered')}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {next === 'verify' && (
                        <Button size="small" appearance="primary" aria-label={t('onboarding.numbers.verify', { number: display })} disabledFocusable={!connected || running || flow !== null} onClick={() => openFlow(number, 'verify')}>
                          {t('onboarding.numbers.verifyShort')}
                        </Button>
                      )}
                      {next === 'register' && (
                        <Button size="small" appearance="primary" aria-label={t('onboarding.numbers.register', { number: display })} disabledFocusable={!connected || running || flow !== null} onClick={() => openFlow(number, 'register')}>
                          {t('onboarding.numbers.registerShort')}
                        </Button>
                      )}
                      <Button size="small" aria-label={t('onboarding.numbers.copyNumber', { number: display })} onClick={() => void copy(number)}>
                        {t('onboarding.numbers.copyShort')}
                      </Button>
                      <Button size="small" aria-label={t('onboarding.numbers.profile', { number: display })} aria-expanded={profileOf === number.id} onClick={() => setProfileOf(profileOf === number.id ? null : number.id)}>
                        {t('onboarding.numbers.profileShort')}
                      </Button>
                      <Button size="small" aria-label={t('onboarding.numbers.attempts', { number: display, total: attempts })} aria-expanded={logOf === number.id} onClick={() => setLogOf(logOf === number.id ? null : number.id)}>
                        {t('onboarding.numbers.attemptsShort', { total: attempts })}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <p className={styles.hint} role="status">
        {copied === 'copied' ? t('onboarding.numbers.copied') : copied === 'refused' ? t('onboarding.numbers.copyRefused') : ''}
      </p>
      <p className={styles.text}>{t('onboarding.numbers.cxone')}</p>

      {profileOf && numbers.some((number) => number.id === profileOf) && (
        <ProfileEditor key={profileOf} phoneNumberId={profileOf} display={numbers.find((number) => number.id === profileOf)?.displayPhoneNumber ?? ''} account={account} connected={connected} />
      )}
      {logOf && <AttemptLog display={numbers.find((number) => number.id === logOf)?.displayPhoneNumber ?? logOf} entries={account.attempts[logOf] ?? []} />}
    </div>
  );
}
