import { Notification } from 'electron';
import type { Logger, Notifier } from '../platform/ports';

/**
 * Desktop notifications through Electron's `Notification` (the OS's own: Action Center,
 * Notification Center, the desktop's notification daemon).
 *
 * A newer notification about the same thing (`tag`) closes the older one, so a number that
 * changes twice leaves one notification, not two. Each shown notification is kept referenced
 * until it closes: one collected early loses its click. A click brings the window forward.
 * Where the OS offers no notifications, nothing is shown (the inbox on the status page has the
 * change anyway).
 */
export function createElectronNotifier(options: { onClick: () => void; logger: Logger }): Notifier {
  const shown = new Map<string, Notification>();
  return {
    show({ tag, title, body }) {
      if (!Notification.isSupported()) return;
      shown.get(tag)?.close();
      const notification = new Notification({ title, body });
      shown.set(tag, notification);
      notification.on('click', options.onClick);
      notification.on('close', () => {
        if (shown.get(tag) === notification) shown.delete(tag);
      });
      notification.on('failed', (_event, error) => options.logger.warn('desktop notification failed', { error }));
      notification.show();
    },
  };
}
