import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/model/settings/settings';
import { changeLanguage } from '../i18n/i18n';
import { useSettingsStore } from '../state/settings-store';
import type { AppErrorShape } from '../../shared/errors/index';

const useStyles = makeStyles({
  group: { display: 'flex', gap: tokens.spacingHorizontalXXS },
});

/**
 * FR | EN in the header: switches the UI at once and stores the choice.
 *
 * The language changes before main answers so the click feels instant; if main refuses the
 * save, the previous language comes back and the error is reported to the caller.
 */
export function LanguageSwitch({ onError }: { onError(error: AppErrorShape | null): void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const save = useSettingsStore((state) => state.save);
  const current = i18n.language as Language;

  async function choose(language: Language): Promise<void> {
    if (language === current) return;
    const previous = current;
    await changeLanguage(language);
    const result = await save({ language });
    if (result.ok) {
      onError(null);
    } else {
      await changeLanguage(previous);
      onError(result.error);
    }
  }

  return (
    <div role="group" aria-label={t('header.language')} className={styles.group}>
      {LANGUAGES.map((language) => (
        <ToggleButton
          key={language}
          size="small"
          appearance={language === current ? 'primary' : 'subtle'}
          checked={language === current}
          lang={language}
          aria-label={t(language === 'fr' ? 'header.languageFr' : 'header.languageEn')}
          onClick={() => void choose(language)}
        >
          {language.toUpperCase()}
        </ToggleButton>
      ))}
    </div>
  );
}
