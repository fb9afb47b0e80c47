import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { StatusNotification } from '../../../shared/model/status/status';
import { isCatalogKey } from '../../i18n/keys';
import { formatWhen } from '../../components/reading-age';
import { useStatusStore } from '../../state/status-store';
import { useNumberValue, type NumberValueGroup } from './values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxHeight: '16rem', overflowY: 'auto' },
  item: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  time: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const GROUP_OF: Readonly<Record<Exclude<StatusNotification['kind'], 'templateStatusChanged'>, NumberValueGroup>> = {
  nameApproved: 'name',
  nameDeclined: 'name',
  nameStatusChanged: 'name',
  statusChanged: 'phone',
  qualityChanged: 'quality',
};

/** A change in the admin's words, from the catalogs (so it follows a language switch). */
function useNotificationText(): (notification: StatusNotification) => string {
  const { t } = useTranslation();
  const value = useNumberValue();
  return (notification) => {
    const template = (status: string | null) => {
      if (status === null) return t('status.values.unknown');
      const key = `templates.values.status.${status}`;
      return isCatalogKey(key, 'templates.values.status.') ? t(key) : t('templates.values.other', { value: status });
    };
    const name = (status: string | null) => (notification.kind === 'templateStatusChanged' ? template(status) : value(GROUP_OF[notification.kind], status));
    return t(`status.inbox.${notification.kind}`, {
      number: notification.displayPhoneNumber ?? '',
      name: notification.displayName ?? '',
      template: notification.templateName ?? '',
      language: notification.language ?? '',
      from: name(notification.from),
      to: name(notification.to),
    });
  };
}

/** What the checks saw change, newest first; also told as desktop notifications when it happened. */
export function StatusInbox() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const notifications = useStatusStore((state) => state.notifications);
  const markRead = useStatusStore((state) => state.markRead);
  const text = useNotificationText();
  const unread = notifications.filter((notification) => !notification.read).length;
  return (
    <section className={styles.root} aria-labelledby="status-inbox-title" data-testid="status-inbox">
      <div className={styles.head}>
        <h3 id="status-inbox-title" className={styles.h3}>
          {t('status.inbox.title')}
        </h3>
        {unread > 0 && (
          <Button size="small" onClick={() => void markRead('all')}>
            {t('status.inbox.markAllRead')}
          </Button>
        )}
      </div>
      {notifications.length === 0 ? (
        <p className={styles.empty}>{t('status.inbox.empty')}</p>
      ) : (
        <ul className={styles.list}>
          {notifications.map((notification) => (
            <li key={notification.id} className={styles.item} data-kind={notification.kind} data-read={notification.read}>
              {!notification.read && (
                <Badge appearance="filled" color="brand" size="small">
                  {t('status.inbox.new')}
                </Badge>
              )}
              <span>{text(notification)}</span>
              <time className={styles.time} dateTime={notification.at}>
                {formatWhen(notification.at, i18n.language)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
