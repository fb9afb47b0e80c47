import { AppError } from '../shared/errors';
import { DEFAULT_PROGRESS, Progress, PROGRESS_SCHEMA_VERSION } from '../shared/model/progress';
import { DEFAULT_SETTINGS, effectiveMode, Settings, SETTINGS_SCHEMA_VERSION, type Language } from '../shared/model/settings';
import { join } from 'node:path';
import { createAuthService } from './auth/auth-service';
import { liveEndpoints, sandboxEndpoints } from './auth/meta-endpoints';
import type { Handlers } from './ipc/router';
import { createTokenVault } from './vault/token-vault';
import { openVersionedDocument } from './persistence/versioned-document';
import type { Adapters } from './ports';
import { isAllowedExternalUrl } from './security/external-links';
import { createNoticeService } from './services/notice-service';
import { createProgressService } from './services/progress-service';
import { createSettingsService, SETTINGS_MIGRATIONS } from './services/settings-service';

/** Maps an OS locale such as `fr-CA` onto a language the UI ships; English otherwise. */
export function osLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * The composition root of the core: every service wired by injection from the host's adapters.
 *
 * main/app calls it with Electron adapters; tests and benchmarks with Node ones. Nothing here
 * knows which.
 */
export function createServices(adapters: Adapters) {
  const now = adapters.now ?? (() => new Date());
  const notices = createNoticeService(adapters.emit, now);
  const report = (notice: Parameters<typeof notices.add>[0]) => {
    adapters.logger.warn('store notice', { code: notice.code, file: notice.params.file });
    notices.add(notice);
  };

  const settings = createSettingsService(
    openVersionedDocument<Settings>({
      openStore: adapters.openStore,
      dataDir: adapters.dataDir,
      name: 'settings',
      schema: Settings,
      currentVersion: SETTINGS_SCHEMA_VERSION,
      migrations: SETTINGS_MIGRATIONS,
      defaults: DEFAULT_SETTINGS,
      now,
      report,
    }),
    adapters.emit,
  );
  const progress = createProgressService(
    openVersionedDocument<Progress>({
      openStore: adapters.openStore,
      dataDir: adapters.dataDir,
      name: 'progress',
      schema: Progress,
      currentVersion: PROGRESS_SCHEMA_VERSION,
      migrations: {},
      defaults: DEFAULT_PROGRESS,
      now,
      report,
    }),
    now,
  );

  const vault = createTokenVault({ cipher: adapters.cipher, filePath: join(adapters.dataDir, 'session.vault'), now, logger: adapters.logger, report });
  const auth = createAuthService({
    settings,
    notices,
    endpoints: async (mode) => (mode === 'live' ? liveEndpoints(settings.get().facebookAppId) : sandboxEndpoints(await adapters.sandboxOrigin())),
    authWindow: adapters.authWindow,
    vault,
    fetch: adapters.fetch,
    emit: adapters.emit,
    logger: adapters.logger,
    now,
  });
  // Switching between sandbox and live shows the other mode's session (or none) at once.
  settings.onChange(() => adapters.emit('auth:changed', auth.status()));

  const handlers: Handlers = {
    'app:info': () => ({
      name: adapters.app.name,
      version: adapters.app.version,
      mode: effectiveMode(settings.get()),
      osLanguage: osLanguage(adapters.app.locale),
      platform: adapters.app.platform,
    }),
    'app:notices': () => notices.list(),
    'app:dismissNotice': ({ id }) => notices.dismiss(id),
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('external.notAllowed', { host: safeHost(url) });
      await adapters.openExternal(url);
      return { opened: true as const };
    },
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.set(patch),
    'progress:get': () => progress.get(),
    'progress:set': (update) => progress.set(update),
    'auth:status': () => auth.status(),
    'auth:login': ({ kind }) => auth.login(kind),
    'auth:cancel': () => auth.cancel(),
    'auth:refresh': () => auth.refresh(),
    'auth:disconnect': () => auth.disconnect(),
  };

  // Read both documents now so a quarantined or migrated file is reported on the first screen.
  settings.get();
  progress.get();

  return { handlers, settings, progress, notices, auth };
}

export type Services = ReturnType<typeof createServices>;

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
