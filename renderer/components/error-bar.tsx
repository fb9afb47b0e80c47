import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors/index';

/**
 * A failed call, translated from its code.
 *
 * Main never sends prose: the code picks the sentence from `errors.<code>` and the params fill
 * it in, so the admin reads the error in their own language.
 */
export function ErrorBar({ error }: { error: AppErrorShape }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('errors.title')}</MessageBarTitle>
        {t(`errors.${error.code}`, error.params)}
      </MessageBarBody>
    </MessageBar>
  );
}
