import { AppError } from '../../shared/errors/index';
import { uncheckedLogo, type LogoCheck, type Requirements, type RequirementsState } from '../../shared/model/requirements/requirements';
import { analysePhone } from '../../shared/rules/phone';
import { analyseRequirementsPhone } from '../../shared/rules/requirements';
import type { Clock, Emit, Logger, Scheduler } from '../platform/ports';
import type { WorkspaceService } from '../workspace/service';
import type { LogoOutcome } from './logo-check';
import type { RequirementsRepository } from './repository';

/** The first wait before checking a logo again after the network failed; doubled each time. */
export const FIRST_LOGO_RECHECK_MS = 30_000;
/** The longest wait between two checks of a logo while the network fails. */
export const MAX_LOGO_RECHECK_MS = 10 * 60_000;

/** Step 1's calls, as the handlers and the other areas need them. */
export interface RequirementsService {
  /** The current workspace's requirements; a logo check left half-way (a restart) resumes. */
  get(): RequirementsState;
  /** A workspace's values as stored (step 2 pre-selects the portfolio from the Business Manager ID). */
  read(workspaceId: string): Requirements;
  save(workspaceId: string, requirements: Requirements): RequirementsState;
  /** Checks the current workspace's logo now; resolves when the check is over. */
  checkLogo(): Promise<RequirementsState>;
  /** Cancels running checks and scheduled re-checks (quitting). */
  stop(): void;
}

interface Deps {
  repository: RequirementsRepository;
  workspaces: WorkspaceService;
  emit: Emit;
  logger: Logger;
  now: Clock;
  scheduler: Scheduler;
  /** Checks a logo URL (`checkLogo` with its network and clock). */
  check: (url: string, cancel: AbortSignal) => Promise<LogoOutcome>;
}

/**
 * Step 1's values per workspace, and the logo check that follows its URL.
 *
 * Main reads the phone number again on every save with the same rules as the form, and a number
 * that reads becomes the workspace's number (the workspace keeps the one source of truth). The
 * logo is checked again whenever its URL changes; when nothing answers (offline), it is checked
 * again by itself after 30 s, then after twice as long each time, up to 10 minutes.
 */
export function createRequirementsService(deps: Deps): RequirementsService {
  const { repository, workspaces, emit, scheduler } = deps;
  /** The check under way per workspace; a newer one aborts it. */
  const runs = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** The re-check scheduled per workspace while its logo waits for the network. */
  const timers = new Map<string, unknown>();
  /** Checks in a row that found no network, per workspace: the next wait grows with it. */
  const misses = new Map<string, number>();

  const exists = (workspaceId: string) => workspaces.get().workspaces.some((workspace) => workspace.id === workspaceId);

  /** The stored values; before the first save, the number the workspace already has. */
  const requirementsOf = (workspaceId: string): { requirements: Requirements; logo: LogoCheck; savedAt: string | null } => {
    const stored = repository.get(workspaceId);
    const { requirements, logo } = stored.file;
    const workspaceNumber = workspaces.get().workspaces.find((workspace) => workspace.id === workspaceId)?.phoneNumber ?? '';
    if (stored.savedAt !== null || requirements.phone.national !== '' || workspaceNumber === '') return { requirements, logo, savedAt: stored.savedAt };
    const phone = analysePhone(workspaceNumber, null);
    const prefilled = phone.ok ? { country: phone.country ?? '', national: phone.international, e164: phone.e164 } : { country: '', national: workspaceNumber, e164: '' };
    return { requirements: { ...requirements, phone: prefilled }, logo, savedAt: stored.savedAt };
  };

  const stateOf = (workspaceId: string): RequirementsState => ({ workspaceId, ...requirementsOf(workspaceId) });

  const emitIfShown = (workspaceId: string): void => {
    if (workspaces.current().id === workspaceId) emit('requirements:changed', stateOf(workspaceId));
  };

  const writeLogo = (workspaceId: string, logo: LogoCheck): void => {
    // A workspace deleted meanwhile gets no file back.
    if (!exists(workspaceId)) return;
    const stored = repository.get(workspaceId);
    repository.save(workspaceId, { ...stored.file, logo });
    emitIfShown(workspaceId);
  };

  const cancel = (workspaceId: string): void => {
    runs.get(workspaceId)?.controller.abort();
    runs.delete(workspaceId);
    const timer = timers.get(workspaceId);
    if (timer !== undefined) scheduler.clearTimeout(timer);
    timers.delete(workspaceId);
  };

  const scheduleRecheck = (workspaceId: string, url: string, delayMs: number): void => {
    timers.set(
      workspaceId,
      scheduler.setTimeout(() => {
        timers.delete(workspaceId);
        if (exists(workspaceId)) void startCheck(workspaceId, url);
      }, delayMs),
    );
  };

  function startCheck(workspaceId: string, url: string): Promise<void> {
    cancel(workspaceId);
    const target = url.trim();
    if (target === '') {
      misses.delete(workspaceId);
      writeLogo(workspaceId, uncheckedLogo(''));
      return Promise.resolve();
    }
    const controller = new AbortController();
    writeLogo(workspaceId, { ...uncheckedLogo(target), state: 'checking' });
    const done = deps.check(target, controller.signal).then(
      (outcome) => {
        // A newer URL, a manual check or a deletion replaced this one: its result is not news.
        if (runs.get(workspaceId)?.controller !== controller) return;
        runs.delete(workspaceId);
        if (outcome.kind === 'cancelled') return;
        if (outcome.kind === 'checked') {
          misses.delete(workspaceId);
          writeLogo(workspaceId, outcome.check);
          return;
        }
        const missed = misses.get(workspaceId) ?? 0;
        misses.set(workspaceId, missed + 1);
        const delay = Math.min(FIRST_LOGO_RECHECK_MS * 2 ** missed, MAX_LOGO_RECHECK_MS);
        const now = deps.now();
        writeLogo(workspaceId, { ...uncheckedLogo(target), state: 'waitingForNetwork', checkedAt: now.toISOString(), nextAttemptAt: new Date(now.getTime() + delay).toISOString() });
        scheduleRecheck(workspaceId, target, delay);
      },
      (error: unknown) => {
        if (runs.get(workspaceId)?.controller === controller) runs.delete(workspaceId);
        deps.logger.error('logo check failed', { error });
      },
    );
    runs.set(workspaceId, { controller, done });
    return done;
  }

  /** A check a restart (or a switch away) left behind picks up where it was. */
  const resume = (workspaceId: string): void => {
    if (runs.has(workspaceId) || timers.has(workspaceId)) return;
    const { logo } = repository.get(workspaceId).file;
    if (logo.state === 'checking') void startCheck(workspaceId, logo.url);
    else if (logo.state === 'waitingForNetwork') {
      const due = logo.nextAttemptAt ? Date.parse(logo.nextAttemptAt) - deps.now().getTime() : 0;
      scheduleRecheck(workspaceId, logo.url, Math.max(0, Math.min(due, MAX_LOGO_RECHECK_MS)));
    }
  };

  const current = (): RequirementsState => {
    const workspaceId = workspaces.current().id;
    resume(workspaceId);
    return stateOf(workspaceId);
  };

  // Another workspace opened (switch, create, duplicate, delete, restore): its requirements.
  let shownId = workspaces.current().id;
  workspaces.onChange((all) => {
    if (all.currentId === shownId) return;
    shownId = all.currentId;
    emit('requirements:changed', current());
  });

  return {
    get: current,
    read: (workspaceId) => requirementsOf(workspaceId).requirements,
    save(workspaceId, requirements) {
      if (!exists(workspaceId)) throw new AppError('requirements.staleWorkspace');
      const phone = analyseRequirementsPhone(requirements.phone);
      const next: Requirements = { ...requirements, phone: { ...requirements.phone, e164: phone.ok ? phone.e164 : '' } };
      const stored = repository.get(workspaceId);
      repository.save(workspaceId, { ...stored.file, requirements: next });
      if (phone.ok) {
        const workspace = workspaces.get().workspaces.find((candidate) => candidate.id === workspaceId);
        if (workspace && workspace.phoneNumber !== phone.e164) workspaces.update({ id: workspaceId, phoneNumber: phone.e164 });
      }
      if (next.logoUrl.trim() !== stored.file.logo.url) {
        misses.delete(workspaceId);
        void startCheck(workspaceId, next.logoUrl);
      }
      emitIfShown(workspaceId);
      return stateOf(workspaceId);
    },
    async checkLogo() {
      const workspaceId = workspaces.current().id;
      misses.delete(workspaceId);
      await startCheck(workspaceId, repository.get(workspaceId).file.requirements.logoUrl);
      return stateOf(workspaceId);
    },
    stop() {
      for (const workspaceId of [...runs.keys(), ...timers.keys()]) cancel(workspaceId);
    },
  };
}
