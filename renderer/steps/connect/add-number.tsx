import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountState, CodeMethod } from '../../../shared/model/meta/account';
import { DisplayName, TwoStepPin, VerificationCode } from '../../../shared/model/meta/onboarding';
import { analysePhone } from '../../../shared/rules/phone';
import { ErrorBar } from '../../components/error-bar';
import { OperationProgress } from '../../components/operation-progress';
import { formatWhen } from '../../components/reading-age';
import { validationKey } from '../../i18n/keys';
import { useConnectionStore } from '../../state/connection-store';
import { call, setupApi } from '../../state/ipc';
import { useOnboardingStore } from '../../state/onboarding-store';
import { useWorkspaceStore } from '../../state/workspace-store';
import { useMetaValue } from './labels';
import { PANEL_STYLES } from './panel-styles';

const useStyles = makeStyles({
  box: PANEL_STYLES.box,
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  h4: PANEL_STYLES.h4,
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  text: PANEL_STYLES.text,
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * Putting a number on WhatsApp, one stage at a time: its details, how Meta sends the code, the
 * six-digit code, then the two-step PIN and register.
 *
 * Each stage is a long operation in main; the form shows its progress (with Cancel while looking
 * for the number and while waiting for the code request), and after a failure stays where it was
 * with Meta's reason and the next action. Loaded only when opened: it reads numbers with
 * libphonenumber's full metadata, the same rules main applies before sending.
 */
export function AddNumber({ wabaId, accountName, account }: { wabaId: string; accountName: string; account: AccountState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { flow, operation, error, close } = useOnboardingStore();
  const headingId = useId();
  if (!flow) return null;
  const title = flow.start === 'add' ? t('onboarding.flow.addTitle', { account: accountName }) : flow.start === 'verify' ? t('onboarding.flow.verifyTitle', { number: flow.number }) : t('onboarding.flow.registerTitle', { number: flow.number });
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="onboarding-flow" data-stage={flow.stage}>
      <div className={styles.head}>
        <h4 id={headingId} className={styles.h4}>
          {title}
        </h4>
        <Button disabledFocusable={operation !== null} onClick={close}>
          {t('onboarding.flow.close')}
        </Button>
      </div>
      {flow.notice === 'cancelled' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('onboarding.flow.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorBar error={error} />}
      {operation ? (
        <OperationProgress id={operation} fallbackLabel={t('onboarding.account.reading')} />
      ) : flow.stage === 'details' ? (
        <DetailsStage wabaId={wabaId} />
      ) : flow.stage === 'method' ? (
        <MethodStage />
      ) : flow.stage === 'code' ? (
        <CodeStage />
      ) : flow.stage === 'pin' ? (
        <PinStage account={account} />
      ) : (
        <DoneStage account={account} />
      )}
    </section>
  );
}

/** Focuses the stage's first field when the stage opens, so a keyboard user goes on from there. */
function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function DetailsStage({ wabaId }: { wabaId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const addNumber = useOnboardingStore((state) => state.addNumber);
  const fromStep1 = useWorkspaceStore((state) => state.current?.phoneNumber ?? '');
  const [phone, setPhone] = useState(fromStep1);
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const phoneRef = useFocusOnOpen<HTMLInputElement>();
  const analysis = useMemo(() => analysePhone(phone, null), [phone]);
  const nameCheck = DisplayName.safeParse(name);
  const methods = (codeMethods: readonly CodeMethod[]) => (codeMethods.length ? codeMethods.map((method) => t(method === 'SMS' ? 'onboarding.flow.sms' : 'onboarding.flow.voice')).join(t('nav.listSeparator')) : t('onboarding.value.unknown'));

  function submit(event: FormEvent): void {
    event.preventDefault();
    setChecked(true);
    if (!analysis.ok || !nameCheck.success) return;
    void addNumber({ wabaId, e164: analysis.e164, verifiedName: nameCheck.data, display: analysis.international });
  }

  const phoneMessage = checked && !analysis.ok ? t(`onboarding.phoneProblem.${analysis.problem}`) : undefined;
  const nameMessage = checked && !nameCheck.success ? t(validationKey(nameCheck.error.issues[0]?.message ?? '')) : undefined;
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field label={t('onboarding.flow.phone')} required hint={t('onboarding.flow.phoneHint')} validationState={phoneMessage ? 'error' : 'none'} validationMessage={phoneMessage}>
        <Input ref={phoneRef} type="tel" autoComplete="off" value={phone} onChange={(_event, data) => setPhone(data.value)} onBlur={() => setChecked(phone !== '')} />
      </Field>
      {fromStep1 && fromStep1 !== phone && <p className={styles.text}>{t('onboarding.flow.fromStep1', { number: fromStep1 })}</p>}
      {analysis.ok && (
        <p className={styles.text} data-testid="phone-reading">
          {analysis.international} — {t('onboarding.flow.kind', { kind: t(`onboarding.kind.${analysis.kind}`), methods: methods(analysis.codeMethods) })}
        </p>
      )}
      <Field label={t('onboarding.flow.displayName')} required hint={`${t('onboarding.flow.displayNameHint')} ${t('onboarding.flow.displayNameCount', { count: name.trim().length })}`} validationState={nameMessage ? 'error' : 'none'} validationMessage={nameMessage}>
        <Input value={name} maxLength={75} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <div>
        <Button appearance="primary" type="submit">
          {t('onboarding.flow.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

function MethodStage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const flow = useOnboardingStore((state) => state.flow);
  const requestCode = useOnboardingStore((state) => state.requestCode);
  const analysis = useMemo(() => analysePhone(flow?.number ?? '', null), [flow?.number]);
  // Meta's table rates SMS "not recommended" for landlines and some other lines: voice only then.
  const smsAdvised = !analysis.ok || analysis.codeMethods.length === 0 || analysis.codeMethods.includes('SMS');
  const [method, setMethod] = useState<CodeMethod>(analysis.ok && analysis.codeMethods[0] ? analysis.codeMethods[0] : 'VOICE');
  const groupRef = useFocusOnOpen<HTMLDivElement>();
  if (!flow) return null;
  const warning = analysis.ok ? (analysis.warning ?? (smsAdvised ? null : 'smsNotRecommended')) : null;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void requestCode(method);
      }}
    >
      {flow.notice === 'alreadyThere' && <p className={styles.text}>{t('onboarding.flow.alreadyThere', { number: flow.number })}</p>}
      {flow.notice === 'added' && <p className={styles.text}>{t('onboarding.flow.added', { number: flow.number })}</p>}
      <Field label={t('onboarding.flow.method')}>
        <RadioGroup ref={groupRef} value={method} onChange={(_event, data) => setMethod(data.value === 'SMS' ? 'SMS' : 'VOICE')}>
          <Radio value="SMS" label={t('onboarding.flow.sms')} disabled={!smsAdvised} />
          <Radio value="VOICE" label={t('onboarding.flow.voice')} />
        </RadioGroup>
      </Field>
      {warning && <p className={styles.text}>{t(`onboarding.flow.${warning}`)}</p>}
      <div>
        <Button appearance="primary" type="submit">
          {t('onboarding.flow.requestCode')}
        </Button>
      </div>
    </form>
  );
}

function CodeStage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const flow = useOnboardingStore((state) => state.flow);
  const verifyCode = useOnboardingStore((state) => state.verifyCode);
  const chooseMethod = useOnboardingStore((state) => state.chooseMethod);
  const sandbox = useConnectionStore((state) => state.connection?.mode === 'sandbox');
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const codeRef = useFocusOnOpen<HTMLInputElement>();
  if (!flow) return null;
  const parsed = VerificationCode.safeParse(code);
  const message = checked && !parsed.success ? t(validationKey(parsed.error.issues[0]?.message ?? '')) : undefined;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (parsed.success) void verifyCode(code);
      }}
      noValidate
    >
      {flow.sentAt && flow.method && <p className={styles.text}>{t('onboarding.flow.codeSent', { method: t(`onboarding.attempts.method.${flow.method}`), time: formatWhen(flow.sentAt, i18n.language) })}</p>}
      {sandbox && (
        <div className={styles.row}>
          <p className={styles.text}>{t('onboarding.flow.sandboxCode')}</p>
          <Button size="small" onClick={() => void call(() => setupApi().app.openSimulatorPage({ page: 'phone' }))}>
            {t('onboarding.flow.openPhone')}
          </Button>
        </div>
      )}
      <Field label={t('onboarding.flow.code')} required hint={t('onboarding.flow.codeHint')} validationState={message ? 'error' : 'none'} validationMessage={message}>
        <Input ref={codeRef} inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(_event, data) => setCode(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit">
          {t('onboarding.flow.verifySubmit')}
        </Button>
        <Button onClick={chooseMethod}>{t('onboarding.flow.newCode')}</Button>
      </div>
    </form>
  );
}

function PinStage({ account }: { account: AccountState }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const flow = useOnboardingStore((state) => state.flow);
  const register = useOnboardingStore((state) => state.register);
  const remembered = useConnectionStore((state) => state.connection?.remembered ?? true);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [checked, setChecked] = useState(false);
  const pinRef = useFocusOnOpen<HTMLInputElement>();
  if (!flow?.phoneNumberId) return null;
  const stored = account.pins[flow.phoneNumberId] ?? null;
  const parsed = TwoStepPin.safeParse(pin);
  const pinMessage = checked && !parsed.success ? t(validationKey(parsed.error.issues[0]?.message ?? '')) : undefined;
  const againMessage = checked && parsed.success && again !== pin ? t('onboarding.flow.pinDiffers') : undefined;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (parsed.success && again === pin) void register(pin);
      }}
      noValidate
    >
      {flow.notice === 'verified' && <p className={styles.text}>{t('onboarding.flow.verified', { number: flow.number })}</p>}
      <p className={styles.text}>{t('onboarding.flow.pinIntro')}</p>
      {!remembered && <p className={styles.text}>{t('onboarding.flow.pinNotRemembered')}</p>}
      {stored && (
        <div>
          <Button onClick={() => void register()}>{t('onboarding.flow.useStoredPin', { time: formatWhen(stored.storedAt, i18n.language) })}</Button>
        </div>
      )}
      <Field label={t('onboarding.flow.pin')} required validationState={pinMessage ? 'error' : 'none'} validationMessage={pinMessage}>
        <Input ref={pinRef} type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={pin} onChange={(_event, data) => setPin(data.value)} />
      </Field>
      <Field label={t('onboarding.flow.pinConfirm')} required validationState={againMessage ? 'error' : 'none'} validationMessage={againMessage}>
        <Input type="password" inputMode="numeric" autoComplete="new-password" maxLength={6} value={again} onChange={(_event, data) => setAgain(data.value)} />
      </Field>
      <div>
        <Button appearance="primary" type="submit">
          {t('onboarding.flow.registerSubmit')}
        </Button>
      </div>
    </form>
  );
}

function DoneStage({ account }: { account: AccountState }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const value = useMetaValue();
  const flow = useOnboardingStore((state) => state.flow);
  if (!flow) return null;
  const number = account.numbers?.value.find((candidate) => candidate.id === flow.phoneNumberId) ?? null;
  return (
    <div className={styles.form} role="status">
      <p className={styles.text} data-testid="onboarding-done">
        {t('onboarding.flow.done', { number: flow.number, status: value('phone', number?.status ?? null) })}
      </p>
      <p className={styles.text}>{t('onboarding.numbers.connectedHint')}</p>
    </div>
  );
}
