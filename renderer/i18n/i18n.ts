import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/model/settings/settings';
import { CATALOGS } from './catalogs';

/**
 * Starts i18next with both catalogs in the given language.
 *
 * Synchronous (`initAsync: false`) so the first render already speaks the admin's language;
 * React escapes output itself, so i18next must not escape a second time.
 */
export function startI18n(language: Language): I18n {
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: CATALOGS.fr }, en: { translation: CATALOGS.en } },
    lng: language,
    fallbackLng: false,
    supportedLngs: ['fr', 'en'],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  syncDocumentLanguage(language);
  i18next.on('languageChanged', (lng) => syncDocumentLanguage(lng));
  return i18next;
}

/**
 * Keeps `<html lang>` in step with the UI so screen readers pronounce each language correctly.
 */
function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
