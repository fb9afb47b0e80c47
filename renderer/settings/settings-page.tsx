import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons/svg/open';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { VISUALLY_HIDDEN } from '../components/visually-hidden';
import type { z } from 'zod';
import type { AppErrorShape } from '../../shared/errors/index';
import { DEFAULT_GRAPH_API_VERSION, DEFAULT_SETTINGS, ValidSettings, type EditableSettings, type Settings } from '../../shared/model/settings/settings';
import { ErrorBar } from '../components/error-bar';
import { PageHeading } from '../components/page-heading';
import { validationKey } from '../i18n/keys';
import { call, setupApi } from '../state/ipc';
import { useSettingsStore } from '../state/settings-store';
import { UpdatesSection } from './updates-section';

type FormInput = z.input<typeof ValidSettings>;

/** Where an admin finds each value in Meta's tools; hosts are on main's allow-list. */
const HELP_LINKS = {
  appDashboard: 'https://developers.facebook.com/apps/',
  loginForBusiness: 'https://developers.facebook.com/docs/facebook-login/facebook-login-for-business/',
  versions: 'https://developers.facebook.com/docs/graph-api/changelog/',
} as const;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44rem' },
  intro: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  help: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  visuallyHidden: VISUALLY_HIDDEN,
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

function editable(settings: Settings): EditableSettings {
  const { schemaVersion: _version, ...rest } = settings;
  return rest;
}

/**
 * The Settings page: language, mode and the organisation's Meta app.
 *
 * The form validates with the very schema main uses (`ValidSettings`), so an error shows
 * under its field before anything is sent; main validates again and any refusal comes back
 * as a code, translated in the message bar.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const stored = useSettingsStore((state) => state.settings) ?? DEFAULT_SETTINGS;
  const save = useSettingsStore((state) => state.save);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [linkError, setLinkError] = useState<AppErrorShape | null>(null);
  const {
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, EditableSettings>({
    resolver: zodResolver(ValidSettings),
    defaultValues: editable(stored),
    mode: 'onTouched',
  });

  // Another window or the header switch may change settings: show what is stored, but never
  // overwrite what the admin is typing.
  useEffect(() => {
    reset(editable(stored), { keepDirtyValues: true });
  }, [stored, reset]);

  const message = (error: FieldError | undefined): string | undefined => {
    if (!error?.message) return undefined;
    return t(validationKey(error.message));
  };

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setServerError(null);
    const result = await save(values);
    if (result.ok) {
      reset(editable(result.value));
      setSaved(true);
      return;
    }
    if (result.error.code === 'settings.liveNeedsAppId') {
      setError('facebookAppId', { type: 'server', message: 'validation.liveNeedsAppId' });
    }
    setServerError(result.error);
  });

  async function openHelp(url: string): Promise<void> {
    const result = await call(() => setupApi().app.openExternal({ url }));
    setLinkError(result.ok ? null : result.error);
  }

  const helpLink = (url: string, label: string) => (
    <Link onClick={() => void openHelp(url)} className={styles.help}>
      {label}
      <Open16Regular aria-hidden />
      <span className={styles.visuallyHidden}>{` ${t('settings.opensExternal')}`}</span>
    </Link>
  );

  return (
    <article aria-labelledby="settings-heading" className={styles.page}>
      <PageHeading id="settings-heading">{t('settings.title')}</PageHeading>
      <p className={styles.intro}>{t('settings.intro')}</p>
      {serverError && <ErrorBar error={serverError} />}
      {linkError && <ErrorBar error={linkError} />}
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('settings.general')}</legend>
          <Controller
            control={control}
            name="language"
            render={({ field }) => (
              <Field label={t('settings.language')}>
                <RadioGroup
                  name={field.name}
                  value={field.value ?? 'system'}
                  onChange={(_event, data) => field.onChange(data.value === 'system' ? null : data.value)}
                  onBlur={field.onBlur}
                >
                  <Radio value="system" label={t('settings.languageSystem')} />
                  <Radio value="fr" label={t('settings.languageFr')} lang="fr" />
                  <Radio value="en" label={t('settings.languageEn')} lang="en" />
                </RadioGroup>
              </Field>
            )}
          />
          <Controller
            control={control}
            name="mode"
            render={({ field }) => (
              <Field label={t('settings.mode')}>
                <RadioGroup name={field.name} value={field.value} onChange={(_event, data) => field.onChange(data.value)} onBlur={field.onBlur}>
                  <Radio value="sandbox" label={t('settings.modeSandbox')} />
                  <Radio value="live" label={t('settings.modeLive')} />
                </RadioGroup>
              </Field>
            )}
          />
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('settings.meta')}</legend>
          <Controller
            control={control}
            name="facebookAppId"
            render={({ field, fieldState }) => (
              <Field
                label={t('settings.facebookAppId')}
                hint={
                  <>
                    {t('settings.facebookAppIdHint')} {helpLink(HELP_LINKS.appDashboard, t('settings.openAppDashboard'))}
                  </>
                }
                validationState={fieldState.error ? 'error' : 'none'}
                validationMessage={message(fieldState.error ?? errors.facebookAppId)}
              >
                <Input {...field} inputMode="numeric" autoComplete="off" spellCheck={false} />
              </Field>
            )}
          />
          <Controller
            control={control}
            name="loginConfigId"
            render={({ field, fieldState }) => (
              <Field
                label={t('settings.loginConfigId')}
                hint={
                  <>
                    {t('settings.loginConfigIdHint')} {helpLink(HELP_LINKS.loginForBusiness, t('settings.openLoginForBusiness'))}
                  </>
                }
                validationState={fieldState.error ? 'error' : 'none'}
                validationMessage={message(fieldState.error)}
              >
                <Input {...field} inputMode="numeric" autoComplete="off" spellCheck={false} />
              </Field>
            )}
          />
          <Controller
            control={control}
            name="graphApiVersion"
            render={({ field, fieldState }) => (
              <Field
                label={t('settings.graphApiVersion')}
                hint={
                  <>
                    {t('settings.graphApiVersionHint', { version: DEFAULT_GRAPH_API_VERSION })} {helpLink(HELP_LINKS.versions, t('settings.openVersions'))}
                  </>
                }
                validationState={fieldState.error ? 'error' : 'none'}
                validationMessage={message(fieldState.error)}
              >
                <Input {...field} autoComplete="off" spellCheck={false} />
              </Field>
            )}
          />
          <Controller
            control={control}
            name="usePkce"
            render={({ field }) => (
              <Field hint={t('settings.usePkceHint')}>
                <Switch
                  name={field.name}
                  checked={field.value}
                  onChange={(_event, data) => field.onChange(data.checked)}
                  onBlur={field.onBlur}
                  label={t('settings.usePkce')}
                />
              </Field>
            )}
          />
        </fieldset>

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={isSubmitting} icon={isSubmitting ? <Spinner size="tiny" /> : undefined}>
            {isSubmitting ? t('settings.saving') : t('settings.save')}
          </Button>
          <div role="status" aria-live="polite">
            {saved && (
              <MessageBar intent="success">
                <MessageBarBody>{t('settings.saved')}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </div>
      </form>
      <UpdatesSection />
    </article>
  );
}
