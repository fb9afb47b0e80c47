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
  // A list longer than the pages the app follows (main/meta/graph/client.ts list()).
  'meta.tooManyPages',
  // Adding and registering a phone number (main/meta/onboarding.ts); Meta's code in comments.
  // 100 with subcode 2388001: the number still belongs to a WhatsApp or WhatsApp Business app account.
  'meta.number.alreadyOnWhatsApp',
  // The number cannot be sent to Meta as cc + national number (not a valid number, or an Italian landline).
  'meta.number.invalid',
  // 136025 (subcode 2388093); params attemptsUsed = wrong codes since the last code request.
  'meta.number.wrongCode',
  // 136024 (subcode 2388091).
  'meta.number.tooManyCodeRequests',
  // 133005: the number already has another two-step verification PIN.
  'meta.number.pinMismatch',
  // 133008.
  'meta.number.tooManyPinGuesses',
  // 133006.
  'meta.number.verifyAgain',
  // 133010.
  'meta.number.notRegistered',
  // 133015; params retryAt (ISO), five minutes after Meta's answer.
  'meta.number.recentlyDeleted',
  // 133016, or refused locally before the call; params liftsAt (ISO) when the attempt log knows it.
  'meta.number.registerLimit',
  // Register without a PIN, and none stored for the number on this computer.
  'meta.pin.notStored',
  // A call that needs a chosen portfolio or WhatsApp Business account, without one.
  'meta.account.noSelection',
] as const;
