import { parseUrl } from '../url-rules';
/**
 * Hosts the app may open in the system browser: Meta's business tools and NICE's help.
 *
 * Exact host names: a lookalike such as `business.facebook.com.evil.example` is refused.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'business.facebook.com',
  'developers.facebook.com',
  'www.facebook.com',
  'www.whatsapp.com',
  'help.nicecxone.com',
  'help.nice-incontact.com',
  'developer.niceincontact.com',
];

export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  // SECURITY: https only, no credentials, exact host (shell.openExternal would run any scheme).
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && EXTERNAL_HOSTS.includes(parsed.hostname);
}
