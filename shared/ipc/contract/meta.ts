import { LoginRequest, MetaConnection } from '../../model/meta/connection';
import { NoInput, type ContractSlice, type EventSlice, type OperationSlice } from './slice';

/** The Meta side: the Facebook session (the token itself never crosses). */
export const metaContract = {
  'meta:status': { input: NoInput, output: MetaConnection },
  /** Asks Meta again what the session may do; a refused token ends it (needsLogin). */
  'meta:refresh': { input: NoInput, output: MetaConnection },
  /** Revokes at Meta, forgets the token and the login window's cookies. */
  'meta:disconnect': { input: NoInput, output: MetaConnection },
} as const satisfies ContractSlice<'meta'>;

export const metaEvents = {
  /** The Facebook session changed: login, logout, expiry, or a token Meta refused. */
  'meta:changed': MetaConnection,
} as const satisfies EventSlice<'meta'>;

export const metaOperations = {
  /** "Log in with Facebook": the login window, then who logged in and what they granted. */
  'meta:login': { input: LoginRequest, result: MetaConnection, cancellable: true },
} as const satisfies OperationSlice<'meta'>;
