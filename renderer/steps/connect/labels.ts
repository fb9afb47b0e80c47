import { useTranslation } from 'react-i18next';
import type { PhoneNumberReading } from '../../../shared/model/meta/account';
import { isCatalogKey } from '../../i18n/keys';

/** The groups of Meta values step 2 names: account review, business verification, number status, display-name review, code verification. */
export type MetaValueGroup = 'accountReview' | 'verification' | 'phone' | 'name' | 'code';

/**
 * A Meta value in the admin's words: the label of a value the app knows, "Other (VALUE)" for one
 * Meta added since, "Unknown" when Meta did not say. Meta writes some values in lower case
 * (a portfolio's `verified`), so the label is looked up in upper case.
 */
export function useMetaValue(): (group: MetaValueGroup, value: string | null) => string {
  const { t } = useTranslation();
  return (group, value) => {
    if (value === null || value === '') return t('onboarding.value.unknown');
    const key = `onboarding.status.${group}.${value.toUpperCase()}`;
    return isCatalogKey(key, 'onboarding.status.') ? t(key) : t('onboarding.value.other', { value });
  };
}

/**
 * What a number needs next: verifying with a code, registering (verified, but not yet on the
 * Cloud API: `platform_type` or `throughput.level` NOT_APPLICABLE, DOMAIN.md), or nothing.
 */
export function nextStepOf(number: PhoneNumberReading): 'verify' | 'register' | null {
  if (number.codeVerificationStatus !== 'VERIFIED') return number.status === 'CONNECTED' ? null : 'verify';
  if (number.platformType === 'NOT_APPLICABLE' || number.throughputLevel === 'NOT_APPLICABLE') return 'register';
  return null;
}
