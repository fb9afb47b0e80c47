import { TemplatesState } from '../../model/templates/templates';
import { NoInput, type ContractSlice, type EventSlice } from './slice';

/**
 * Step 5: the message templates of the chosen WhatsApp Business account, read from Meta.
 *
 * `templates:get` answers the last reading (offline too); `templates:refresh` reads every page
 * of the list now and throws a coded error when it cannot.
 */
export const templatesContract = {
  'templates:get': { input: NoInput, output: TemplatesState },
  'templates:refresh': { input: NoInput, output: TemplatesState },
} as const satisfies ContractSlice<'templates'>;

export const templatesEvents = {
  /** A new reading of the templates (by step 5 or by the status checks), or another workspace opened. */
  'templates:changed': TemplatesState,
} as const satisfies EventSlice<'templates'>;
