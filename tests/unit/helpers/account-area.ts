import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryLogger } from '../../../main/core/node-adapters';
import type { GraphClient } from '../../../main/meta/graph/client';
import { createAccountArea } from '../../../main/meta/handlers';
import { createMetaRepository } from '../../../main/meta/state/repository';
import { createOperationRunner, type OperationHandlers } from '../../../main/operations/runner';
import { createConfStoreOpener } from '../../../main/platform/persistence/conf-store';
import { openVersionedDocument, type DocumentNotice } from '../../../main/platform/persistence/versioned-document';
import type { Cipher } from '../../../main/platform/secrets/cipher';
import { UNAVAILABLE_CIPHER } from '../../../main/platform/secrets/cipher';
import { createSecretVault } from '../../../main/platform/secrets/secret-vault';
import { testCipher } from '../../e2e/harness/test-cipher';
import { createWorkspaceService } from '../../../main/workspace/service';
import type { EventName, EventPayload, OperationInput, OperationName, OperationResult } from '../../../shared/ipc/contract/index';
import type { AppErrorShape } from '../../../shared/errors/index';
import type { AccountState } from '../../../shared/model/meta/account';
import { DEFAULT_SETTINGS, type Language, type Settings } from '../../../shared/model/settings/settings';
import { Progress } from '../../../shared/model/workspace/progress';
import { newWorkspace, Workspaces, WORKSPACES_SCHEMA_VERSION } from '../../../shared/model/workspace/workspace';

export interface AccountAreaOptions {
  /** The folder of a previous area (a restart); a fresh one otherwise. */
  readonly dataDir?: string;
  /** Graph calls for the "connected admin"; throws the given error when not connected. */
  readonly graph: () => Promise<GraphClient>;
  readonly now?: () => Date;
  /** Step 1's Business Manager ID per workspace. */
  readonly businessManagerId?: string;
  /** Without OS encryption the vault keeps the PINs in memory only. */
  readonly encryption?: boolean;
  readonly cipher?: Cipher;
  readonly language?: Language;
}

/**
 * Step 2's area on real files, a real workspace service and a real vault, with the Graph client
 * a test gives it: what the app runs, minus the login window.
 */
export function accountArea(options: AccountAreaOptions) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wcsa-account-'));
  const now = options.now ?? (() => new Date());
  const logger = createMemoryLogger();
  const notices: DocumentNotice[] = [];
  const report = (notice: DocumentNotice) => void notices.push(notice);
  const events: { event: EventName; payload: unknown }[] = [];
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload });
  const openStore = createConfStoreOpener(dataDir);
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const settingsListeners = new Set<(value: Settings) => void>();
  const repository = createMetaRepository({ openStore, dataDir, now, report });
  const first = newWorkspace('00000000-0000-4000-8000-000000000000', 'WhatsApp', '', now());
  const workspaces = createWorkspaceService({
    document: openVersionedDocument({ openStore, dataDir, name: 'workspaces', schema: Workspaces, currentVersion: WORKSPACES_SCHEMA_VERSION, migrations: {}, defaults: { schemaVersion: WORKSPACES_SCHEMA_VERSION, currentId: first.id, workspaces: [first] }, now, report }),
    legacyProgress: openVersionedDocument({ openStore, dataDir, name: 'progress', schema: Progress, currentVersion: 1, migrations: {}, defaults: first.progress, now, report }),
    emit,
    now,
    report,
    facts: () => ({ metaConnected: true, blockingFindings: {} }),
    attachments: repository,
  });
  const vault = createSecretVault({ cipher: options.encryption === false ? UNAVAILABLE_CIPHER : (options.cipher ?? testCipher()), dataDir, now, logger, report });
  const area = createAccountArea({
    repository,
    session: { graph: options.graph },
    workspaces,
    settings: {
      get: () => settings,
      onChange: (listener) => {
        settingsListeners.add(listener);
        return () => settingsListeners.delete(listener);
      },
    },
    businessManagerId: () => options.businessManagerId ?? '',
    vault,
    language: () => options.language ?? 'fr',
    now,
    emit,
    logger,
  });
  const unused = () => Promise.reject(new Error('not part of this test'));
  const runner = createOperationRunner({ handlers: { 'meta:login': unused, 'updates:download': unused, ...area.operations } as OperationHandlers, emit, logger });

  /** Runs a long operation to its end, as the renderer would; the outcome or the error. */
  async function operate<O extends OperationName>(operation: O, input: OperationInput<O>, whileRunning?: (id: string) => void): Promise<{ ok: true; value: OperationResult<O> } | { ok: false; state: string; error: AppErrorShape }> {
    const id = crypto.randomUUID();
    runner.start({ id, operation, input });
    whileRunning?.(id);
    const final = await runner.settled(id);
    if (!final) throw new Error('the operation left no outcome');
    if (final.state === 'succeeded') return { ok: true, value: final.result as OperationResult<O> };
    return { ok: false, state: final.state, error: final.error ?? { code: 'internal', params: {} } };
  }

  return {
    dataDir,
    area,
    account: area.account,
    handlers: area.handlers,
    runner,
    operate,
    workspaces,
    vault,
    logger,
    notices,
    /** Every `meta:accountChanged` sent so far, oldest first. */
    changes: () => events.filter((entry) => entry.event === 'meta:accountChanged').map((entry) => entry.payload as AccountState),
    /** Every event payload as JSON, to search for what must never be sent. */
    everythingSent: () => JSON.stringify(events),
    /** Switches the settings to live (with an App ID) or back to the sandbox. */
    setMode(mode: 'sandbox' | 'live') {
      settings = mode === 'live' ? { ...settings, mode: 'live', facebookAppId: '1234567890' } : { ...settings, mode: 'sandbox' };
      for (const listener of settingsListeners) listener(settings);
    },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
