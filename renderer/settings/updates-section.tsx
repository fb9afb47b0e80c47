import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import type { AppErrorShape } from '../../shared/errors/index';
import { FeedUrl, type UpdatesStatus } from '../../shared/model/updates/updates';
import { ErrorBar } from '../components/error-bar';
import { ReleaseNotes } from '../components/update-banner';
import { validationKey } from '../i18n/keys';
import { useUpdatesStore } from '../state/updates-store';

/** The form's own schema: the very FeedUrl rule main applies. */
const UpdatesForm = z.object({ feedUrl: FeedUrl, checkAtStart: z.boolean() });
type FormInput = z.input<typeof UpdatesForm>;
type FormOutput = z.output<typeof UpdatesForm>;

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  para: { margin: 0 },
});

/** What the last check found, in a sentence (the banner offers the actions). */
function CheckOutcome({ status }: { status: UpdatesStatus }) {
  const { t } = useTranslation();
  const check = useUpdatesStore((state) => state.check);
  const { state } = status;
  if (state.kind === 'checking') return <Text>{t('updates.checking')}</Text>;
  if (state.kind === 'not-available') return <Text>{t('updates.upToDate')}</Text>;
  if (state.kind === 'available' || state.kind === 'downloaded' || state.kind === 'downloading')
    return (
      <div>
        <Text weight="semibold">{t('updates.available', { version: state.release.version })}</Text>
        <ReleaseNotes release={state.release} />
      </div>
    );
  if (state.kind === 'error' && state.during === 'check')
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          {t(`errors.${state.error.code}`, state.error.params)}{' '}
          <Button size="small" onClick={() => void check()}>
            {t('updates.retry')}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  return null;
}

/**
 * Settings > Updates: the feed IT hosts, the check at start, "Check now", and the policy's say.
 *
 * A field the organisation's policy sets is shown read-only with the policy's value, and never
 * sent; main refuses it anyway (`updates.lockedByPolicy`).
 */
export function UpdatesSection() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const status = useUpdatesStore((state) => state.status);
  const callError = useUpdatesStore((state) => state.error);
  const saveSettings = useUpdatesStore((state) => state.saveSettings);
  const check = useUpdatesStore((state) => state.check);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [checking, setChecking] = useState(false);
  const stored = status?.settings ?? { feedUrl: '', checkAtStart: true };
  const {
    control,
    handleSubmit,
    reset,
    formState: { isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(UpdatesForm), defaultValues: stored, mode: 'onTouched' });

  useEffect(() => {
    reset(stored, { keepDirtyValues: true });
    // Only the stored values matter, not the object's identity (it changes at every percent).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored.feedUrl, stored.checkAtStart, reset]);

  if (!status) return null;
  const { effective, policy } = status;

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setServerError(null);
    const result = await saveSettings({
      ...(effective.feedFromPolicy ? {} : { feedUrl: values.feedUrl }),
      ...(effective.checkAtStartFromPolicy ? {} : { checkAtStart: values.checkAtStart }),
    });
    if (result.ok) {
      reset(result.value.settings);
      setSaved(true);
    } else setServerError(result.error);
  });

  const lastChecked = status.lastCheckedAt ? new Date(status.lastCheckedAt).toLocaleString(i18n.language) : null;

  return (
    <section aria-labelledby="updates-heading" className={styles.section} data-testid="updates-section">
      <h2 id="updates-heading" className={styles.heading}>
        {t('updates.title')}
      </h2>
      <p className={styles.para}>{t('updates.intro')}</p>
      <p className={styles.para}>
        {t('updates.currentVersion', { version: status.currentVersion })} {lastChecked ? t('updates.lastChecked', { time: lastChecked }) : t('updates.neverChecked')}
      </p>
      {policy.state === 'invalid' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('updates.policyInvalid')}</MessageBarBody>
        </MessageBar>
      )}
      {policy.state === 'valid' && (
        <MessageBar intent={effective.enabled ? 'info' : 'warning'} layout="multiline" data-testid="update-policy">
          <MessageBarBody>{effective.enabled ? t('updates.policyApplies') : t('updates.policyDisabled')}</MessageBarBody>
        </MessageBar>
      )}
      {serverError && <ErrorBar error={serverError} />}
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <Controller
          control={control}
          name="feedUrl"
          render={({ field, fieldState }) => (
            <Field
              label={t('updates.feedUrl')}
              hint={effective.feedFromPolicy ? t('updates.feedFromPolicy', { url: effective.feedUrl }) : t('updates.feedUrlHint')}
              validationState={fieldState.error ? 'error' : 'none'}
              validationMessage={fieldState.error?.message ? t(validationKey(fieldState.error.message)) : undefined}
            >
              <Input {...field} value={effective.feedFromPolicy ? effective.feedUrl : field.value} readOnly={effective.feedFromPolicy} type="url" inputMode="url" autoComplete="off" spellCheck={false} />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="checkAtStart"
          render={({ field }) => (
            <Field hint={effective.checkAtStartFromPolicy ? t('updates.checkAtStartFromPolicy') : undefined}>
              <Switch
                name={field.name}
                checked={effective.checkAtStartFromPolicy ? effective.checkAtStart : field.value}
                disabled={effective.checkAtStartFromPolicy}
                onChange={(_event, data) => field.onChange(data.checked)}
                onBlur={field.onBlur}
                label={t('updates.checkAtStart')}
              />
            </Field>
          )}
        />
        <div className={styles.row}>
          <Button type="submit" disabledFocusable={isSubmitting}>
            {t('updates.save')}
          </Button>
          <Button
            appearance="primary"
            disabledFocusable={checking || !effective.enabled}
            icon={checking ? <Spinner size="tiny" /> : undefined}
            onClick={() => {
              setChecking(true);
              void check().finally(() => setChecking(false));
            }}
          >
            {t('updates.checkNow')}
          </Button>
          <div role="status" aria-live="polite">
            {saved && <Text>{t('updates.saved')}</Text>}
          </div>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="update-outcome">
        <CheckOutcome status={status} />
      </div>
      {callError && <ErrorBar error={callError} />}
    </section>
  );
}
