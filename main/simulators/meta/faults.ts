import { createFaultBoard, type FaultBoard, type FaultDeclaration } from '../host/faults';

/**
 * Faults the Meta simulator can inject, for tests and demos; each is one-shot unless sticky.
 *
 * `expireToken` and `revokeToken` end the session of the token presented on the next Graph
 * call (every call while sticky), the way Meta ends a session mid-work: that token then stays
 * refused with 190/463 or 190/460, while a fresh login works again.
 */
export const FAULT_KINDS = [
  'expireToken',
  'revokeToken',
  'rateLimit',
  'transient',
  'slow',
  'malformedJson',
  'wrongCode',
  'tooManyCodeRequests',
  'alreadyOnWhatsApp',
  'pinMismatch',
  'recentlyDeleted',
  'registerLimit',
] as const;

/** One of the faults of {@link FAULT_KINDS}. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Whether a value names a fault; used to read `POST /sandbox/faults`. */
export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

/** How long the `slow` fault waits by default, in milliseconds. */
export const DEFAULT_SLOW_MS = 2000;
/** What the `rateLimit` fault says about waiting by default, in minutes. */
export const DEFAULT_RATE_LIMIT_MINUTES = 5;

/**
 * What each fault does, in the switchboard page's words.
 *
 * Written for the admin running a demo: what Meta would do, and what the app should show.
 */
export const META_FAULTS: Readonly<Record<FaultKind, FaultDeclaration<FaultKind>['text']>> = {
  expireToken: {
    en: { title: 'Expire the session', help: 'The next Graph call ends the session of its token (190, subcode 463): the app must ask to log in again.' },
    fr: { title: 'Faire expirer la session', help: 'Le prochain appel Graph met fin à la session de son jeton (190, sous-code 463)\u00a0: l\u2019application doit redemander la connexion.' },
  },
  revokeToken: {
    en: { title: 'Revoke the session', help: 'The next Graph call finds its token revoked, as after a password change (190, subcode 460).' },
    fr: { title: 'Révoquer la session', help: 'Le prochain appel Graph trouve son jeton révoqué, comme après un changement de mot de passe (190, sous-code 460).' },
  },
  rateLimit: {
    en: { title: 'Rate limit', help: `The next Graph call is throttled (80007), with a wait of ${DEFAULT_RATE_LIMIT_MINUTES} minutes in X-Business-Use-Case-Usage.` },
    fr: { title: 'Limite de débit', help: `Le prochain appel Graph est limité (80007), avec une attente de ${DEFAULT_RATE_LIMIT_MINUTES}\u00a0minutes dans X-Business-Use-Case-Usage.` },
  },
  transient: {
    en: { title: 'Temporary outage', help: 'The next Graph call fails with HTTP 500, code 2, is_transient: a read is retried, a write is not.' },
    fr: { title: 'Panne passagère', help: 'Le prochain appel Graph échoue en HTTP 500, code 2, is_transient\u00a0: une lecture est réessayée, une écriture non.' },
  },
  slow: {
    en: { title: 'Slow answer', help: `The next Graph call waits ${DEFAULT_SLOW_MS / 1000} seconds before answering.` },
    fr: { title: 'Réponse lente', help: `Le prochain appel Graph attend ${DEFAULT_SLOW_MS / 1000}\u00a0secondes avant de répondre.` },
  },
  malformedJson: {
    en: { title: 'Broken answer', help: 'The next Graph call answers 200 with a body that is not valid JSON.' },
    fr: { title: 'Réponse illisible', help: 'Le prochain appel Graph répond 200 avec un corps qui n\u2019est pas du JSON valide.' },
  },
  wrongCode: {
    en: { title: 'Wrong verification code', help: 'The next code verification is refused (136025), even with the right code.' },
    fr: { title: 'Code de vérification refusé', help: 'La prochaine vérification de code est refusée (136025), même avec le bon code.' },
  },
  tooManyCodeRequests: {
    en: { title: 'Too many code requests', help: 'The next code request is refused (136024, subcode 2388091): the app must say to wait before asking again.' },
    fr: { title: 'Trop de demandes de code', help: 'La prochaine demande de code est refusée (136024, sous-code 2388091)\u00a0: l\u2019application doit dire d\u2019attendre avant de redemander.' },
  },
  alreadyOnWhatsApp: {
    en: { title: 'Number already on WhatsApp', help: 'The next number added is refused as already registered with WhatsApp (100, subcode 2388001).' },
    fr: { title: 'Numéro déjà sur WhatsApp', help: 'Le prochain numéro ajouté est refusé car déjà inscrit sur WhatsApp (100, sous-code 2388001).' },
  },
  pinMismatch: {
    en: { title: 'PIN mismatch', help: 'The next registration is refused (133005), as if the two-step verification PIN were wrong.' },
    fr: { title: 'PIN différent', help: 'La prochaine inscription est refusée (133005), comme si le PIN de vérification en deux étapes était faux.' },
  },
  recentlyDeleted: {
    en: { title: 'Number recently deleted', help: 'The next registration is refused (133015) as for a number whose deletion is not finished: Meta asks to wait 5 minutes.' },
    fr: { title: 'Numéro supprimé récemment', help: 'La prochaine inscription est refusée (133015) comme pour un numéro dont la suppression n\u2019est pas terminée\u00a0: Meta demande d\u2019attendre 5\u00a0minutes.' },
  },
  registerLimit: {
    en: { title: 'Registration limit reached', help: 'The next registration is refused (133016) as after 10 registrations in 72 hours, without making the 10 calls.' },
    fr: { title: 'Limite d\u2019inscriptions atteinte', help: 'La prochaine inscription est refusée (133016) comme après 10\u00a0inscriptions en 72\u00a0heures, sans faire les 10\u00a0appels.' },
  },
};

/** A fault board for the Meta simulator's faults, in {@link FAULT_KINDS} order. */
export function createMetaFaultBoard(): FaultBoard<FaultKind> {
  return createFaultBoard(FAULT_KINDS.map((kind) => ({ kind, text: META_FAULTS[kind] })));
}

/**
 * How an armed fault behaves.
 *
 * One-shot by default, so a test sees exactly one failure and then the recovery; sticky faults
 * last until `reset()`, for demos of a Meta that stays down.
 */
export interface FaultOptions {
  readonly sticky?: boolean;
  /** `slow`: how long each answer waits. */
  readonly delayMs?: number;
  /** `rateLimit`: what X-Business-Use-Case-Usage says about waiting. */
  readonly minutes?: number;
}

/**
 * The Meta simulator's fault switchboard.
 *
 * Reproduces what goes wrong with the real Meta so the app's handling of each case can be
 * tested and shown: ended sessions, throttling, outages, slow or broken answers, and the
 * WhatsApp-specific refusals of the number registration steps.
 */
export interface MetaFaultSwitchboard {
  /** Every token handed out so far expires (190, subcode 463). */
  expireTokens(): void;
  /** Every token handed out so far is revoked (190, subcode 460). */
  revokeTokens(): void;
  arm(kind: FaultKind, options?: FaultOptions): void;
  reset(): void;
  active(): FaultKind[];
}
