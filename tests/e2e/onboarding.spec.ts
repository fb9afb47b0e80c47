import type { Locator, Page } from '@playwright/test';
import { emptyRequirements } from '../../shared/model/requirements/requirements';
import { expect, test, type Harness } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';

/**
 * Step 2 in the sandbox, as an admin goes through it: log in, the portfolio step 1 named, its
 * account and numbers, then a number added, verified with the code the simulated phone shows,
 * and registered with its PIN; and what the admin reads when Meta refuses.
 */

const CONTOSO = '200000000000001';
const PENDING = '400000000000002';

const WORDS = {
  en: {
    login: 'Log in with Facebook',
    logInAs: (person: string) => `Log in as ${person}`,
    continue: 'Continue',
    portfolio: 'Contoso Contact Center (200000000000001)',
    preselected: "Pre-selected from step 1's Business Manager ID.",
    add: 'Add a number',
    phone: 'Phone number',
    displayName: 'Display name',
    addSubmit: 'Add the number',
    requestCode: 'Send me the code',
    code: 'Six-digit code',
    verifySubmit: 'Check the code',
    pin: 'Two-step verification PIN',
    pinConfirm: 'PIN again',
    registerSubmit: 'Register the number',
    connected: 'Connected',
  },
  fr: {
    login: 'Se connecter avec Facebook',
    logInAs: (person: string) => `Se connecter en tant que ${person}`,
    continue: 'Continuer',
    portfolio: 'Contoso Contact Center (200000000000001)',
    preselected: "Présélectionné d'après l'identifiant Business Manager de l'étape 1.",
    add: 'Ajouter un numéro',
    phone: 'Numéro de téléphone',
    displayName: "Nom d'affichage",
    addSubmit: 'Ajouter le numéro',
    requestCode: 'Envoyer le code',
    code: 'Code à six chiffres',
    verifySubmit: 'Vérifier le code',
    pin: 'Code PIN de vérification en deux étapes',
    pinConfirm: 'Code PIN, à nouveau',
    registerSubmit: 'Enregistrer le numéro',
    connected: 'Connecté',
  },
} as const;

type Language = keyof typeof WORDS;

const account = (page: Page) => page.getByTestId('account-panel');
const flow = (page: Page) => page.getByTestId('onboarding-flow');
const numberRow = (page: Page, display: string | RegExp) => page.getByTestId('number-row').filter({ hasText: display });

/** Step 1 names Contoso's portfolio, as the admin typed it there. */
async function nameContosoInStep1(app: Harness): Promise<void> {
  const services = app.services();
  services.requirements.save(services.workspaces.current().id, { ...emptyRequirements(), businessManagerId: CONTOSO });
}

/** Logs in through the simulated dialog as Camille, who manages both seeded portfolios. */
async function logIn(app: Harness, language: Language = 'en'): Promise<void> {
  const words = WORDS[language];
  await app.page.getByTestId('connect-panel').getByRole('button', { name: words.login }).click();
  const login = await app.loginWindow();
  await login.getByRole('button', { name: words.logInAs('Camille Martin') }).click();
  await login.getByRole('button', { name: words.continue, exact: true }).click();
}

/** The phone id the simulator gave a number, from its digits. */
function simulatedId(app: Harness, digits: string): string {
  const phone = app.simulator.world.phones.find((candidate) => candidate.display_phone_number.replace(/\D/g, '') === digits);
  if (!phone) throw new Error(`the simulator has no number ${digits}`);
  return phone.id;
}

async function fill(scope: Locator, label: string, value: string): Promise<void> {
  await scope.getByRole('textbox', { name: label }).fill(value);
}

/** Adds +33 6 12 34 56 78 as "Jungle Support" and waits for the code stage's first form. */
async function addJungleNumber(app: Harness, language: Language = 'en'): Promise<void> {
  const words = WORDS[language];
  await account(app.page).getByRole('button', { name: words.add, exact: true }).click();
  await fill(flow(app.page), words.phone, '+33 6 12 34 56 78');
  await fill(flow(app.page), words.displayName, 'Jungle Support');
  await flow(app.page).getByRole('button', { name: words.addSubmit }).click();
  await expect(flow(app.page)).toHaveAttribute('data-stage', 'method');
}

test.describe('step 2: account and number (sandbox)', () => {
  test('puts a new number on WhatsApp: portfolio from step 1, account status, code from the phone, wrong then right, PIN and register', async ({ app }) => {
    const words = WORDS.en;
    await nameContosoInStep1(app);
    await app.open('#/step/connect');
    await logIn(app);

    // The portfolio step 1 named, its only account and that account's numbers.
    await expect(account(app.page).getByTestId('portfolio-dropdown')).toHaveText(words.portfolio);
    await expect(account(app.page).getByText(words.preselected)).toBeVisible();
    const contoso = account(app.page).getByTestId('accounts-table').getByRole('row', { name: /Contoso Support/ });
    await expect(contoso).toContainText('Approved');
    await expect(contoso).toContainText('Verified');
    await expect(contoso).toHaveAttribute('aria-selected', 'true');
    await expect(account(app.page).getByTestId('account-subscription')).toHaveText("Webhooks: this account's messages go to WhatsApp Channel Setup Assistant (sandbox).");
    await expect(numberRow(app.page, '+33 7 48 11 15 24').getByTestId('number-status')).toHaveText('Connected');
    await expect(account(app.page).getByTestId('numbers-read-at')).toHaveText('Read just now.');

    await addJungleNumber(app);
    await expect(flow(app.page)).toContainText('+33 6 12 34 56 78 was added to the account.');
    const id = simulatedId(app, '33612345678');
    await expect(numberRow(app.page, '+33 612345678').getByTestId('number-status')).toHaveText('Pending');

    // A mobile: SMS is offered.
    await flow(app.page).getByRole('radio', { name: 'Text message (SMS)' }).check();
    await flow(app.page).getByRole('button', { name: words.requestCode }).click();
    await expect(flow(app.page)).toHaveAttribute('data-stage', 'code');
    const code = app.simulator.verificationCodeFor(id) ?? '';
    expect(code).toMatch(/^\d{6}$/);

    await fill(flow(app.page), words.code, code === '000000' ? '111111' : '000000');
    await flow(app.page).getByRole('button', { name: words.verifySubmit }).click();
    const wrong = flow(app.page).getByTestId('error-bar');
    await expect(wrong).toContainText('This is not the code Meta sent.');
    await expect(wrong).toContainText('1 wrong code entered since the last code request.');
    await expect(wrong.getByTestId('error-trace-id')).toHaveText(/\S{6,}/);

    // Pasted as the SMS shows it.
    await fill(flow(app.page), words.code, `${code.slice(0, 3)}-${code.slice(3)}`);
    await flow(app.page).getByRole('button', { name: words.verifySubmit }).click();
    await expect(flow(app.page)).toHaveAttribute('data-stage', 'pin');
    await expect(flow(app.page)).toContainText('+33 6 12 34 56 78 is verified.');

    await flow(app.page).getByLabel(words.pin).fill('482913');
    await flow(app.page).getByLabel(words.pinConfirm).fill('482913');
    await flow(app.page).getByRole('button', { name: words.registerSubmit }).click();
    await expect(flow(app.page).getByTestId('onboarding-done')).toHaveText('+33 6 12 34 56 78 is registered: status Connected.');
    await expect(numberRow(app.page, '+33 612345678').getByTestId('number-status')).toHaveText(words.connected);
    await expect(numberRow(app.page, '+33 612345678')).toContainText('Registered');

    // The attempt log keeps what was tried, the PIN never.
    await numberRow(app.page, '+33 612345678').getByRole('button', { name: /^Attempt log of \+33 612345678/ }).click();
    const log = app.page.getByTestId('attempt-log');
    await expect(log.getByRole('listitem')).toHaveCount(5);
    await expect(log.getByRole('listitem').first()).toContainText('Register — Done');
    await expect(log).toContainText('Register calls in the last 72 hours: 1 of 10');
    expect(await app.page.content()).not.toContain('482913');
  });

  test('shows what to do when a number cannot be added or Meta refuses: an Italian landline, a number still on WhatsApp, a PIN that differs, with a support reference to copy', async ({ app }) => {
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await nameContosoInStep1(app);
    await app.open('#/step/connect');
    await logIn(app);
    await expect(numberRow(app.page, '+33 1 84 88 00 42')).toBeVisible();

    // An Italian landline is refused here, without a guess at what Meta would want.
    await account(app.page).getByRole('button', { name: 'Add a number', exact: true }).click();
    await fill(flow(app.page), 'Phone number', '+39 06 1234 5678');
    await fill(flow(app.page), 'Display name', 'Roma');
    await flow(app.page).getByRole('button', { name: 'Add the number' }).click();
    await expect(flow(app.page)).toContainText('This number cannot be added here: its national number starts with 0 (an Italian landline, for example)');
    expect(app.simulator.graphCallCount('/300000000000001/phone_numbers', 'POST')).toBe(0);

    app.simulator.faults.arm('alreadyOnWhatsApp');
    await fill(flow(app.page), 'Phone number', '+33 6 12 34 56 78');
    await fill(flow(app.page), 'Display name', 'Jungle Support');
    await flow(app.page).getByRole('button', { name: 'Add the number' }).click();
    const refused = flow(app.page).getByTestId('error-bar');
    await expect(refused).toContainText('This number is still used by a WhatsApp or WhatsApp Business app account. Delete that account first, or move the number with coexistence or migration, then add it again.');
    await expect(refused.getByTestId('error-meta-says')).toContainText('Phone number already in use');
    const trace = await refused.getByTestId('error-trace-id').textContent();
    await refused.getByRole('button', { name: 'Copy the support reference' }).click();
    await expect(refused.getByText('Copied.')).toBeVisible();
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(trace);
    await flow(app.page).getByRole('button', { name: 'Close' }).click();

    // The seeded landline: voice only, then a PIN Meta refuses.
    await numberRow(app.page, '+33 1 84 88 00 42').getByRole('button', { name: 'Verify +33 1 84 88 00 42' }).click();
    await expect(flow(app.page).getByRole('radio', { name: 'Text message (SMS)' })).toBeDisabled();
    await expect(flow(app.page).getByRole('radio', { name: 'Voice call' })).toBeChecked();
    await flow(app.page).getByRole('button', { name: 'Send me the code' }).click();
    await fill(flow(app.page), 'Six-digit code', app.simulator.verificationCodeFor(PENDING) ?? '');
    await flow(app.page).getByRole('button', { name: 'Check the code' }).click();
    await expect(flow(app.page)).toHaveAttribute('data-stage', 'pin');
    app.simulator.faults.arm('pinMismatch');
    await flow(app.page).getByLabel('Two-step verification PIN').fill('135790');
    await flow(app.page).getByLabel('PIN again').fill('135790');
    await flow(app.page).getByRole('button', { name: 'Register the number' }).click();
    const mismatch = flow(app.page).getByTestId('error-bar');
    await expect(mismatch).toContainText('This number already has another two-step verification PIN. Enter that PIN, or reset it in WhatsApp Manager, then register again.');
    await expect(mismatch.getByTestId('error-trace-id')).toHaveText(/\S{6,}/);

    // The PIN was kept: registering again with it, once Meta agrees, connects the number.
    await flow(app.page).getByRole('button', { name: /^Register with the PIN stored on this computer/ }).click();
    await expect(numberRow(app.page, '+33 1 84 88 00 42').getByTestId('number-status')).toHaveText('Connected');
  });

  test('says so when step 1 names a Business Manager ID this login does not manage, and picks nothing', async ({ app }) => {
    const services = app.services();
    services.requirements.save(services.workspaces.current().id, { ...emptyRequirements(), businessManagerId: '999999999999999' });
    await app.open('#/step/connect');
    await logIn(app);
    await expect(account(app.page).getByTestId('unlisted-business-manager-id')).toHaveText(
      "Step 1's Business Manager ID (999999999999999) is not among the portfolios this Facebook login manages. Check the ID in step 1, or log in with an account that manages that portfolio.",
    );
    await expect(account(app.page).getByTestId('portfolio-dropdown')).toHaveText('Choose a business portfolio');
    await expect(account(app.page).getByTestId('numbers-panel')).toHaveCount(0);
  });

  test('says when the next try is allowed: no more codes for now, a number deleted minutes ago, the register limit with the time it lifts', async ({ app }) => {
    await nameContosoInStep1(app);
    await app.open('#/step/connect');
    await logIn(app);
    const landline = '+33 1 84 88 00 42';
    await numberRow(app.page, landline).getByRole('button', { name: `Verify ${landline}` }).click();

    app.simulator.faults.arm('tooManyCodeRequests');
    await flow(app.page).getByRole('button', { name: 'Send me the code' }).click();
    await expect(flow(app.page).getByTestId('error-bar')).toContainText('Meta will not send more codes to this number for now. Try again later.');
    await expect(flow(app.page).getByTestId('error-trace-id')).toHaveText(/\S{6,}/);

    await flow(app.page).getByRole('button', { name: 'Send me the code' }).click();
    await fill(flow(app.page), 'Six-digit code', app.simulator.verificationCodeFor(PENDING) ?? '');
    await flow(app.page).getByRole('button', { name: 'Check the code' }).click();
    await expect(flow(app.page)).toHaveAttribute('data-stage', 'pin');

    app.simulator.faults.arm('recentlyDeleted');
    await flow(app.page).getByLabel('Two-step verification PIN').fill('246802');
    await flow(app.page).getByLabel('PIN again').fill('246802');
    await flow(app.page).getByRole('button', { name: 'Register the number' }).click();
    const deleted = flow(app.page).getByTestId('error-bar');
    await expect(deleted).toContainText('This number was deleted a few minutes ago. Wait 5 minutes, then try again.');
    await expect(deleted).toContainText('You can try again at');

    // Meta's own limit: the time it lifts comes from this computer's log (the refused call above
    // reached Meta, so it counts).
    app.simulator.faults.arm('registerLimit');
    await flow(app.page).getByRole('button', { name: /^Register with the PIN stored on this computer/ }).click();
    const limit = flow(app.page).getByTestId('error-bar');
    await expect(limit).toContainText('Meta allows 10 registration attempts per number in 72 hours, and this number has used them.');
    await expect(limit).toContainText("According to this computer's attempt log, the limit lifts at the earliest on");
    expect(app.simulator.graphCallCount(`/${PENDING}/register`, 'POST')).toBe(2);
  });

  test('keeps the last reading on screen offline or throttled, with its age, why Meta could not be read and when to try again', async ({ app }) => {
    await nameContosoInStep1(app);
    await app.open('#/step/connect');
    await logIn(app);
    await expect(numberRow(app.page, '+33 7 48 11 15 24').getByTestId('number-status')).toHaveText('Connected');
    app.network.offline();
    await account(app.page).getByRole('button', { name: 'Read the numbers again' }).click();
    await expect(account(app.page).getByTestId('error-bar')).toContainText('Meta could not be reached. Check your connection and try again.');
    await expect(account(app.page).getByTestId('numbers-read-at')).toHaveText(/^Last reading just now: Meta could not be read again/);
    await expect(numberRow(app.page, '+33 7 48 11 15 24').getByTestId('number-status')).toHaveText('Connected');
    app.network.online();
    await account(app.page).getByTestId('error-bar').getByRole('button', { name: 'Try again' }).click();
    await expect(account(app.page).getByTestId('error-bar')).toHaveCount(0);
    await expect(account(app.page).getByTestId('numbers-read-at')).toHaveText('Read just now.');

    // Throttled: the wait Meta gives, and Try again only once it is over.
    app.simulator.faults.arm('rateLimit', { minutes: 5 });
    await account(app.page).getByRole('button', { name: 'Read the numbers again' }).click();
    const throttled = account(app.page).getByTestId('error-bar');
    await expect(throttled).toContainText(/Meta asks to wait 5 min: you can try again at \d{1,2}:\d{2}/);
    await expect(throttled.getByRole('button', { name: /^Try again at \d{1,2}:\d{2}/ })).toBeDisabled();
  });
});

for (const [language, locale] of [
  ['en', 'en-US'],
  ['fr', 'fr-FR'],
] as const) {
  test.describe(`step 2 in ${language}`, () => {
    test.use({ locale });

    test('adds a number with the words of the language, and finds no axe violations', async ({ app }) => {
      const words = WORDS[language];
      await nameContosoInStep1(app);
      await app.open('#/step/connect');
      await logIn(app, language);
      await expect(account(app.page).getByText(words.preselected)).toBeVisible();
      await expect(numberRow(app.page, '+33 7 48 11 15 24').getByTestId('number-status')).toHaveText(words.connected);
      await expectNoAxeViolations(app.page, '[data-testid="account-panel"]');

      await addJungleNumber(app, language);
      await flow(app.page).getByRole('button', { name: words.requestCode }).click();
      await expect(flow(app.page).getByRole('textbox', { name: words.code })).toBeVisible();
      await expectNoAxeViolations(app.page, '[data-testid="account-panel"]');
    });
  });
}
