import * as z from 'zod';
import { AccountState, BusinessProfileUpdate } from '../../model/meta/account';
import { AddNumberRequest, AddNumberResult, RegisterRequest, RegisterResult, RequestCodeRequest, RequestCodeResult, VerifyCodeRequest, VerifyCodeResult } from '../../model/meta/onboarding';
import { GraphId } from '../../model/meta/values';
import { NoInput, type ContractSlice, type EventSlice, type OperationSlice } from './slice';

/**
 * The Meta account of step 2: portfolios, WhatsApp Business accounts, phone numbers, profiles.
 *
 * Every call answers the whole `AccountState` of the current workspace. Reads that reach Meta
 * throw coded errors (network, throttling, permissions...) while the last reading stays in the
 * state, so `meta:account` (cache only, no network) still shows it with its age. The two-step PIN
 * goes in (`meta:register`) and never comes out: the state says only when one was stored.
 */
export const metaAccountContract = {
  /** The stored state; never calls Meta. */
  'meta:account': { input: NoInput, output: AccountState },
  /** The business portfolios the person manages (every page). */
  'meta:loadPortfolios': { input: NoInput, output: AccountState },
  /** Chooses a portfolio and reads its WhatsApp Business accounts, owned and shared. */
  'meta:selectPortfolio': { input: z.strictObject({ businessId: GraphId }), output: AccountState },
  /** Chooses a WhatsApp Business account and reads its phone numbers and webhook subscription. */
  'meta:selectAccount': { input: z.strictObject({ wabaId: GraphId }), output: AccountState },
  /** Reads the phone numbers of the chosen account again. */
  'meta:refreshNumbers': { input: NoInput, output: AccountState },
  /** Reads a number's business profile. */
  'meta:loadProfile': { input: z.strictObject({ phoneNumberId: GraphId }), output: AccountState },
  /** Sends the changed profile fields, then reads the profile back. */
  'meta:saveProfile': { input: z.strictObject({ phoneNumberId: GraphId, profile: BusinessProfileUpdate }), output: AccountState },
} as const satisfies ContractSlice<'meta'>;

export const metaAccountEvents = {
  /** The account state of the current workspace changed (a reading, a selection, an attempt). */
  'meta:accountChanged': AccountState,
} as const satisfies EventSlice<'meta'>;

/**
 * Onboarding a phone number. Adding and requesting a code may be cancelled (adding checks first
 * whether the number is already there, so trying again is harmless); checking the code and
 * registering are single calls Meta counts, never repeated and not cancellable half-way.
 */
export const metaAccountOperations = {
  'meta:addNumber': { input: AddNumberRequest, result: AddNumberResult, cancellable: true },
  'meta:requestCode': { input: RequestCodeRequest, result: RequestCodeResult, cancellable: true },
  'meta:verifyCode': { input: VerifyCodeRequest, result: VerifyCodeResult, cancellable: false },
  'meta:register': { input: RegisterRequest, result: RegisterResult, cancellable: false },
} as const satisfies OperationSlice<'meta'>;
