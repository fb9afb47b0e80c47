import { Button, Field, Input, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import type { AccountState, PhoneNumberReading } from '../../../shared/model/meta/account';
import { managerLink } from '../../../shared/model/meta/manager-links';
import { TwoStepPin } from '../../../shared/model/meta/onboarding';
import type { StatusNotification } from '../../../shared/model/status/status';
import { ErrorBar } from '../../components/error-bar';
import { OperationProgress } from '../../components/operation-progress';
import { formatWhen } from '../../components/reading-age';
import { StepPage } from '../../components/step-page';
import { validationKey } from '../../i18n/keys';
import { hashFor } from '../../routing/hash-route';
import { useAccountStore } from '../../state/account-store';
import { useOperationsStore } from '../../state/operations-store';
import { useStatusStore } from '../../state/status-store';
import { ExternalLink, ValueBadge } from '../number-status/values';

/**
 * Meta's page on registering a business phone number; its section "Name change" says to register
 * the number again once Meta approves the new display name, and that registering before the
 * approval has no effect.
 */
export const REGISTRATION_PAGE = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/registration';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  actions: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  pin: { maxWidth: '16rem' },
});

/**
 * The approval of a display name the status board saw for a number, and when the number was
 * registered again since (from step 2's attempt log): the re-registration is offered while the
 * first is there without the second. Null without an approval seen.
 */
export function approvalOf(number: PhoneNumberReading, notifications: readonly StatusNotification[], account: AccountState | null): { approval: StatusNotification; registeredAt: string | null } | null {
  if (number.nameStatus !== 'APPROVED') return null;
  const approval = notifications.find((notification) => notification.kind === 'nameApproved' && notification.phoneNumberId === number.id);
  if (!approval) return null;
  const since = (account?.attempts[number.id] ?? []).filter((attempt) => attempt.action === 'register' && attempt.ok && Date.parse(attempt.at) >= Date.parse(approval.at));
  return { approval, registeredAt: since.at(-1)?.at ?? null };
}

/** Registers the number again with the PIN kept on this computer, or one typed here. */
function RegisterAgain({ number, approval, pinStored }: { number: PhoneNumberReading; approval: StatusNotification; pinStored: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const run = useOperationsStore((state) => state.run);
  const [operation, setOperation] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  async function register(): Promise<void> {
    if (!pinStored) {
      const checked = TwoStepPin.safeParse(pin);
      if (!checked.success) {
        setPinError(t(validationKey(checked.error.issues[0]?.message ?? '')));
        return;
      }
    }
    setPinError(null);
    setError(null);
    setRunning(true);
    const result = await run('meta:register', pinStored ? { phoneNumberId: number.id } : { phoneNumberId: number.id, pin }, setOperation);
    setRunning(false);
    setOperation(null);
    // Done: step 2's attempt log now holds the registration, and the page says so instead.
    if (!result.ok) setError(result.error);
  }

  return (
    <MessageBar intent="success" layout="multiline" data-testid="rename-register-again">
      <MessageBarBody>
        <div className={styles.root}>
          <p className={styles.text}>{t('rename.approvedSeen', { time: formatWhen(approval.at, i18n.language) })}</p>
          {error && <ErrorBar error={error} />}
          {running ? (
            <OperationProgress id={operation} fallbackLabel={t('rename.registering')} />
          ) : (
            <div className={styles.actions}>
              {!pinStored && (
                <Field className={styles.pin} label={t('rename.pinLabel')} hint={t('rename.pinHint')} validationMessage={pinError ?? undefined}>
                  <Input type="password" inputMode="numeric" autoComplete="off" maxLength={6} value={pin} onChange={(_event, data) => setPin(data.value)} />
                </Field>
              )}
              <Button appearance="primary" onClick={() => void register()}>
                {t('rename.registerAgain')}
              </Button>
            </div>
          )}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

/** One number: its display name, the review, the way to WhatsApp Manager, and re-registration once approved. */
function NumberName({ number, wabaId, businessId, onError }: { number: PhoneNumberReading; wabaId: string; businessId: string | null; onError: (error: AppErrorShape | null) => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const notifications = useStatusStore((state) => state.notifications);
  const account = useAccountStore((state) => state.account);
  const seen = approvalOf(number, notifications, account);
  return (
    <section className={styles.card} aria-labelledby={`rename-${number.id}`} data-testid="rename-number" data-number={number.id}>
      <h3 id={`rename-${number.id}`} className={styles.h3}>
        {number.displayPhoneNumber}
      </h3>
      <div className={styles.row}>
        <Text>{t('rename.current')}:</Text>
        <Text weight="semibold" data-testid="rename-name">
          {number.verifiedName ?? t('status.values.unknown')}
        </Text>
      </div>
      <div className={styles.row}>
        <Text>{t('rename.review')}:</Text>
        <ValueBadge group="name" value={number.nameStatus} />
      </div>
      <ExternalLink url={managerLink('phoneNumbers', { wabaId, businessId })} label={t('rename.openManager')} onError={onError} />
      {seen && seen.registeredAt === null && <RegisterAgain number={number} approval={seen.approval} pinStored={account?.pins[number.id] !== undefined} />}
      {seen?.registeredAt && (
        <p className={styles.text} data-testid="rename-registered">
          {t('rename.registered', { time: formatWhen(seen.registeredAt, i18n.language) })}
        </p>
      )}
    </section>
  );
}

/**
 * Step 4 (optional): rename the channel. The manual's sentence comes first (the step's why):
 * the channel name follows the WhatsApp display name, changed in WhatsApp Manager. Here: each
 * number's current name and its review, the link to change it, what Meta's registration page
 * says about registering again after the approval, and that re-registration once the status
 * board sees the approval.
 */
export default function RenameStep() {
  const { t } = useTranslation();
  const styles = useStyles();
  const board = useStatusStore((state) => state.board);
  const subscribeStatus = useStatusStore((state) => state.subscribe);
  const loadStatus = useStatusStore((state) => state.load);
  const subscribeAccount = useAccountStore((state) => state.subscribe);
  const loadAccount = useAccountStore((state) => state.load);
  const [linkError, setLinkError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    const stopStatus = subscribeStatus();
    const stopAccount = subscribeAccount();
    void loadStatus();
    void loadAccount();
    return () => {
      stopStatus();
      stopAccount();
    };
  }, [subscribeStatus, loadStatus, subscribeAccount, loadAccount]);

  return (
    <StepPage id="rename">
      <div className={styles.root} data-testid="rename-step">
        {linkError && <ErrorBar error={linkError} />}
        {!board ? (
          <Spinner size="small" label={t('status.board.loading')} />
        ) : board.wabaId === null || board.numbers.length === 0 ? (
          <p className={styles.text}>
            {t('rename.none')} <Link href={hashFor({ kind: 'step', id: 'connect' })}>{t('status.board.stepTwo')}</Link>
          </p>
        ) : (
          <>
            <p className={styles.text}>{t('rename.intro')}</p>
            {board.numbers.map((number) => (
              <NumberName key={number.id} number={number} wabaId={board.wabaId ?? ''} businessId={board.businessId} onError={setLinkError} />
            ))}
          </>
        )}
        <MessageBar intent="info" layout="multiline" data-testid="rename-name-change">
          <MessageBarBody>
            <div className={styles.root}>
              <Text weight="semibold">{t('rename.nameChangeTitle')}</Text>
              <p className={styles.text}>{t('rename.nameChange')}</p>
              <ExternalLink url={REGISTRATION_PAGE} label={t('rename.metaPage')} onError={setLinkError} />
            </div>
          </MessageBarBody>
        </MessageBar>
      </div>
    </StepPage>
  );
}
