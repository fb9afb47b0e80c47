import { AppError } from '../../shared/errors/index';
import {
  UPDATES_SCHEMA_VERSION,
  UpdateSettingsPatch,
  type UpdatePolicy,
  type UpdateRelease,
  type UpdatesDocument,
  type UpdateState,
  type UpdatesStatus,
} from '../../shared/model/updates/updates';
import type { VersionedDocument } from '../platform/persistence/versioned-document';
import type { Clock, Emit, Logger } from '../platform/ports';
import type { Updater } from './updater-port';

/** What applies once the organisation's policy has had its say. */
export interface EffectiveUpdateSettings {
  enabled: boolean;
  feedUrl: string;
  checkAtStart: boolean;
  feedFromPolicy: boolean;
  checkAtStartFromPolicy: boolean;
}

/**
 * The policy wins over the admin's settings, field by field.
 *
 * An unreadable policy turns updates off (fail closed): IT wrote it to constrain updates.
 */
export function effectiveUpdateSettings(document: Pick<UpdatesDocument, 'feedUrl' | 'checkAtStart'>, policy: UpdatePolicy): EffectiveUpdateSettings {
  if (policy.state === 'invalid') return { enabled: false, feedUrl: '', checkAtStart: false, feedFromPolicy: false, checkAtStartFromPolicy: false };
  const valid = policy.state === 'valid' ? policy : null;
  return {
    enabled: valid?.enabled ?? true,
    feedUrl: valid?.feedUrl ?? document.feedUrl,
    checkAtStart: valid?.checkAtStart ?? document.checkAtStart,
    feedFromPolicy: valid?.feedUrl != null,
    checkAtStartFromPolicy: valid?.checkAtStart != null,
  };
}

export interface UpdatesService {
  status(): UpdatesStatus;
  /** Asks the feed now; a feed failure is reported in the state (with Retry), not thrown. */
  check(): Promise<UpdatesStatus>;
  /** The check at start, when enabled and a feed is set; never throws. */
  checkAtStart(): Promise<void>;
  setSettings(patch: UpdateSettingsPatch): UpdatesStatus;
  /** The `updates:download` operation: verified download, cancellable. */
  download(signal: AbortSignal): Promise<{ release: UpdateRelease }>;
  /** Quits and installs; the handler has already checked the admin's consent. */
  install(): { installing: true };
}

interface Options {
  document: VersionedDocument<UpdatesDocument>;
  updater: Updater;
  readPolicy: () => UpdatePolicy;
  currentVersion: string;
  emit: Emit;
  logger: Logger;
  now: Clock;
}

/**
 * The app's own updates: the state machine between the feed, the admin and the policy.
 *
 * idle -> checking -> available | not-available | error; available -> downloading ->
 * downloaded | error (Retry downloads again) | available (cancelled). Installing is only ever
 * the admin's click: nothing downloads or installs on its own.
 */
export function createUpdatesService({ document, updater, readPolicy, currentVersion, emit, logger, now }: Options): UpdatesService {
  let state: UpdateState = { kind: 'idle' };

  const status = (): UpdatesStatus => {
    const stored = document.read();
    const policy = readPolicy();
    return {
      state,
      currentVersion,
      settings: { feedUrl: stored.feedUrl, checkAtStart: stored.checkAtStart },
      policy,
      effective: effectiveUpdateSettings(stored, policy),
      lastCheckedAt: stored.lastCheckedAt,
    };
  };

  const publish = () => emit('updates:changed', status());
  const move = (next: UpdateState) => {
    state = next;
    publish();
  };

  /** The feed to use now, or the reason there is none. */
  const allowedFeed = (): string => {
    const policy = readPolicy();
    if (policy.state === 'invalid') throw new AppError('updates.policyInvalid');
    const effective = effectiveUpdateSettings(document.read(), policy);
    if (!effective.enabled) throw new AppError('updates.disabledByPolicy');
    if (effective.feedUrl === '') throw new AppError('updates.noFeed');
    return effective.feedUrl;
  };

  let checking: Promise<UpdatesStatus> | null = null;
  const ask = async (feedUrl: string): Promise<UpdatesStatus> => {
    move({ kind: 'checking' });
    try {
      const result = await updater.check(feedUrl, new AbortController().signal);
      document.write({ ...document.read(), lastCheckedAt: now().toISOString() });
      move(result.available ? { kind: 'available', release: result.release } : { kind: 'not-available' });
    } catch (error) {
      const shape = error instanceof AppError ? { code: error.code, params: error.params } : { code: 'updates.feedUnreachable' as const, params: { status: 0 } };
      if (!(error instanceof AppError)) logger.warn('updates: check failed', { error });
      move({ kind: 'error', error: shape, during: 'check', release: null });
    }
    return status();
  };

  const service: UpdatesService = {
    status,

    async check() {
      const feedUrl = allowedFeed();
      // Check now while the check at start runs: one request, both get its outcome.
      if (checking) return checking;
      if (state.kind === 'downloading') throw new AppError('updates.busy');
      // A verified download waits for the admin's restart; asking again would only forget it.
      if (state.kind === 'downloaded') return status();
      checking = ask(feedUrl).finally(() => {
        checking = null;
      });
      return checking;
    },

    async checkAtStart() {
      const effective = effectiveUpdateSettings(document.read(), readPolicy());
      if (!effective.enabled || !effective.checkAtStart || effective.feedUrl === '') return;
      try {
        await service.check();
      } catch (error) {
        logger.warn('updates: check at start skipped', { code: error instanceof AppError ? error.code : 'internal' });
      }
    },

    setSettings(patch) {
      const parsed = UpdateSettingsPatch.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('updates.invalid', { field: String(issue?.path[0] ?? ''), message: issue?.message.startsWith('validation.') ? issue.message : 'validation.invalid' });
      }
      const policy = readPolicy();
      const locked = policy.state === 'valid' ? policy : null;
      // The policy wins: a value it sets is refused rather than saved and silently ignored.
      if (parsed.data.feedUrl !== undefined && locked?.feedUrl != null) throw new AppError('updates.lockedByPolicy', { field: 'feedUrl' });
      if (parsed.data.checkAtStart !== undefined && locked?.checkAtStart != null) throw new AppError('updates.lockedByPolicy', { field: 'checkAtStart' });
      const stored = document.read();
      const next: UpdatesDocument = {
        schemaVersion: UPDATES_SCHEMA_VERSION,
        feedUrl: parsed.data.feedUrl ?? stored.feedUrl,
        checkAtStart: parsed.data.checkAtStart ?? stored.checkAtStart,
        lastCheckedAt: stored.lastCheckedAt,
      };
      document.write(next);
      // What another feed said no longer applies; a download under way or done is kept.
      if (next.feedUrl !== stored.feedUrl && (state.kind === 'available' || state.kind === 'not-available' || state.kind === 'error')) state = { kind: 'idle' };
      publish();
      return status();
    },

    async download(signal) {
      allowedFeed();
      const release = state.kind === 'available' ? state.release : state.kind === 'error' && state.during === 'download' ? state.release : null;
      if (state.kind === 'downloading') throw new AppError('updates.busy');
      if (!release) throw new AppError('updates.nothingToDownload');
      move({ kind: 'downloading', release, percent: 0, transferred: 0, total: 0 });
      let shown = -1;
      try {
        await updater.download((progress) => {
          // One event per whole percent: enough for a progress bar, not a flood of IPC.
          const whole = Math.floor(progress.percent);
          if (whole === shown && progress.transferred < progress.total) return;
          shown = whole;
          move({ kind: 'downloading', release, percent: progress.percent, transferred: progress.transferred, total: progress.total });
        }, signal);
      } catch (error) {
        if (signal.aborted) {
          move({ kind: 'available', release });
          throw new AppError('updates.cancelled');
        }
        const shape = error instanceof AppError ? { code: error.code, params: error.params } : { code: 'updates.downloadInterrupted' as const, params: {} };
        if (!(error instanceof AppError)) logger.warn('updates: download failed', { error });
        move({ kind: 'error', error: shape, during: 'download', release });
        throw new AppError(shape.code, shape.params);
      }
      move({ kind: 'downloaded', release });
      return { release };
    },

    install() {
      allowedFeed();
      if (state.kind !== 'downloaded') throw new AppError('updates.notDownloaded');
      logger.info('updates: installing on the admin\'s request', { version: state.release.version });
      updater.quitAndInstall();
      return { installing: true };
    },
  };
  return service;
}
