/**
 * The longest token lifetime the app believes, in seconds: 100 days.
 *
 * Meta's user tokens last hours and its long-lived ones about 60 days; anything beyond 100 days
 * is a broken or forged answer, and trusting it would show a session as valid long after Meta
 * stopped honouring it.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 100 * 24 * 60 * 60;

/**
 * Reads a token's `expires_in`: seconds until it expires, `null` for no expiry, or `'invalid'`.
 *
 * Absent means Meta gave no lifetime and 0 means a token with no expiry (both `null`, as Meta
 * documents). A value that is not a whole number of seconds (text, a fraction, an empty
 * parameter), negative, or beyond {@link MAX_TOKEN_LIFETIME_SECONDS} is `'invalid'`: the login
 * is refused rather than saved with an expiry nobody can trust. The redirect carries it as text,
 * the PKCE exchange as a JSON number; both come here.
 */
export function readExpiresIn(value: unknown): number | null | 'invalid' {
  if (value === undefined || value === null) return null;
  let seconds: number;
  if (typeof value === 'number') seconds = value;
  // Digits only: rejects '-5', '1e3', '3600.5', ' 3600' and '' that Number() would accept.
  else if (typeof value === 'string' && /^\d{1,12}$/.test(value)) seconds = Number(value);
  else return 'invalid';
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > MAX_TOKEN_LIFETIME_SECONDS) return 'invalid';
  return seconds === 0 ? null : seconds;
}
