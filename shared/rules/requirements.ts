import type { Requirements } from '../model/requirements/requirements';
import { analysePhone, isPhoneCountry, type PhoneAnalysis } from './phone';

/**
 * How much an issue of step 1 matters.
 *
 * `error`: Meta, the manual or the app's own checks refuse the value; `warning`: it may work, but
 * Meta or the manual says why it may not; `info`: worth knowing, nothing to fix.
 */
export type RequirementSeverity = 'error' | 'warning' | 'info';

/** Where an issue shows: the form's field path (`phone.national`, `eligibility.canReceive`). */
export type RequirementField =
  | 'phone.national'
  | 'businessManagerId'
  | 'businessDescription'
  | 'website'
  | 'address'
  | 'email'
  | 'timeZone'
  | 'logoUrl'
  | 'eligibility.onWhatsApp'
  | 'eligibility.canReceive'
  | 'eligibility.forwardingOff'
  | 'eligibility.usedWithApi';

/**
 * Every issue code with its severity; the renderer words `requirements.issues.<code>`.
 *
 * Sources: the manual's requirements, DOMAIN.md, and Meta's pages the step links: "Business
 * phone numbers" (number types, eligibility) and "Business profiles" (profile limits:
 * description 512, address 256, email 128 characters; websites with http:// or https://).
 */
export const REQUIREMENT_ISSUES = {
  'phone.needsCountry': 'error',
  'phone.notANumber': 'error',
  'phone.shortCode': 'error',
  'phone.tooShort': 'error',
  'phone.tooLong': 'error',
  'phone.leadingZero': 'error',
  'phone.invalid': 'error',
  'phone.checkProvider': 'warning',
  'phone.noMethodRecommended': 'warning',
  'phone.mobileOrFixed': 'info',
  'phone.typeUnknown': 'info',
  managerIdDigits: 'error',
  descriptionLongerThanProfile: 'warning',
  websiteInvalid: 'error',
  addressLongerThanProfile: 'warning',
  emailInvalid: 'error',
  emailLongerThanProfile: 'warning',
  timeZoneUnknown: 'error',
  logoNotHttps: 'error',
  deletePersonalAccount: 'warning',
  businessAppNumber: 'warning',
  cannotReceiveCode: 'error',
  smsNotRecommended: 'warning',
  forwardingOn: 'warning',
  usedWithApi: 'error',
} as const satisfies Record<string, RequirementSeverity>;

export type RequirementIssueCode = keyof typeof REQUIREMENT_ISSUES;
export const REQUIREMENT_ISSUE_CODES = Object.keys(REQUIREMENT_ISSUES) as RequirementIssueCode[];

export interface RequirementIssue {
  readonly field: RequirementField;
  readonly code: RequirementIssueCode;
  readonly severity: RequirementSeverity;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Limits of the WhatsApp Business profile (Meta's "Business profiles" reference). */
export const PROFILE_TEXT_LIMITS = { description: 512, address: 256, email: 128 } as const;

/** Digits only: what Meta's ids (a Business Manager ID among them) are made of. */
const DIGITS = /^\d+$/;
/** An absolute http(s) address with a host; plain text, since `shared/` has no `URL` class everywhere it runs. */
const WEB_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
const HTTPS_URL = /^https:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
/** Something@domain.tld: Meta asks for a "valid email format" and publishes no stricter rule. */
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/**
 * Whether this runtime knows the time zone: asked of `Intl`, never checked against a list,
 * because Chromium and Node name some zones differently (`Asia/Calcutta` / `Asia/Kolkata`) and
 * neither lists `UTC`, which both accept.
 */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The phone as the rules read it: the picked country (if the rules know it) and the typed number. */
export function analyseRequirementsPhone(phone: Requirements['phone']): PhoneAnalysis {
  return analysePhone(phone.national, isPhoneCountry(phone.country) ? phone.country : null);
}

/**
 * What step 1's values lack or contradict, field by field.
 *
 * An empty field is not an issue: the form saves half-filled and the admin gathers the rest
 * later. The form (as the admin types) and main (when it saves) run this same function.
 */
export function requirementIssues(requirements: Requirements): RequirementIssue[] {
  const issues: RequirementIssue[] = [];
  const add = (field: RequirementField, code: RequirementIssueCode, params: Record<string, string | number> = {}) => {
    issues.push({ field, code, severity: REQUIREMENT_ISSUES[code], params });
  };

  const phone = analyseRequirementsPhone(requirements.phone);
  if (!phone.ok && phone.problem !== 'empty') add('phone.national', `phone.${phone.problem}`);
  if (phone.ok && phone.warning) add('phone.national', `phone.${phone.warning}`);

  const managerId = requirements.businessManagerId.trim();
  if (managerId !== '' && !DIGITS.test(managerId)) add('businessManagerId', 'managerIdDigits');

  const description = requirements.businessDescription.trim();
  if (description.length > PROFILE_TEXT_LIMITS.description) add('businessDescription', 'descriptionLongerThanProfile', { max: PROFILE_TEXT_LIMITS.description, length: description.length });

  const website = requirements.website.trim();
  if (website !== '' && !WEB_URL.test(website)) add('website', 'websiteInvalid');

  const address = requirements.address.trim();
  if (address.length > PROFILE_TEXT_LIMITS.address) add('address', 'addressLongerThanProfile', { max: PROFILE_TEXT_LIMITS.address, length: address.length });

  const email = requirements.email.trim();
  if (email !== '' && !EMAIL.test(email)) add('email', 'emailInvalid');
  else if (email.length > PROFILE_TEXT_LIMITS.email) add('email', 'emailLongerThanProfile', { max: PROFILE_TEXT_LIMITS.email, length: email.length });

  const timeZone = requirements.timeZone.trim();
  if (timeZone !== '' && !isKnownTimeZone(timeZone)) add('timeZone', 'timeZoneUnknown');

  const logoUrl = requirements.logoUrl.trim();
  if (logoUrl !== '' && !HTTPS_URL.test(logoUrl)) add('logoUrl', 'logoNotHttps');

  const { onWhatsApp, canReceive, forwardingOff, usedWithApi } = requirements.eligibility;
  if (onWhatsApp === 'messenger') add('eligibility.onWhatsApp', 'deletePersonalAccount');
  if (onWhatsApp === 'businessApp') add('eligibility.onWhatsApp', 'businessAppNumber');
  if (canReceive === 'neither') add('eligibility.canReceive', 'cannotReceiveCode');
  // Meta's table does not recommend SMS for this kind of number (a landline, a freephone…).
  if (canReceive === 'sms' && phone.ok && !phone.codeMethods.includes('SMS')) add('eligibility.canReceive', 'smsNotRecommended');
  if (forwardingOff === 'no') add('eligibility.forwardingOff', 'forwardingOn');
  if (usedWithApi === 'yes') add('eligibility.usedWithApi', 'usedWithApi');
  return issues;
}
