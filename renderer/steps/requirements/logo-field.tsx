import { Button, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REQUIREMENTS_LIMITS, type LogoCheck, type Requirements } from '../../../shared/model/requirements/requirements';
import type { Language } from '../../../shared/model/settings/settings';
import { FormField } from '../../components/form-field';
import type { FieldIssue } from './issues';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
});

/** A size in the UI's language: `12.4 kB`, `3.1 MB`. */
function sizeText(bytes: number, language: Language): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(language, { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    bytes / (megabytes ? 1024 * 1024 : 1024),
  );
}

/** What main's last check of this URL found, in the admin's words. */
function LogoStatus({ logo, language }: { logo: LogoCheck; language: Language }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = logo.format ? t(`requirements.logo.formats.${logo.format}`) : '';
  const measured =
    logo.width !== null && logo.height !== null && logo.bytes !== null
      ? t('requirements.logo.measured', { format, width: logo.width, height: logo.height, size: sizeText(logo.bytes, language) })
      : null;
  const common = { 'data-testid': 'logo-status', 'data-state': logo.state } as const;
  switch (logo.state) {
    case 'notChecked':
      return (
        <p className={styles.status} {...common}>
          {t('requirements.logo.notChecked')}
        </p>
      );
    case 'checking':
      return (
        <div className={styles.status} {...common}>
          <Spinner size="extra-tiny" labelPosition="after" label={t('requirements.logo.checking')} />
        </div>
      );
    case 'waitingForNetwork': {
      const time = logo.nextAttemptAt ? new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(new Date(logo.nextAttemptAt)) : '';
      return (
        <MessageBar intent="info" layout="multiline" {...common}>
          <MessageBarBody>{t('requirements.logo.waitingForNetwork', { time })}</MessageBarBody>
        </MessageBar>
      );
    }
    case 'passed':
      return (
        <MessageBar intent="success" layout="multiline" {...common}>
          <MessageBarBody>
            {measured} {t('requirements.logo.passed')}
          </MessageBarBody>
        </MessageBar>
      );
    case 'warning':
      return (
        <MessageBar intent="warning" layout="multiline" {...common}>
          <MessageBarBody>
            {measured}
            <ul className={styles.list}>
              {logo.warnings.map((warning) => (
                <li key={warning}>{t(`requirements.logo.warnings.${warning}`, { width: logo.width ?? 0, height: logo.height ?? 0 })}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
    case 'failed':
      return (
        <MessageBar intent="error" layout="multiline" {...common}>
          <MessageBarBody>{logo.failure ? t(`requirements.logo.failures.${logo.failure}`, { status: logo.httpStatus ?? 0, format }) : null}</MessageBarBody>
        </MessageBar>
      );
  }
}

/**
 * The logo's URL, and what main found when it downloaded it: format, size and weight against
 * the manual's rules. Main checks again by itself when the URL changes or the network returns;
 * "Check again" asks now.
 */
export function LogoField({
  control,
  url,
  logo,
  checking,
  onCheck,
  issue,
}: {
  control: Control<Requirements>;
  url: string;
  logo: LogoCheck | null;
  checking: boolean;
  onCheck: () => void;
  issue: FieldIssue | undefined;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language: Language = i18n.language === 'fr' ? 'fr' : 'en';
  // A check of another URL (the one typed is not saved yet) says nothing about this one.
  const current = logo !== null && logo.url === url.trim() ? logo : null;
  return (
    <>
      <Controller
        control={control}
        name="logoUrl"
        render={({ field }) => (
          <FormField label={t('requirements.logo.label')} hint={t('requirements.logo.hint')} issue={issue} path={['logoUrl']}>
            <Input {...field} type="url" autoComplete="off" spellCheck={false} maxLength={REQUIREMENTS_LIMITS.logoUrl} onChange={(_event, data) => field.onChange(data.value)} />
          </FormField>
        )}
      />
      <div className={styles.row}>
        <div className={styles.grow} role="status" aria-live="polite">
          {/* An address that is not https is said under the field; the check has nothing to add. */}
          {url.trim() !== '' && current && current.failure !== 'notHttps' && <LogoStatus logo={current} language={language} />}
        </div>
        <Button disabledFocusable={url.trim() === '' || checking} onClick={onCheck} data-testid="logo-check-again">
          {t('requirements.logo.checkAgain')}
        </Button>
      </div>
    </>
  );
}
