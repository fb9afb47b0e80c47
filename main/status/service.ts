import { randomUUID } from 'node:crypto';
import { AppError, type AppErrorShape } from '../../shared/errors/index';
import type { PhoneNumberReading, Subscription } from '../../shared/model/meta/account';
import type { Reading } from '../../shared/model/meta/values';
import type { Language, Mode } from '../../shared/model/settings/settings';
import type { ModeStatus, StatusBoard, StatusNotification } from '../../shared/model/status/status';
import type { TemplateReading, TemplatesState } from '../../shared/model/templates/templates';
import { readSubscribedApps, readWabaStatus } from '../meta/graph/calls';
import type { GraphClient } from '../meta/graph/client';
import type { Clock, Emit, Logger, Notifier, Scheduler } from '../platform/ports';
import type { WorkspaceService } from '../workspace/service';
import { numberChanges, templateChanges, type StatusChange } from './changes';
import { rateLimitLifts } from './cadence';
import { notificationText } from './notification-text';
import { createPoller, type PollGate } from './poller';
import type { StatusRepository } from './repository';

/** What the status area needs of the Facebook session. */
export interface StatusSession {
  status(): { connected: boolean; needsLogin: boolean; mode: Mode };
  graph(): Promise<GraphClient>;
}

/** The portfolio and WhatsApp Business account step 2 chose for a workspace, in a mode. */
export type AccountSelection = (workspaceId: string, mode: Mode) => { businessId: string | null; wabaId: string | null };

/** The account the checks are about: the current workspace's, in the current mode. */
export interface StatusTarget {
  readonly workspaceId: string;
  readonly mode: Mode;
  readonly businessId: string | null;
  readonly wabaId: string | null;
}

export interface StatusDeps {
  repository: StatusRepository;
  workspaces: Pick<WorkspaceService, 'current' | 'onChange'>;
  session: StatusSession;
  selection: AccountSelection;
  now: Clock;
  scheduler: Scheduler;
  random: () => number;
  notifier: Notifier;
  language: () => Language;
  emit: Emit;
  logger: Logger;
  /** Every reading of the numbers, so step 2 shows the same one. */
  onNumbers?: (target: StatusTarget & { wabaId: string }, numbers: Reading<PhoneNumberReading[]>) => void;
  newId?: () => string;
}

export interface StatusService {
  /** The current workspace's board; never calls Meta. */
  board(): StatusBoard;
  /** One check now; rejects with a coded error (the board keeps the last reading). */
  refresh(): Promise<StatusBoard>;
  /** The current workspace's inbox, newest first. */
  notifications(): StatusNotification[];
  markRead(ids: readonly string[] | 'all'): StatusNotification[];
  /** The account whose templates and numbers are shown now. */
  target(): StatusTarget;
  /** Step 5's state for the current workspace; never calls Meta. */
  templates(): TemplatesState;
  /** Refuses (without a call) while Meta asks to wait; step 5 asks before it reads. */
  assertMayCall(): void;
  /** A reading of the templates step 5 made: compared, notified, kept and shown like the checks'. */
  recordTemplates(target: StatusTarget & { wabaId: string }, templates: readonly TemplateReading[]): void;
  /**
   * A failed read step 5 made: kept as the board's last error, a throttle pauses the checks too.
   * Answers the error to throw (a throttle's end on this clock).
   */
  recordFailure(target: StatusTarget, error: unknown): unknown;
  /** Something the checks depend on changed (session, account chosen in step 2): act on it. */
  update(): void;
  stop(): void;
}

/** Whether two lists of readings say the same thing. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The status board: background checks of the chosen account, the changes they find told once
 * (desktop notification, inbox, event), and the last reading kept per workspace and mode.
 *
 * Only the current workspace is checked. Its first reading of an account tells nothing; later
 * ones are compared with the stored snapshot, so a restart does not tell again what was told,
 * and does tell what changed while the app was closed.
 */
export function createStatusService(deps: StatusDeps): StatusService {
  const { repository, workspaces, session, emit } = deps;
  const newId = deps.newId ?? randomUUID;

  const target = (): StatusTarget => {
    const workspaceId = workspaces.current().id;
    const mode = session.status().mode;
    const { businessId, wabaId } = deps.selection(workspaceId, mode);
    return { workspaceId, mode, businessId, wabaId };
  };

  /** The stored state when it is about the account chosen now; an empty one otherwise. */
  const snapshotOf = (of: StatusTarget): { stored: ModeStatus; same: boolean } => {
    const stored = repository.read(of.workspaceId, of.mode);
    return { stored, same: of.wabaId !== null && stored.wabaId === of.wabaId };
  };

  const boardOf = (of: StatusTarget): StatusBoard => {
    const { stored, same: mine } = snapshotOf(of);
    return {
      workspaceId: of.workspaceId,
      businessId: of.businessId,
      wabaId: of.wabaId,
      accountName: mine ? stored.accountName : null,
      numbers: mine ? stored.numbers : [],
      lastCheckedAt: mine ? stored.lastCheckedAt : null,
      polling: poller.state(),
      lastError: mine ? stored.lastError : null,
      subscription: mine ? stored.subscription : null,
      unread: stored.notifications.filter((notification) => !notification.read).length,
    };
  };

  const templatesOf = (of: StatusTarget): TemplatesState => {
    const { stored, same: mine } = snapshotOf(of);
    return { workspaceId: of.workspaceId, wabaId: of.wabaId, templates: mine ? stored.templates : null };
  };

  const isShown = (of: StatusTarget): boolean => {
    const now = target();
    return now.workspaceId === of.workspaceId && now.mode === of.mode;
  };

  const publishBoard = (): void => emit('status:changed', boardOf(target()));

  /** Tells each change: desktop notification, inbox entry, event. */
  const tell = (of: StatusTarget, changes: readonly StatusChange[], at: string): StatusNotification[] => {
    const told = changes.map((change): StatusNotification => ({ ...change, id: newId(), at, read: false }));
    const language = deps.language();
    for (const notification of told) {
      const { title, body } = notificationText(notification, language);
      const subject = notification.phoneNumberId ?? `${notification.templateName ?? ''}:${notification.language ?? ''}`;
      try {
        deps.notifier.show({ tag: `status:${of.workspaceId}:${subject}:${notification.kind}`, title, body });
      } catch (error) {
        // The OS may refuse notifications; the inbox still has the change.
        deps.logger.warn('desktop notification not shown', { error });
      }
    }
    return told;
  };

  const publishTold = (of: StatusTarget, told: readonly StatusNotification[]): void => {
    if (!isShown(of)) return;
    for (const notification of told) emit('status:notified', notification);
  };

  /** Keeps a reading of the templates, telling what changed since the last one of the same account. */
  const applyTemplates = (state: ModeStatus, of: StatusTarget & { wabaId: string }, templates: readonly TemplateReading[], readAt: string): { state: ModeStatus; changes: StatusChange[] } => {
    const previous = state.wabaId === of.wabaId && state.templates ? state.templates.value : null;
    return { state: { ...state, templates: { value: [...templates], readAt } }, changes: templateChanges(previous, templates) };
  };

  async function check(options: { subscription: boolean; signal: AbortSignal }): Promise<{ changed: boolean }> {
    const of = target();
    if (of.wabaId === null) throw new AppError('meta.account.noSelection');
    const wabaId = of.wabaId;
    const account = { ...of, wabaId };
    try {
      const graph = await session.graph();
      const status = await readWabaStatus(graph, wabaId, { signal: options.signal });
      const subscription: Subscription | null = options.subscription ? await readSubscribedApps(graph, wabaId, { signal: options.signal }) : null;
      // The account changed while Meta answered: this reading is not the board's any more.
      if (options.signal.aborted) throw new AppError('meta.cancelled');
      const readAt = deps.now().toISOString();
      let told: StatusNotification[] = [];
      let changed = false;
      repository.update(of.workspaceId, of.mode, (state) => {
        const first = state.wabaId !== wabaId || state.lastCheckedAt === null;
        const numbers = status.numbers.slice(0, 500);
        const withTemplates = applyTemplates(state, account, status.templates, readAt);
        const changes = [...numberChanges(first ? null : state.numbers, numbers), ...withTemplates.changes];
        changed = first || !same(state.numbers, numbers) || !same(state.templates?.value ?? null, status.templates);
        told = tell(of, changes, readAt);
        return {
          ...withTemplates.state,
          wabaId,
          accountName: status.account.name,
          numbers,
          lastCheckedAt: readAt,
          subscription: subscription ? { value: subscription, readAt } : state.wabaId === wabaId ? state.subscription : null,
          lastError: null,
          rateLimitedUntil: null,
          notifications: [...state.notifications, ...told],
        };
      });
      publishTold(of, told);
      if (isShown(of)) emit('templates:changed', templatesOf(of));
      deps.onNumbers?.(account, { value: status.numbers.slice(0, 500), readAt });
      return { changed };
    } catch (error) {
      if (options.signal.aborted) throw error;
      throw keepFailure(of, error);
    }
  }

  /**
   * The board's last error (and a throttle's end), kept with the last reading. Answers the error
   * to throw on: a throttle's end is worked out once, on this clock, so the board, the pause and
   * Try again all say the same time.
   */
  const keepFailure = (of: StatusTarget, error: unknown): unknown => {
    const until = error instanceof AppError && error.code === 'meta.rateLimited' ? rateLimitLifts(error.params, deps.now()).toISOString() : null;
    const thrown = until && error instanceof AppError ? new AppError(error.code, { ...error.params, retryAt: until }) : error;
    const wabaId = of.wabaId;
    if (wabaId === null) return thrown;
    const shape: AppErrorShape = thrown instanceof AppError ? { code: thrown.code, params: thrown.params } : { code: 'internal', params: {} };
    repository.update(of.workspaceId, of.mode, (state) =>
      // A failure before any reading of this account starts its snapshot empty.
      state.wabaId === wabaId ? { ...state, lastError: shape, rateLimitedUntil: until ?? state.rateLimitedUntil } : { ...state, ...emptyReading(wabaId), lastError: shape, rateLimitedUntil: until },
    );
    if (isShown(of)) publishBoard();
    return thrown;
  };

  const gate = (): PollGate => {
    const connection = session.status();
    if (!connection.connected) return connection.needsLogin ? { kind: 'needsLogin' } : { kind: 'off', reason: 'notConnected' };
    const of = target();
    if (of.wabaId === null) return { kind: 'off', reason: 'noAccount' };
    const stored = repository.read(of.workspaceId, of.mode);
    const until = stored.wabaId === of.wabaId && stored.rateLimitedUntil ? new Date(stored.rateLimitedUntil) : null;
    return { kind: 'ready', key: `${of.workspaceId}:${of.mode}:${of.wabaId}`, pausedUntil: until };
  };

  const poller = createPoller({
    now: deps.now,
    scheduler: deps.scheduler,
    random: deps.random,
    logger: deps.logger,
    gate,
    check,
    onState: () => publishBoard(),
  });

  // Another workspace opened: its board and templates, and its account checked instead.
  let shownId = workspaces.current().id;
  workspaces.onChange((all) => {
    if (all.currentId === shownId) return;
    shownId = all.currentId;
    poller.update();
    publishBoard();
    emit('templates:changed', templatesOf(target()));
  });

  const inbox = (): StatusNotification[] => {
    const of = target();
    return [...repository.read(of.workspaceId, of.mode).notifications].reverse();
  };

  return {
    board: () => boardOf(target()),
    async refresh() {
      await poller.checkNow();
      return boardOf(target());
    },
    notifications: inbox,
    markRead(ids) {
      const of = target();
      const wanted = ids === 'all' ? null : new Set(ids);
      repository.update(of.workspaceId, of.mode, (state) => ({
        ...state,
        notifications: state.notifications.map((notification) => (wanted === null || wanted.has(notification.id) ? { ...notification, read: true } : notification)),
      }));
      publishBoard();
      return inbox();
    },
    target,
    templates: () => templatesOf(target()),
    assertMayCall() {
      const of = target();
      const { stored, same: mine } = snapshotOf(of);
      const now = deps.now().getTime();
      const until = mine && stored.rateLimitedUntil ? Date.parse(stored.rateLimitedUntil) : Number.NaN;
      if (Number.isFinite(until) && until > now) throw new AppError('meta.rateLimited', { retryAt: new Date(until).toISOString(), retryAfterMinutes: Math.ceil((until - now) / 60_000) });
    },
    recordTemplates(of, templates) {
      const readAt = deps.now().toISOString();
      let told: StatusNotification[] = [];
      repository.update(of.workspaceId, of.mode, (state) => {
        const base = state.wabaId === of.wabaId ? state : { ...state, ...emptyReading(of.wabaId) };
        const applied = applyTemplates(base, of, templates, readAt);
        told = tell(of, applied.changes, readAt);
        return { ...applied.state, notifications: [...state.notifications, ...told] };
      });
      publishTold(of, told);
      if (isShown(of)) {
        emit('templates:changed', templatesOf(of));
        publishBoard();
      }
    },
    recordFailure(of, error) {
      const kept = keepFailure(of, error);
      // A throttle met by step 5 holds the checks too, until Meta's time.
      if (kept instanceof AppError && kept.code === 'meta.rateLimited' && isShown(of)) poller.hold(new Date(String(kept.params.retryAt)));
      return kept;
    },
    update: () => poller.update(),
    stop: () => poller.stop(),
  };
}

/** The reading part of a mode's state for an account read for the first time. */
function emptyReading(wabaId: string): Pick<ModeStatus, 'wabaId' | 'accountName' | 'numbers' | 'lastCheckedAt' | 'templates' | 'subscription' | 'lastError' | 'rateLimitedUntil'> {
  return { wabaId, accountName: null, numbers: [], lastCheckedAt: null, templates: null, subscription: null, lastError: null, rateLimitedUntil: null };
}
