import { useMemo } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Requirements } from '../../../shared/model/requirements/requirements';
import type { Language } from '../../../shared/model/settings/settings';
import { FormField } from '../../components/form-field';
import type { FieldIssue } from './issues';
import { SearchCombobox, type SearchOption } from './search-combobox';

const zoneLists = new Map<string, SearchOption[]>();

/** The zone's offset from UTC now, as the UI's language writes it (`GMT+01:00`, `UTC+01:00`). */
function offsetOf(zone: string, language: Language): string {
  try {
    const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * Every zone this browser knows, plus `UTC` (which it accepts but does not list), with its
 * offset. The list is the browser's own; the value is checked by `Intl` (in main too), never by
 * membership, so a zone another runtime names differently still reads.
 */
function zoneOptions(language: Language, format: (zone: string, offset: string) => string): SearchOption[] {
  const cached = zoneLists.get(language);
  if (cached) return cached;
  const zones = Intl.supportedValuesOf('timeZone');
  const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
  const options = all.map((zone) => ({ value: zone, label: format(zone, offsetOf(zone, language)) }));
  zoneLists.set(language, options);
  return options;
}

/** The main office's time zone, found by typing part of its name ("Paris", "sao paulo"). */
export function TimeZoneField({ control, issue }: { control: Control<Requirements>; issue: FieldIssue | undefined }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'fr' ? 'fr' : 'en';
  const format = useMemo(() => (zone: string, offset: string) => (offset ? t('requirements.fields.timeZoneOption', { zone, offset }) : zone), [t]);
  const options = useMemo(() => zoneOptions(language, format), [language, format]);
  const labelOf = useMemo(() => (zone: string) => format(zone, offsetOf(zone, language)), [format, language]);
  return (
    <Controller
      control={control}
      name="timeZone"
      render={({ field }) => (
        <FormField label={t('requirements.fields.timeZone')} hint={t('requirements.fields.timeZoneHint')} issue={issue} path={['timeZone']}>
          <SearchCombobox
            value={field.value}
            options={options}
            placeholder={t('requirements.fields.timeZoneSearch')}
            noMatch={t('requirements.fields.noTimeZone')}
            openLabel={t('requirements.fields.timeZoneOpen')}
            labelOf={labelOf}
            onChange={field.onChange}
            onBlur={field.onBlur}
            testId="time-zone"
          />
        </FormField>
      )}
    />
  );
}
