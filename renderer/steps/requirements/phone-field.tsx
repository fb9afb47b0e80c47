import { Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { getCountries } from 'libphonenumber-js/max';
import { useMemo } from 'react';
import { Controller, type Control, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REQUIREMENTS_LIMITS, type Requirements } from '../../../shared/model/requirements/requirements';
import { analysePhone, callingCodeOf, type PhoneOk } from '../../../shared/rules/phone';
import { analyseRequirementsPhone } from '../../../shared/rules/requirements';
import type { Language } from '../../../shared/model/settings/settings';
import { FormField } from '../../components/form-field';
import type { FieldIssue } from './issues';
import { SearchCombobox, type SearchOption } from './search-combobox';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'minmax(14rem, 1fr) minmax(14rem, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  reading: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
});

const countryLists = new Map<string, SearchOption[]>();

/** Every country the phone rules know, named in the UI's language, with its calling code. */
function countryOptions(language: Language, format: (name: string, code: string) => string): SearchOption[] {
  const cached = countryLists.get(language);
  if (cached) return cached;
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const collator = new Intl.Collator(language);
  const options = getCountries()
    .map((country) => ({ value: country, name: names.of(country) ?? country }))
    .sort((a, b) => collator.compare(a.name, b.name))
    .map(({ value, name }) => ({ value, label: format(name, callingCodeOf(value)) }));
  countryLists.set(language, options);
  return options;
}

/** The code methods, in the words of Meta's table. */
function methodsKey(phone: PhoneOk) {
  if (phone.codeMethods.includes('SMS')) return 'requirements.number.methods.smsOrVoice' as const;
  if (phone.codeMethods.includes('VOICE')) return 'requirements.number.methods.voiceOnly' as const;
  return 'requirements.number.methods.none' as const;
}

/**
 * The number: a country picked from a searchable list and the number as it is dialled there (or
 * typed whole with `+`), read at once by the same rules main applies.
 *
 * Under it, what the rules read: the number in international format, its type, and how Meta can
 * send the code to such a number.
 */
export function PhoneField({
  control,
  setValue,
  phone,
  issue,
}: {
  control: Control<Requirements>;
  setValue: UseFormSetValue<Requirements>;
  phone: Requirements['phone'];
  issue: FieldIssue | undefined;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const options = useMemo(() => countryOptions(language, (name, code) => t('requirements.number.countryOption', { name, code })), [language, t]);
  const reading = analyseRequirementsPhone(phone);

  return (
    <>
      <div className={styles.row}>
        <Controller
          control={control}
          name="phone.country"
          render={({ field }) => (
            <FormField label={t('requirements.number.country')} hint={t('requirements.number.countryHint')} path={['phone', 'country']}>
              <SearchCombobox
                value={field.value}
                options={options}
                placeholder={t('requirements.number.countrySearch')}
                noMatch={t('requirements.number.noCountry')}
                openLabel={t('requirements.number.countryOpen')}
                onChange={field.onChange}
                onBlur={field.onBlur}
                testId="phone-country"
              />
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="phone.national"
          render={({ field }) => (
            <FormField label={t('requirements.number.label')} hint={t('requirements.number.hint')} issue={issue} path={['phone', 'national']}>
              <Input
                name={field.name}
                ref={field.ref}
                value={field.value}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                maxLength={REQUIREMENTS_LIMITS.national}
                onBlur={field.onBlur}
                onChange={(_event, data) => {
                  field.onChange(data.value);
                  // A number typed with its country code names its country: the picker follows.
                  const typed = analysePhone(data.value, null);
                  if (typed.ok && typed.country && typed.country !== phone.country) setValue('phone.country', typed.country, { shouldDirty: true });
                }}
              />
            </FormField>
          )}
        />
      </div>
      {reading.ok && (
        <p className={styles.reading} data-testid="phone-reading" data-kind={reading.kind}>
          <Text>{t('requirements.number.readAs', { number: reading.international })}</Text>
          <Text>
            <span className={styles.term}>{t('requirements.number.kindLabel')}</span> {t(`requirements.number.kinds.${reading.kind}`)}
          </Text>
          <Text>
            <span className={styles.term}>{t('requirements.number.methodsLabel')}</span> {t(methodsKey(reading))}
          </Text>
        </p>
      )}
    </>
  );
}
