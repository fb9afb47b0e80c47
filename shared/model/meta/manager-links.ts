/**
 * Links into WhatsApp Manager (Meta Business Suite), where the admin does what the Graph API
 * leaves to Meta's own screens: renaming a display name, resetting the two-step PIN, editing a
 * template.
 *
 * UNCONFIRMED: Meta documents no deep-link format. The paths and the `waba_id` / `business_id`
 * query parameters below are the shapes WhatsApp Manager shows in its own address bar; if Meta
 * ignores a parameter, the link still opens WhatsApp Manager and the admin picks the account
 * there. Kept in this one constant so a correction is one edit. The host is on the app's list of
 * external links (main/platform/security/external-links.ts).
 */
export const WHATSAPP_MANAGER = {
  origin: 'https://business.facebook.com',
  paths: {
    overview: '/wa/manage/home/',
    phoneNumbers: '/wa/manage/phone-numbers/',
    templates: '/wa/manage/message-templates/',
  },
} as const;

export type ManagerPage = keyof typeof WHATSAPP_MANAGER.paths;

/** The WhatsApp Manager page for an account, with the business when it is known. */
export function managerLink(page: ManagerPage, ids: { wabaId: string | null; businessId?: string | null }): string {
  const query = [ids.wabaId ? `waba_id=${encodeURIComponent(ids.wabaId)}` : null, ids.businessId ? `business_id=${encodeURIComponent(ids.businessId)}` : null].filter((part) => part !== null);
  return `${WHATSAPP_MANAGER.origin}${WHATSAPP_MANAGER.paths[page]}${query.length ? `?${query.join('&')}` : ''}`;
}
