import { Progress } from '../../shared/model/workspace/progress';
import { Workspaces, WORKSPACES_SCHEMA_VERSION, newWorkspace } from '../../shared/model/workspace/workspace';
import { DEFAULT_SETTINGS, effectiveMode, Settings, SETTINGS_SCHEMA_VERSION, type Language } from '../../shared/model/settings/settings';
import type { Handlers } from '../ipc/router';
import { validateDrafts } from '../../shared/rules/validate-drafts';
import { countBlockingFindings } from '../../shared/steps';
import { createDraftsHandlers } from '../drafts/handlers';
import { createDraftsRepository } from '../drafts/repository';
import { createDraftsService } from '../drafts/service';
import { createAccountArea, createMetaHandlers, createMetaOperations } from '../meta/handlers';
import { liveEndpoints, sandboxEndpoints } from '../meta/session/endpoints';
import { createMetaSession } from '../meta/session/service';
import { createMetaRepository } from '../meta/state/repository';
import { createOperationsHandlers } from '../operations/handlers';
import { createOperationRunner } from '../operations/runner';
import { openVersionedDocument, type DocumentNotice, type Migration } from '../platform/persistence/versioned-document';
import { createNodeByteFetch } from '../platform/http/byte-fetch';
import { userAgent } from '../platform/http/json-client';
import { createSecretVault } from '../platform/secrets/secret-vault';
import { createRequirementsArea, createRequirementsRepository } from '../requirements/index';
import { createSettingsHandlers } from '../settings/handlers';
import { createEventTap, createStatusArea, createStatusRepository } from '../status/index';
import { createSettingsService, SETTINGS_MIGRATIONS } from '../settings/service';
import { createAppHandlers } from '../system/handlers';
import { createNoticeService } from '../system/notices';
import { DEFAULT_UPDATES_DOCUMENT, UPDATES_SCHEMA_VERSION, UpdatesDocument } from '../../shared/model/updates/updates';
import { createUpdatesHandlers, createUpdatesOperations } from '../updates/handlers';
import { readUpdatePolicy } from '../updates/policy';
import { createUpdatesService } from '../updates/service';
import { createWorkspaceHandlers } from '../workspace/handlers';
import { createWorkspaceService, FIRST_WORKSPACE_NAME, type WorkspaceAttachments } from '../workspace/service';
import type { Adapters } from './adapters';

/** Maps an OS locale such as `fr-CA` onto a language the UI ships; English otherwise. */
export function osLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Several areas' per-workspace files as one attachment of the workspace service: each is copied,
 * kept aside and brought back with its workspace.
 */
function combineAttachments(...parts: readonly WorkspaceAttachments[]): WorkspaceAttachments {
  return {
    copy: (fromId, toId) => parts.forEach((part) => part.copy(fromId, toId)),
    keepAside: (id) => JSON.stringify(parts.map((part) => part.keepAside(id))),
    bringBack(id, kept) {
      const tokens = JSON.parse(kept) as (string | null)[];
      parts.forEach((part, index) => {
        const token = tokens[index];
        if (typeof token === 'string') part.bringBack(id, token);
      });
    },
  };
}

/**
 * The composition root of the core: every service wired by injection from the host's adapters.
 *
 * main/app calls it with Electron adapters; tests and benchmarks with Node ones. Nothing here
 * knows which. Each area builds its own handlers; this only spreads them into one table.
 */
export function createServices(adapters: Adapters) {
  const now = adapters.now ?? (() => new Date());
  const { logger } = adapters;
  // The status checks follow the session and step 2's account through the events they emit.
  const eventTap = createEventTap(adapters.emit);
  const { emit } = eventTap;
  const notices = createNoticeService(emit, now);
  const report = (notice: DocumentNotice) => {
    logger.warn('store notice', { code: notice.code, file: notice.params.file });
    notices.add(notice);
  };
  const document = <T>(name: string, schema: import('zod').ZodType<T>, currentVersion: number, migrations: Readonly<Record<number, Migration>>, defaults: T) =>
    openVersionedDocument<T>({ openStore: adapters.openStore, dataDir: adapters.dataDir, name, schema, currentVersion, migrations, defaults, now, report });

  const settings = createSettingsService(document('settings', Settings, SETTINGS_SCHEMA_VERSION, SETTINGS_MIGRATIONS, DEFAULT_SETTINGS), emit);
  const language = (): Language => settings.get().language ?? osLanguage(adapters.app.locale);

  const vault = createSecretVault({ cipher: adapters.cipher, dataDir: adapters.dataDir, now, logger, report });
  const http = { fetch: adapters.fetch, logger, userAgent: userAgent(adapters.app.version) };
  const session = createMetaSession({
    settings,
    notices,
    endpoints: async (mode) => {
      if (mode === 'live') return liveEndpoints(settings.get().facebookAppId);
      const simulator = await adapters.metaSimulator();
      // The simulated login pages speak the app's language from the first one.
      simulator.setLanguage(language());
      return sandboxEndpoints(simulator.origin);
    },
    loginWindow: adapters.loginWindow,
    vault,
    http,
    emit,
    logger,
    now,
  });

  const draftsRepository = createDraftsRepository({ openStore: adapters.openStore, dataDir: adapters.dataDir, now, report });
  const requirementsRepository = createRequirementsRepository({ openStore: adapters.openStore, dataDir: adapters.dataDir, now, report });
  const metaRepository = createMetaRepository({ openStore: adapters.openStore, dataDir: adapters.dataDir, now, report });
  const statusRepository = createStatusRepository({ openStore: adapters.openStore, dataDir: adapters.dataDir, now, report });
  const first = newWorkspace('00000000-0000-4000-8000-000000000000', FIRST_WORKSPACE_NAME, '', now());
  const workspaces = createWorkspaceService({
    document: document('workspaces', Workspaces, WORKSPACES_SCHEMA_VERSION, {}, { schemaVersion: WORKSPACES_SCHEMA_VERSION, currentId: first.id, workspaces: [first] }),
    legacyProgress: document('progress', Progress, 1, {}, first.progress),
    emit,
    now,
    report,
    // The drafts as stored (saves queued included), checked by the same rules the renderer runs.
    facts: (workspaceId) => ({ metaConnected: session.status().connected, blockingFindings: countBlockingFindings(validateDrafts(draftsRepository.get(workspaceId).drafts)) }),
    attachments: combineAttachments(draftsRepository, requirementsRepository, metaRepository, statusRepository),
  });
  const drafts = createDraftsService({ repository: draftsRepository, workspaces, fileDialogs: adapters.fileDialogs, emit, logger });
  // Unreferenced: a scheduled re-check never keeps a test or benchmark process alive.
  const scheduler = adapters.scheduler ?? { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms).unref(), clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  const requirements = createRequirementsArea({ repository: requirementsRepository, workspaces, emit, logger, now, scheduler, byteFetch: adapters.byteFetch ?? createNodeByteFetch(), userAgent: http.userAgent });
  const account = createAccountArea({ repository: metaRepository, session, workspaces, settings, businessManagerId: (id) => requirements.service.read(id).businessManagerId, vault, language, now, emit, logger });
  const status = createStatusArea({
    repository: statusRepository,
    session,
    workspaces,
    selection: (workspaceId, mode) => account.account.read({ workspaceId, mode }).selection,
    now,
    scheduler,
    notifier: adapters.notifier ?? { show: () => undefined },
    language,
    emit,
    logger,
    // Step 2 shows the numbers the checks read.
    onNumbers: (target, numbers) => account.account.storeNumbers(target, target.wabaId, numbers.value),
  });
  eventTap.follow(status.follow);

  const updates = createUpdatesService({
    document: document('updates', UpdatesDocument, UPDATES_SCHEMA_VERSION, {}, DEFAULT_UPDATES_DOCUMENT),
    updater: adapters.updater,
    readPolicy: () => readUpdatePolicy(adapters.dataDir),
    currentVersion: adapters.app.version,
    emit,
    logger,
    now,
  });

  const runner = createOperationRunner({ handlers: { ...createMetaOperations(session), ...account.operations, ...createUpdatesOperations(updates) }, emit, logger });

  settings.onChange(() => {
    // Switching between sandbox and live shows the other mode's session (or none) at once.
    emit('meta:changed', session.status());
    if (effectiveMode(settings.get()) === 'sandbox') void adapters.metaSimulator().then((simulator) => simulator.setLanguage(language()), () => undefined);
  });

  const handlers: Handlers = {
    ...createAppHandlers({
      info: () => ({
        name: adapters.app.name,
        version: adapters.app.version,
        mode: effectiveMode(settings.get()),
        osLanguage: osLanguage(adapters.app.locale),
        platform: adapters.app.platform,
      }),
      notices,
      openExternal: adapters.openExternal,
      simulatorPage: async (page) => {
        if (effectiveMode(settings.get()) !== 'sandbox') return null;
        const simulator = await adapters.metaSimulator();
        // The page opens in the app's language, as the simulated login pages do.
        simulator.setLanguage(language());
        return simulator.pageUrl(page);
      },
      openLoopback: adapters.openLoopback,
    }),
    ...createSettingsHandlers(settings),
    ...createWorkspaceHandlers(workspaces),
    ...createMetaHandlers(session),
    ...account.handlers,
    ...createOperationsHandlers(runner),
    ...createUpdatesHandlers(updates),
    ...createDraftsHandlers(drafts),
    ...requirements.handlers,
    ...status.handlers,
  };

  // Read every document now so a quarantined or migrated file is reported on the first screen.
  settings.get();
  workspaces.get();
  // The check at start runs in the background; its outcome arrives as `updates:changed`.
  void updates.checkAtStart();

  return { handlers, settings, workspaces, notices, session, operations: runner, updates, drafts, draftsRepository, requirements: requirements.service, account: account.account, status: status.status, templates: status.templates };
}

export type Services = ReturnType<typeof createServices>;
