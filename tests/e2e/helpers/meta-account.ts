import { expect, type Page } from '@playwright/test';
import type { Language } from '../../../shared/model/settings/settings';
import type { Harness } from '../harness/fixture';

/** The seeded portfolio and account the Meta steps' tests work on. */
export const CONTOSO = { businessId: '200000000000001', wabaId: '300000000000001', connectedNumber: '400000000000001', pendingNumber: '400000000000002' } as const;

/** The simulated dialog's buttons, in the app's language (the dialog speaks it, as Meta's speaks the admin's). */
const DIALOG: Record<Language, { logInAs: string; continue: string }> = {
  en: { logInAs: 'Log in as Camille Martin', continue: 'Continue' },
  fr: { logInAs: 'Se connecter en tant que Camille Martin', continue: 'Continuer' },
};

/** Clicks through the simulated login dialog as Camille Martin, granting everything. */
export async function passLoginDialog(login: Page, language: Language): Promise<void> {
  await login.getByRole('button', { name: DIALOG[language].logInAs }).click();
  await login.getByRole('button', { name: DIALOG[language].continue, exact: true }).click();
}

/**
 * Logs in as Camille Martin and chooses Contoso's WhatsApp Business account through main's own
 * services (what step 2's buttons call), for tests about the later steps: the status checks
 * start from there. The page is expected open already.
 */
export async function connectToContoso(app: Harness, language: Language = 'en'): Promise<void> {
  const services = app.services();
  const login = services.session.login('login', { signal: new AbortController().signal, step: () => undefined });
  await passLoginDialog(await app.loginWindow(), language);
  await expect(login).resolves.toMatchObject({ connected: true });
  await services.account.loadPortfolios();
  // Contoso has one account of its own: choosing the portfolio chooses it.
  await services.account.selectPortfolio(CONTOSO.businessId);
  expect(services.account.selection().wabaId).toBe(CONTOSO.wabaId);
}
