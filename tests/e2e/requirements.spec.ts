import type { Locator, Page } from '@playwright/test';
import type { Requirements } from '../../shared/model/requirements/requirements';
import { makeCertificate, serveBytes, startHttpsServer, type TestCertificate, type TestHttpsServer } from '../unit/helpers/https-server';
import { png } from '../unit/helpers/images';
import { expect, test } from './harness/fixture';
import { expectNoAxeViolations } from './helpers/axe';

/** A certificate made for this run, which the logo check is told to trust (an https server of the test's own). */
const certificate = makeCertificate();

/** The message under a field (its Fluent validation message), found by the field's path. */
function messageOf(page: Page, path: string): Locator {
  return page.locator(`[data-field="${path}"] .fui-Field__validationMessage`);
}

function field(page: Page, path: string): Locator {
  return page.locator(`[data-field="${path}"]`).getByRole('textbox');
}

/** Picks an option of a searchable list by typing part of it, as an admin would. */
async function pick(page: Page, testId: string, typed: string, option: string | RegExp): Promise<void> {
  const box = page.getByTestId(testId);
  // The last key is pressed, not filled: typing is what opens the list.
  await box.fill(typed.slice(0, -1));
  await box.press(typed.slice(-1));
  await page.getByRole('option', { name: option }).click();
}

/** Waits until main holds what the form shows: saves follow a short pause after typing. */
async function expectSaved(page: Page, check: (requirements: Requirements) => boolean): Promise<void> {
  await expect
    .poll(async () => {
      const got = await page.evaluate(() => window.setup.requirements.get());
      return got.ok ? check(got.value.requirements) : false;
    })
    .toBe(true);
}

test.describe('step 1: requirements', () => {
  test('reads the number as it is typed: mobile, landline by voice only, toll-free warned, short code refused', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/requirements');
    await pick(page, 'phone-country', 'fran', 'France (+33)');
    const number = field(page, 'phone.national');
    const reading = page.getByTestId('phone-reading');

    await number.fill('07 48 11 15 24');
    await expect(reading).toContainText('Read as +33 7 48 11 15 24');
    await expect(reading).toContainText('Type: Mobile');
    await expect(reading).toContainText('Verification code: By SMS or voice call');

    await number.fill('01 84 88 00 42');
    await expect(reading).toContainText('Type: Landline');
    await expect(reading).toContainText('By voice call only');
    await expect(messageOf(page, 'phone.national')).toHaveCount(0);

    await number.fill('0800 123 456');
    await expect(reading).toContainText('Type: Toll-free');
    await expect(messageOf(page, 'phone.national')).toContainText('Meta does not recommend SMS for this type of number');

    await number.fill('36 15');
    await number.press('Tab');
    await expect(reading).toHaveCount(0);
    await expect(messageOf(page, 'phone.national')).toHaveText('This looks like a short code: Meta does not support short codes. Use a full number with its area code.');
    await expect(number).toHaveAttribute('aria-invalid', 'true');

    // Typed with its country code, the number names its country: the picker follows.
    await number.fill('+1 614 555 1234');
    await expect(page.getByTestId('phone-country')).toHaveValue('United States (+1)');
    await expect(messageOf(page, 'phone.national')).toHaveCount(0);
    await expect(reading).toContainText('Type: Mobile or landline');
  });

  test('says under each field what is wrong, and the guidance for each answer that stands in the way', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/requirements');
    const managerId = field(page, 'businessManagerId');
    await managerId.fill('jungle-42');
    await managerId.press('Tab');
    await expect(messageOf(page, 'businessManagerId')).toHaveText('The Business Manager ID has digits only.');
    await managerId.fill('1234567890123456');
    await expect(messageOf(page, 'businessManagerId')).toHaveCount(0);

    const email = field(page, 'email');
    await email.fill('contact@');
    await email.press('Tab');
    await expect(messageOf(page, 'email')).toHaveText('Type an email address such as contact@example.com.');
    await email.fill('contact@jungle.example.com');
    await expect(messageOf(page, 'email')).toHaveCount(0);

    const website = field(page, 'website');
    await website.fill('jungle.example.com');
    await website.press('Tab');
    await expect(messageOf(page, 'website')).toHaveText('Type the full address, with http:// or https:// as Meta asks.');
    await website.fill('https://jungle.example.com');
    await expect(messageOf(page, 'website')).toHaveCount(0);

    await page.getByRole('radiogroup', { name: 'Can this number receive the code?' }).getByRole('radio', { name: 'Neither' }).check();
    await expect(messageOf(page, 'eligibility.canReceive')).toHaveText(/a number that can receive neither cannot be verified/);
    await page.getByRole('radiogroup', { name: 'Is this number on WhatsApp already?' }).getByRole('radio', { name: 'Yes, on a personal WhatsApp account' }).check();
    await expect(messageOf(page, 'eligibility.onWhatsApp')).toHaveText(/delete that account before registering the number/);
    await page.getByRole('radiogroup', { name: /call forwarding and any voice menu/ }).getByRole('radio', { name: 'No', exact: true }).check();
    await expect(messageOf(page, 'eligibility.forwardingOff')).toHaveText(/Turn call forwarding and any voice menu \(IVR\) off/);
  });

  test('finds a time zone by city, and keeps everything after a restart, the number as the workspace\'s', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/requirements');
    await pick(page, 'phone-country', 'fran', 'France (+33)');
    await field(page, 'phone.national').fill('07 48 11 15 24');
    await field(page, 'businessName').fill('The Jungle at Classics');
    await pick(page, 'time-zone', 'paris', /^Europe\/Paris \(GMT[+−-]0[12]:00\)$/);
    await expect(page.getByTestId('time-zone')).toHaveValue(/^Europe\/Paris/);
    await page.getByRole('radiogroup', { name: 'Can this number receive the code?' }).getByRole('radio', { name: 'Neither' }).check();

    await expectSaved(page, (requirements) => requirements.timeZone === 'Europe/Paris' && requirements.eligibility.canReceive === 'neither' && requirements.businessName === 'The Jungle at Classics');
    await expect(page.getByTestId('requirements-save-state')).toContainText('Saved at');
    // The number that reads becomes the workspace's number.
    expect(app.services().workspaces.current().phoneNumber).toBe('+33748111524');

    await app.restart();
    await app.open('#/step/requirements');
    await expect(field(page, 'phone.national')).toHaveValue('07 48 11 15 24');
    await expect(page.getByTestId('phone-country')).toHaveValue('France (+33)');
    await expect(field(page, 'businessName')).toHaveValue('The Jungle at Classics');
    await expect(page.getByTestId('time-zone')).toHaveValue(/^Europe\/Paris/);
    await expect(page.getByRole('radiogroup', { name: 'Can this number receive the code?' }).getByRole('radio', { name: 'Neither' })).toBeChecked();
    // A value saved with a problem shows it at once, without touching the field.
    await expect(messageOf(page, 'eligibility.canReceive')).toHaveText(/cannot be verified/);
  });

  test('refuses a logo that is not at an https address, and says so once, under the field', async ({ app }) => {
    const page = app.page;
    await app.open('#/step/requirements');
    const logo = field(page, 'logoUrl');
    await logo.fill('http://jungle.example.com/logo.png');
    await logo.press('Tab');
    await expect(messageOf(page, 'logoUrl')).toHaveText('Type an address that starts with https://: the assistant checks logos over a secure connection only.');
    await expect.poll(() => app.services().requirements.get().logo).toMatchObject({ url: 'http://jungle.example.com/logo.png', state: 'failed', failure: 'notHttps' });
    // Said once, under the field, not again by the check.
    await expect(page.getByTestId('logo-status')).toHaveCount(0);
  });

  test.describe('in French', () => {
    test.use({ locale: 'fr-FR' });

    test('lit le numéro et dit ce qui ne va pas, en français', async ({ app }) => {
      const page = app.page;
      await app.open('#/step/requirements');
      await pick(page, 'phone-country', 'fran', 'France (+33)');
      const number = field(page, 'phone.national');
      const reading = page.getByTestId('phone-reading');
      await number.fill('07 48 11 15 24');
      await expect(reading).toContainText('Lu comme +33 7 48 11 15 24');
      await expect(reading).toContainText('Type : Mobile');
      await number.fill('01 84 88 00 42');
      await expect(reading).toContainText('Type : Fixe');
      await expect(reading).toContainText('Par appel vocal seulement');
      await number.fill('36 15');
      await number.press('Tab');
      await expect(messageOf(page, 'phone.national')).toHaveText(/Meta ne prend pas en charge les numéros courts/);

      const email = field(page, 'email');
      await email.fill('contact@');
      await email.press('Tab');
      await expect(messageOf(page, 'email')).toHaveText('Saisissez une adresse e-mail comme contact@example.com.');

      await pick(page, 'time-zone', 'paris', /^Europe\/Paris \(UTC[+−-]0[12]:00\)$/);
      await page.getByRole('radiogroup', { name: 'Ce numéro est-il déjà sur WhatsApp ?' }).getByRole('radio', { name: "Oui, dans l'application WhatsApp Business" }).check();
      await expect(messageOf(page, 'eligibility.onWhatsApp')).toHaveText(/coexistence ou la migration de Meta/);
      await expectNoAxeViolations(page);
    });
  });

  test.describe('the logo, from a local https server', () => {
    test.skip('unavailable' in certificate, 'unavailable' in certificate ? certificate.unavailable : '');
    test.use({ trustedCertificates: 'cert' in certificate ? certificate.cert : null });
    let server: TestHttpsServer;
    test.beforeAll(async () => {
      server = await startHttpsServer(certificate as TestCertificate);
    });
    test.afterAll(async () => {
      await server?.close();
    });

    test('offline says it will be checked when online, then shows the size measured once the network is back', async ({ app }) => {
      const page = app.page;
      server.route('/jungle-logo.png', serveBytes(png(640, 640), 'image/png'));
      await app.open('#/step/requirements');
      app.network.offline();
      await field(page, 'logoUrl').fill(`${server.origin}/jungle-logo.png`);
      const status = page.getByTestId('logo-status');
      await expect(status).toHaveAttribute('data-state', 'waitingForNetwork');
      await expect(status).toContainText('It will be checked when online');

      app.network.online();
      // The re-check is due 30 s later: time jumps there instead of waiting.
      await app.clock.advance(30_000);
      await expect(status).toHaveAttribute('data-state', 'passed');
      await expect(status).toContainText('PNG, 640 × 640 px');
      await expect(status).toContainText("The logo follows the manual's rules.");

      // The site now serves a logo that is not square: "Check again" says so, with its size.
      server.route('/jungle-logo.png', serveBytes(png(641, 640), 'image/png'));
      await page.getByRole('button', { name: 'Check again' }).click();
      await expect(status).toHaveAttribute('data-state', 'warning');
      await expect(status).toContainText('The logo is not square (641 × 640 px)');
      await expectNoAxeViolations(page);
    });
  });
});
