import { AppError } from '../../shared/errors/index';
import type { AppInfo } from '../../shared/model/app/app';
import type { AreaHandlers } from '../ipc/router';
import { isAllowedExternalUrl } from '../platform/security/external-links';
import { hostOf } from '../platform/url-rules';
import type { NoticeService } from './notices';

interface Deps {
  info: () => AppInfo;
  notices: NoticeService;
  openExternal: (url: string) => Promise<void>;
  /** The URL of a simulator page, or null outside sandbox mode. */
  simulatorPage: (page: 'phone' | 'faults' | 'rehearsal') => Promise<string | null>;
  openLoopback: (url: string) => Promise<void>;
}

/** The `app:*` calls: what is running, notices, and links opened outside the app. */
export function createAppHandlers(deps: Deps): AreaHandlers<'app'> {
  return {
    'app:info': () => deps.info(),
    'app:notices': () => deps.notices.list(),
    'app:dismissNotice': ({ id }) => deps.notices.dismiss(id),
    'app:openExternal': async ({ url }) => {
      // SECURITY: the renderer's URL is parsed and checked against the allow-list here, whoever asks.
      if (!isAllowedExternalUrl(url)) throw new AppError('external.notAllowed', { host: hostOf(url) });
      // SECURITY: what was checked is what opens: the parsed, normalised URL, never the raw text,
      // which the OS handler might read differently from the parser that passed it.
      await deps.openExternal(new URL(url).href);
      return { opened: true as const };
    },
    'app:openSimulatorPage': async ({ page }) => {
      // SECURITY: the URL is built here from the simulator's own origin; the renderer names a page only.
      const url = await deps.simulatorPage(page);
      if (!url) throw new AppError('external.notAllowed', { host: '' });
      await deps.openLoopback(url);
      return { opened: true as const };
    },
  };
}
