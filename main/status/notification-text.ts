import type { Language } from '../../shared/model/settings/settings';
import type { StatusChange } from './changes';

/**
 * The words of the desktop notifications, in the app's language.
 *
 * The OS shows them outside the window, so main writes them (the renderer's catalogs are not
 * here); the inbox in the window words the same changes from its own catalogs
 * (`status.inbox.*`, `status.values.*`, `templates.values.status.*`): keep the two in step.
 * The English words follow Meta's; the French ones are the app's translation. A value the table
 * does not know is shown as Meta wrote it.
 */
type Words = Readonly<Record<string, string>>;

const NAME_STATUS: Readonly<Record<Language, Words>> = {
  en: { APPROVED: 'Approved', DECLINED: 'Declined', PENDING_REVIEW: 'Pending review', AVAILABLE_WITHOUT_REVIEW: 'Available without review', EXPIRED: 'Expired', NONE: 'Not reviewed' },
  fr: { APPROVED: 'Approuvé', DECLINED: 'Refusé', PENDING_REVIEW: 'Examen en attente', AVAILABLE_WITHOUT_REVIEW: 'Disponible sans examen', EXPIRED: 'Expiré', NONE: 'Non examiné' },
};

const NUMBER_STATUS: Readonly<Record<Language, Words>> = {
  en: {
    CONNECTED: 'Connected',
    DISCONNECTED: 'Disconnected',
    PENDING: 'Pending',
    DELETED: 'Deleted',
    MIGRATED: 'Migrated',
    BANNED: 'Banned',
    RESTRICTED: 'Restricted',
    RATE_LIMITED: 'Rate limited',
    FLAGGED: 'Flagged',
    UNVERIFIED: 'Not verified',
    UNKNOWN: 'Unknown',
    LINKED: 'Linked',
    UNLINKED: 'Unlinked',
  },
  fr: {
    CONNECTED: 'Connecté',
    DISCONNECTED: 'Déconnecté',
    PENDING: 'En attente',
    DELETED: 'Supprimé',
    MIGRATED: 'Migré',
    BANNED: 'Banni',
    RESTRICTED: 'Restreint',
    RATE_LIMITED: 'Débit limité',
    FLAGGED: 'Signalé',
    UNVERIFIED: 'Non vérifié',
    UNKNOWN: 'Inconnu',
    LINKED: 'Lié',
    UNLINKED: 'Délié',
  },
};

const QUALITY: Readonly<Record<Language, Words>> = {
  en: { GREEN: 'High (green)', YELLOW: 'Medium (yellow)', RED: 'Low (red)', NA: 'Not rated yet', UNKNOWN: 'Not rated yet' },
  fr: { GREEN: 'Élevée (vert)', YELLOW: 'Moyenne (jaune)', RED: 'Faible (rouge)', NA: 'Pas encore évaluée', UNKNOWN: 'Pas encore évaluée' },
};

const TEMPLATE_STATUS: Readonly<Record<Language, Words>> = {
  en: {
    APPROVED: 'Approved',
    PENDING: 'Pending',
    REJECTED: 'Rejected',
    PAUSED: 'Paused',
    DISABLED: 'Disabled',
    IN_APPEAL: 'In appeal',
    PENDING_DELETION: 'Pending deletion',
    DELETED: 'Deleted',
    LIMIT_EXCEEDED: 'Limit exceeded',
    ARCHIVED: 'Archived',
  },
  fr: {
    APPROVED: 'Approuvé',
    PENDING: 'En attente',
    REJECTED: 'Refusé',
    PAUSED: 'En pause',
    DISABLED: 'Désactivé',
    IN_APPEAL: 'En appel',
    PENDING_DELETION: 'Suppression en attente',
    DELETED: 'Supprimé',
    LIMIT_EXCEEDED: 'Limite dépassée',
    ARCHIVED: 'Archivé',
  },
};

const TEXT = {
  en: {
    nameApproved: { title: 'Display name approved', body: '{number}: Meta approved the display name \u201c{name}\u201d.' },
    nameDeclined: { title: 'Display name declined', body: '{number}: Meta declined the display name \u201c{name}\u201d.' },
    nameStatusChanged: { title: 'Display name review changed', body: '{number}: {from} \u2192 {to}.' },
    statusChanged: { title: 'Phone number status changed', body: '{number}: {from} \u2192 {to}.' },
    qualityChanged: { title: 'Quality rating changed', body: '{number}: {from} \u2192 {to}.' },
    templateStatusChanged: { title: 'Message template status changed', body: '{template} ({language}): {from} \u2192 {to}.' },
    unknown: 'Unknown',
  },
  fr: {
    nameApproved: { title: 'Nom d\u2019affichage approuvé', body: '{number}\u00a0: Meta a approuvé le nom d\u2019affichage «\u00a0{name}\u00a0».' },
    nameDeclined: { title: 'Nom d\u2019affichage refusé', body: '{number}\u00a0: Meta a refusé le nom d\u2019affichage «\u00a0{name}\u00a0».' },
    nameStatusChanged: { title: 'Examen du nom d\u2019affichage modifié', body: '{number}\u00a0: {from} \u2192 {to}.' },
    statusChanged: { title: 'État du numéro modifié', body: '{number}\u00a0: {from} \u2192 {to}.' },
    qualityChanged: { title: 'Évaluation de la qualité modifiée', body: '{number}\u00a0: {from} \u2192 {to}.' },
    templateStatusChanged: { title: 'État du modèle de message modifié', body: '{template} ({language})\u00a0: {from} \u2192 {to}.' },
    unknown: 'Inconnu',
  },
} as const;

/** The table that names the values a change moves between. */
function wordsFor(change: StatusChange, language: Language): Words {
  if (change.kind === 'statusChanged') return NUMBER_STATUS[language];
  if (change.kind === 'qualityChanged') return QUALITY[language];
  if (change.kind === 'templateStatusChanged') return TEMPLATE_STATUS[language];
  return NAME_STATUS[language];
}

/** The title and body of the desktop notification for a change. */
export function notificationText(change: StatusChange, language: Language): { title: string; body: string } {
  const text = TEXT[language];
  const words = wordsFor(change, language);
  const name = (value: string | null) => (value === null ? text.unknown : (words[value] ?? value));
  const values: Record<string, string> = {
    number: change.displayPhoneNumber ?? '',
    name: change.displayName ?? '',
    template: change.templateName ?? '',
    language: change.language ?? '',
    from: name(change.from),
    to: name(change.to),
  };
  const { title, body } = text[change.kind];
  return { title, body: body.replace(/\{(\w+)\}/g, (_match, field: string) => values[field] ?? '') };
}
