import { Input, Link, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons/svg/open';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import { REQUIREMENTS_LIMITS, type LogoCheck, type Requirements } from '../../../shared/model/requirements/requirements';
import type { RequirementField } from '../../../shared/rules/requirements';
import { DRAFTS_STYLES } from '../../components/drafts-styles';
import { ErrorBar } from '../../components/error-bar';
import { FormField } from '../../components/form-field';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden';
import { call, setupApi } from '../../state/ipc';
import { useRequirementsStore } from '../../state/requirements-store';
import { EligibilityQuestions } from './eligibility';
import { RequirementsForm as RequirementsSchema, useFieldIssues } from './issues';
import { LogoField } from './logo-field';
import { PhoneField } from './phone-field';
import { TimeZoneField } from './time-zone-field';

/** Meta's pages the step's rules come from; the host is on main's allow-list. */
export const META_PAGES = {
  phoneNumbers: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/phone-numbers',
  businessProfiles: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/business-profiles',
} as const;

const PHONE_ITEMS = ['notUsed', 'international', 'type', 'code', 'personal'] as const;
const BUSINESS_ITEMS = ['approved', 'verified', 'managerId', 'nameDescription', 'logo', 'timeZone', 'contact'] as const;

const useStyles = makeStyles({
  form: DRAFTS_STYLES.tools,
  text: DRAFTS_STYLES.text,
  group: DRAFTS_STYLES.group,
  legend: DRAFTS_STYLES.legend,
  list: { marginBlock: 0, paddingInlineStart: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase300 },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** A section of the form: a framed group with its title and the manual's list for it. */
function Section({ id, title, items, children }: { id: string; title: string; items?: readonly string[]; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group} data-testid={id}>
      <legend className={styles.legend}>{title}</legend>
      {items && (
        <ul className={styles.list} data-testid={`${id}-manual`}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {children}
    </fieldset>
  );
}

/** A link to one of Meta's pages, opened in the system browser. */
function MetaPageLink({ url, label, onError }: { url: string; label: string; onError: (error: AppErrorShape | null) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Link
      className={styles.link}
      onClick={() => {
        void call(() => setupApi().app.openExternal({ url })).then((result) => onError(result.ok ? null : result.error));
      }}
    >
      {label}
      <Open16Regular aria-hidden />
      <span className={styles.visuallyHidden}>{` ${t('settings.opensExternal')}`}</span>
    </Link>
  );
}

/**
 * Step 1's form: the number, whether Meta can verify it, the business's details and its logo.
 *
 * Validated with the step's rules as the admin types (errors once a field is left, warnings at
 * once) and saved after each pause, half-filled or not: main stores it, reads the number again,
 * and checks the logo. Mounted again (by its key) when main's values replace the form's.
 */
export function RequirementsFormView({ initial, logo }: { initial: Requirements; logo: LogoCheck | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const change = useRequirementsStore((state) => state.change);
  const checkLogo = useRequirementsStore((state) => state.checkLogo);
  const checkingLogo = useRequirementsStore((state) => state.checkingLogo);
  const [linkError, setLinkError] = useState<AppErrorShape | null>(null);
  const form = useForm<Requirements>({ resolver: zodResolver(RequirementsSchema), defaultValues: initial, mode: 'onTouched' });
  const { control, watch, setValue, trigger, getValues, formState } = form;
  const values = watch();
  const issueFor = useFieldIssues(values, formState.errors);

  useEffect(() => {
    // Values saved earlier are checked at once: their errors show without touching each field.
    void trigger();
    const subscription = watch((_values, { name }) => {
      if (name !== undefined) change(getValues());
    });
    return () => subscription.unsubscribe();
  }, [watch, trigger, change, getValues]);

  const text = (name: 'businessManagerId' | 'businessName' | 'website' | 'address' | 'email', label: string, options: { hint?: string; field?: RequirementField; type?: 'email' | 'url'; inputMode?: 'numeric' } = {}) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FormField label={label} hint={options.hint} issue={options.field ? issueFor(options.field) : undefined} path={[name]}>
          <Input
            {...field}
            type={options.type}
            inputMode={options.inputMode}
            autoComplete="off"
            maxLength={REQUIREMENTS_LIMITS[name]}
            onChange={(_event, data) => field.onChange(data.value)}
          />
        </FormField>
      )}
    />
  );

  return (
    <div className={styles.form}>
      <p className={styles.text}>{t('requirements.form.intro')}</p>
      {linkError && <ErrorBar error={linkError} />}

      <Section id="requirements-phone" title={t('requirements.phoneTitle')} items={PHONE_ITEMS.map((item) => t(`requirements.phone.${item}`))}>
        <PhoneField control={control} setValue={setValue} phone={values.phone} issue={issueFor('phone.national')} />
        <MetaPageLink url={META_PAGES.phoneNumbers} label={t('requirements.number.typesLink')} onError={setLinkError} />
      </Section>

      <Section id="requirements-eligibility" title={t('requirements.eligibility.title')}>
        <p className={styles.text}>{t('requirements.eligibility.intro')}</p>
        <EligibilityQuestions control={control} issueFor={issueFor} />
      </Section>

      <Section id="requirements-business" title={t('requirements.businessTitle')} items={BUSINESS_ITEMS.map((item) => t(`requirements.business.${item}`))}>
        <div className={styles.columns}>
          {text('businessManagerId', t('requirements.fields.businessManagerId'), { hint: t('requirements.fields.businessManagerIdHint'), field: 'businessManagerId', inputMode: 'numeric' })}
          {text('businessName', t('requirements.fields.businessName'))}
        </div>
        <Controller
          control={control}
          name="businessDescription"
          render={({ field }) => (
            <FormField
              label={t('requirements.fields.businessDescription')}
              hint={t('requirements.fields.businessDescriptionCount', { count: field.value.trim().length })}
              issue={issueFor('businessDescription')}
              path={['businessDescription']}
            >
              <Textarea {...field} resize="vertical" maxLength={REQUIREMENTS_LIMITS.businessDescription} onChange={(_event, data) => field.onChange(data.value)} />
            </FormField>
          )}
        />
        <div className={styles.columns}>
          {text('website', t('requirements.fields.website'), { hint: t('requirements.fields.websiteHint'), field: 'website', type: 'url' })}
          {text('email', t('requirements.fields.email'), { field: 'email', type: 'email' })}
        </div>
        {text('address', t('requirements.fields.address'), { field: 'address' })}
        <TimeZoneField control={control} issue={issueFor('timeZone')} />
        <MetaPageLink url={META_PAGES.businessProfiles} label={t('requirements.fields.profileLink')} onError={setLinkError} />
        <LogoField control={control} url={values.logoUrl} logo={logo} checking={checkingLogo} onCheck={() => void checkLogo()} issue={issueFor('logoUrl')} />
      </Section>
    </div>
  );
}
