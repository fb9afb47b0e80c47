/**
 * Errors of the Meta area: the Facebook session (`meta.session.*`) and the Graph API (`meta.*`).
 *
 * Graph errors carry Meta's numbers as params (graphCode, subcode, traceId) so support can
 * trace them; the message Meta wrote is never forwarded as the app's own words.
 */
export const META_ERRORS = [
  // Facebook login and the session it yields (main/meta/session)
  'meta.session.cancelled',
  'meta.session.windowClosed',
  'meta.session.denied',
  'meta.session.stateMismatch',
  'meta.session.invalidRedirect',
  'meta.session.timeout',
  'meta.session.network',
  'meta.session.inProgress',
  'meta.session.notConnected',
  'meta.session.expired',
  'meta.session.exchangeFailed',
  'meta.session.liveNotConfigured',
  // A token whose lifetime is negative, not a whole number of seconds, or beyond 100 days.
  'meta.session.invalidExpiry',
  // Meta refused the token of a new login on its first Graph call; the current session stays.
  'meta.session.loginRefused',
  // Graph API (main/meta/graph)
  'meta.network',
  'meta.rateLimited',
  'meta.transient',
  'meta.permission',
  'meta.invalidRequest',
  'meta.malformedResponse',
  'meta.unknown',
  'meta.cancelled',
] as const;
