import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { CATALOGS } from '../i18n/all-catalogs';
import { Runbook, type RunbookInput } from './runbook';
import { RUNBOOK_WORDS } from './runbook-words';

/**
 * The runbook as a complete, static HTML document in the asked language.
 *
 * A private i18next instance with the app's catalogs gives the same sentences as the screens
 * without touching the UI's language; React escapes every drafted value, so a name typed with
 * `<` or `&` prints as typed and can never become markup in the saved file.
 */
export function renderRunbook(input: RunbookInput): string {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { fr: { translation: CATALOGS.fr }, en: { translation: CATALOGS.en } },
    lng: input.language,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  const t = i18n.getFixedT(input.language);
  return `<!DOCTYPE html>${renderToStaticMarkup(<Runbook input={input} words={RUNBOOK_WORDS[input.language]} t={t} />)}`;
}
