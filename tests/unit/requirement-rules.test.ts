import { describe, expect, it } from 'vitest';
import { emptyRequirements, Requirements, type Requirements as RequirementsValue } from '../../shared/model/requirements/requirements';
import { isKnownTimeZone, REQUIREMENT_ISSUES, requirementIssues, type RequirementIssue } from '../../shared/rules/requirements';

/** Step 1 filled in correctly, as The Jungle's admin would. */
function complete(): RequirementsValue {
  return {
    phone: { country: 'FR', national: '07 48 11 15 24', e164: '+33748111524' },
    businessManagerId: '1234567890123456',
    businessName: 'The Jungle at Classics',
    businessDescription: 'Books and games.',
    website: 'https://jungle.example.com',
    address: '1 rue de la Paix, Paris',
    email: 'contact@jungle.example.com',
    timeZone: 'Europe/Paris',
    logoUrl: 'https://jungle.example.com/logo.png',
    eligibility: { onWhatsApp: 'no', canReceive: 'both', forwardingOff: 'yes', usedWithApi: 'no' },
  };
}

function issuesOf(change: (requirements: RequirementsValue) => void): Pick<RequirementIssue, 'field' | 'code' | 'severity'>[] {
  const requirements = complete();
  change(requirements);
  return requirementIssues(requirements).map(({ field, code, severity }) => ({ field, code, severity }));
}

describe('step 1 requirement rules', () => {
  it('find nothing in complete, correct requirements, nor in an empty form', () => {
    expect(requirementIssues(complete())).toEqual([]);
    expect(requirementIssues(emptyRequirements())).toEqual([]);
  });

  it('refuse a short code and a number too short, under the phone field', () => {
    expect(issuesOf((r) => (r.phone.national = '36 15'))).toEqual([{ field: 'phone.national', code: 'phone.shortCode', severity: 'error' }]);
    expect(issuesOf((r) => (r.phone.national = '06 12 34 56'))).toEqual([{ field: 'phone.national', code: 'phone.tooShort', severity: 'error' }]);
  });

  it('ask for a country when a national number has none, and take a + number without one', () => {
    expect(issuesOf((r) => (r.phone.country = ''))).toEqual([{ field: 'phone.national', code: 'phone.needsCountry', severity: 'error' }]);
    expect(issuesOf((r) => ((r.phone.country = ''), (r.phone.national = '+33 7 48 11 15 24')))).toEqual([]);
  });

  it('warn about a toll-free number and a shared-cost one, and note a US number may be a landline', () => {
    expect(issuesOf((r) => (r.phone.national = '0800 123 456'))).toEqual([{ field: 'phone.national', code: 'phone.checkProvider', severity: 'warning' }]);
    expect(issuesOf((r) => (r.phone.national = '0810 12 34 56'))).toEqual([{ field: 'phone.national', code: 'phone.noMethodRecommended', severity: 'warning' }]);
    expect(issuesOf((r) => (r.phone.national = '+1 614 555 1234'))).toEqual([{ field: 'phone.national', code: 'phone.mobileOrFixed', severity: 'info' }]);
  });

  it('refuse an Italian landline the add-number call could not send', () => {
    expect(issuesOf((r) => (r.phone.national = '+39 06 1234 5678'))).toEqual([{ field: 'phone.national', code: 'phone.leadingZero', severity: 'error' }]);
  });

  it('want a Business Manager ID of digits only', () => {
    expect(issuesOf((r) => (r.businessManagerId = 'jungle-42'))).toEqual([{ field: 'businessManagerId', code: 'managerIdDigits', severity: 'error' }]);
    expect(issuesOf((r) => (r.businessManagerId = ' 1234567890 '))).toEqual([]);
  });

  it('want a website with http:// or https://, as Meta\'s profile does', () => {
    expect(issuesOf((r) => (r.website = 'jungle.example.com'))).toEqual([{ field: 'website', code: 'websiteInvalid', severity: 'error' }]);
    expect(issuesOf((r) => (r.website = 'ftp://jungle.example.com'))).toEqual([{ field: 'website', code: 'websiteInvalid', severity: 'error' }]);
    expect(issuesOf((r) => (r.website = 'http://jungle.example.com/fr'))).toEqual([]);
  });

  it('want an email address, and warn when it is longer than the profile takes (128)', () => {
    expect(issuesOf((r) => (r.email = 'contact@'))).toEqual([{ field: 'email', code: 'emailInvalid', severity: 'error' }]);
    expect(issuesOf((r) => (r.email = 'contact jungle@example.com'))).toEqual([{ field: 'email', code: 'emailInvalid', severity: 'error' }]);
    expect(issuesOf((r) => (r.email = `${'a'.repeat(120)}@example.com`))).toEqual([{ field: 'email', code: 'emailLongerThanProfile', severity: 'warning' }]);
  });

  it('warn when the description or the address is longer than the WhatsApp profile takes', () => {
    const requirements = complete();
    requirements.businessDescription = 'd'.repeat(513);
    requirements.address = 'a'.repeat(257);
    expect(requirementIssues(requirements)).toEqual([
      { field: 'businessDescription', code: 'descriptionLongerThanProfile', severity: 'warning', params: { max: 512, length: 513 } },
      { field: 'address', code: 'addressLongerThanProfile', severity: 'warning', params: { max: 256, length: 257 } },
    ]);
    expect(issuesOf((r) => (r.businessDescription = 'd'.repeat(512)))).toEqual([]);
  });

  it('accept any time zone Intl knows, UTC and both names of Kolkata included, and refuse others', () => {
    for (const zone of ['Europe/Paris', 'UTC', 'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Calcutta']) expect(isKnownTimeZone(zone), zone).toBe(true);
    expect(issuesOf((r) => (r.timeZone = 'Europe/Atlantis'))).toEqual([{ field: 'timeZone', code: 'timeZoneUnknown', severity: 'error' }]);
  });

  it('want the logo at an https address', () => {
    expect(issuesOf((r) => (r.logoUrl = 'http://jungle.example.com/logo.png'))).toEqual([{ field: 'logoUrl', code: 'logoNotHttps', severity: 'error' }]);
    expect(issuesOf((r) => (r.logoUrl = 'logo.png'))).toEqual([{ field: 'logoUrl', code: 'logoNotHttps', severity: 'error' }]);
  });

  it('explain what to do with a number already on WhatsApp, personal or Business app', () => {
    expect(issuesOf((r) => (r.eligibility.onWhatsApp = 'messenger'))).toEqual([{ field: 'eligibility.onWhatsApp', code: 'deletePersonalAccount', severity: 'warning' }]);
    expect(issuesOf((r) => (r.eligibility.onWhatsApp = 'businessApp'))).toEqual([{ field: 'eligibility.onWhatsApp', code: 'businessAppNumber', severity: 'warning' }]);
  });

  it('refuse a number that receives neither SMS nor calls, or was used with the API before', () => {
    expect(issuesOf((r) => (r.eligibility.canReceive = 'neither'))).toEqual([{ field: 'eligibility.canReceive', code: 'cannotReceiveCode', severity: 'error' }]);
    expect(issuesOf((r) => (r.eligibility.usedWithApi = 'yes'))).toEqual([{ field: 'eligibility.usedWithApi', code: 'usedWithApi', severity: 'error' }]);
  });

  it('warn about SMS on a landline, and about forwarding left on', () => {
    expect(
      issuesOf((r) => {
        r.phone.national = '01 84 88 00 42';
        r.eligibility.canReceive = 'sms';
      }),
    ).toEqual([{ field: 'eligibility.canReceive', code: 'smsNotRecommended', severity: 'warning' }]);
    // A mobile takes SMS: nothing to say.
    expect(issuesOf((r) => (r.eligibility.canReceive = 'sms'))).toEqual([]);
    expect(issuesOf((r) => (r.eligibility.forwardingOff = 'no'))).toEqual([{ field: 'eligibility.forwardingOff', code: 'forwardingOn', severity: 'warning' }]);
  });

  it('give every issue the severity its code declares', () => {
    const requirements = complete();
    requirements.phone.national = '36 15';
    requirements.eligibility = { onWhatsApp: 'businessApp', canReceive: 'neither', forwardingOff: 'no', usedWithApi: 'yes' };
    const issues = requirementIssues(requirements);
    expect(issues.length).toBe(5);
    for (const issue of issues) expect(issue.severity, issue.code).toBe(REQUIREMENT_ISSUES[issue.code]);
  });

  it('store a half-filled form, whatever the rules think of it, and refuse a file that is too large', () => {
    const half = { ...emptyRequirements(), businessManagerId: 'not digits', website: 'jungle' };
    expect(Requirements.safeParse(half).success).toBe(true);
    expect(Requirements.safeParse({ ...half, businessName: 'x'.repeat(201) }).success).toBe(false);
    expect(Requirements.safeParse({ ...half, phone: { country: 'fr', national: '', e164: '' } }).success).toBe(false);
  });
});
