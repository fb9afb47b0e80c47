import type { metaAccountContract } from '../../shared/ipc/contract/meta-account';
import type { Language } from '../../shared/model/settings/settings';
import { effectiveMode } from '../../shared/model/settings/settings';
import type { AreaHandlers, Handlers } from '../ipc/router';
import type { OperationHandlers } from '../operations/runner';
import type { Clock, Emit, Logger } from '../platform/ports';
import type { SecretVault } from '../platform/secrets/secret-vault';
import type { SettingsService } from '../settings/service';
import type { WorkspaceAttachments, WorkspaceService } from '../workspace/service';
import { createAccountService, type AccountService } from './account/service';
import { createOnboarding, type OnboardingOperations } from './onboarding';
import { createPinKeeper } from './pins';
import type { MetaSession } from './session/service';
import type { MetaRepository } from './state/repository';

/** The `meta:*` calls of the Facebook session. */
export function createMetaHandlers(session: MetaSession): Pick<AreaHandlers<'meta'>, 'meta:status' | 'meta:refresh' | 'meta:disconnect'> {
  return {
    'meta:status': () => session.status(),
    'meta:refresh': () => session.refresh(),
    'meta:disconnect': () => session.disconnect(),
  };
}

/** The Meta area's long operations of the session. */
export function createMetaOperations(session: MetaSession): Pick<OperationHandlers, 'meta:login'> {
  return {
    'meta:login': ({ kind }, context) => session.login(kind, context),
  };
}

type AccountHandlers = Pick<Handlers, keyof typeof metaAccountContract>;

interface AccountDeps {
  /** Created before the workspace service, which moves its files with each workspace. */
  repository: MetaRepository;
  session: Pick<MetaSession, 'graph'>;
  workspaces: WorkspaceService;
  settings: Pick<SettingsService, 'get' | 'onChange'>;
  /** Step 1's Business Manager ID of a workspace: the portfolio step 2 pre-selects. */
  businessManagerId: (workspaceId: string) => string;
  /** Holds the numbers' two-step PINs (`meta.pin.<phone-number-id>`). */
  vault: SecretVault;
  language: () => Language;
  now: Clock;
  emit: Emit;
  logger: Logger;
}

/**
 * Step 2's area: the account reads (portfolios, accounts, numbers, profiles), the onboarding of a
 * number as long operations, and the files that follow each workspace.
 *
 * `account` is what the status board needs: the chosen account, and a place to keep the numbers
 * it reads so step 2 shows the same reading.
 */
export function createAccountArea(deps: AccountDeps): {
  handlers: AccountHandlers;
  operations: OnboardingOperations;
  attachments: WorkspaceAttachments;
  account: AccountService;
} {
  const pins = createPinKeeper(deps.vault, deps.now);
  const account = createAccountService({
    repository: deps.repository,
    graph: () => deps.session.graph(),
    workspaces: deps.workspaces,
    mode: () => effectiveMode(deps.settings.get()),
    onSettingsChange: (listener) => void deps.settings.onChange(listener),
    businessManagerId: deps.businessManagerId,
    pins,
    now: deps.now,
    emit: deps.emit,
    logger: deps.logger,
  });
  const handlers: AccountHandlers = {
    'meta:account': () => account.state(),
    'meta:loadPortfolios': () => account.loadPortfolios(),
    'meta:selectPortfolio': ({ businessId }) => account.selectPortfolio(businessId),
    'meta:selectAccount': ({ wabaId }) => account.selectAccount(wabaId),
    'meta:refreshNumbers': () => account.refreshNumbers(),
    'meta:loadProfile': ({ phoneNumberId }) => account.loadProfile(phoneNumberId),
    'meta:saveProfile': ({ phoneNumberId, profile }) => account.saveProfile(phoneNumberId, profile),
  };
  return {
    handlers,
    operations: createOnboarding({ account, pins, language: deps.language, now: deps.now, logger: deps.logger }),
    attachments: deps.repository,
    account,
  };
}
