import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/model/settings/settings';
import type { Catalog } from './catalogs';

/**
 * One language's catalog, in its own chunk: the UI fetches only the language it speaks.
 *
 * Listed one by one so the bundler sees each import and splits it.
 */
export function loadCatalog(language: Language): Promise<Catalog> {
  return language === 'fr' ? import('./fr/index').then((module) => module.catalog) : import('./en/index').then((module) => module.catalog);
}

/**
 * Switches the UI to a language, fetching its catalog first if this window has not yet.
 *
 * Every language switch goes through here, so i18next never shows keys for a missing catalog.
 */
export async function changeLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await loadCatalog(language));
  await i18next.changeLanguage(language);
}

/**
 * Starts i18next with the catalog of the language the admin reads.
 *
 * Synchronous (`initAsync: false`) so the first render already speaks the admin's language;
 * React escapes output itself, so i18next must not escape a second time.
 */
export function startI18n(language: Language, catalog: Catalog): I18n {
  void i18next.use(initReactI18next).init({
    resources: { [language]: { translation: catalog } },
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
