import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarGroup, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { useTranslation } from 'react-i18next';
import { useNoticesStore } from '../state/notices-store';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * Notices from main (a file set aside, data upgraded), each translated and dismissible.
 *
 * They stay until dismissed: a file moved aside is something the admin must have seen.
 */
export function NoticesBar() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notices = useNoticesStore((state) => state.notices);
  const dismiss = useNoticesStore((state) => state.dismiss);
  if (notices.length === 0) return null;
  return (
    <MessageBarGroup className={styles.group}>
      {notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.severity} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(`notices.title.${notice.severity}`)}</MessageBarTitle>
            {t(`notices.${notice.code}`, notice.params)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label={t('notices.dismiss')} icon={<DismissRegular />} onClick={() => void dismiss(notice.id)} />
            }
          />
        </MessageBar>
      ))}
    </MessageBarGroup>
  );
}
