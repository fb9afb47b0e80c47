import * as z from 'zod';

/**
 * The per-channel permissions a Digital Experience role can be granted, one list for the whole app.
 *
 * Source: the manual's task 7 ("Configurer les rôles et les autorisations pour votre chaîne"),
 * whose roles screen (ACD > Digital > Rôles > Modifier les autorisations) has a checkbox per
 * permission on each channel's row. The manual names exactly one of those per-channel
 * permissions: **Réponse** (English help page and DOMAIN.md: **Reply**), without which "les
 * utilisateurs avec le rôle ne peuvent pas répondre aux interactions". It names no other one: its
 * stray English sentence only says that features "like searching posts, cases, or messages" need
 * "the corresponding permissions", without naming them, so none is invented here. Add a value
 * here (and its labels below) when a source names it; the rules and the role form follow.
 *
 * Not in this list on purpose: **Vue Compétences** / **Skills View** is granted in the Admin
 * application, not per channel (see the role's `skillsView`), and **Compétences - Créer** /
 * **Compétences - Modifier** (Skills - Create / Edit) are what the admin needs to make skills.
 */
export const CHANNEL_PERMISSIONS = ['reply'] as const;

export const ChannelPermission = z.enum(CHANNEL_PERMISSIONS);
export type ChannelPermission = z.infer<typeof ChannelPermission>;

/**
 * The product's own label of each permission, as the admin's CXone screen shows it.
 *
 * These are UI labels of NICE's product (French: the manual; English: NICE's English help page),
 * not our sentences, so they live next to the list rather than in the catalogs: checklists quote
 * them so the admin finds the very same word on screen.
 */
export const CHANNEL_PERMISSION_LABELS: Readonly<Record<ChannelPermission, { readonly fr: string; readonly en: string }>> = {
  reply: { fr: 'Réponse', en: 'Reply' },
};

/** The Admin-application permission agents need besides Reply (manual, task 7). */
export const SKILLS_VIEW_LABEL = { fr: 'Vue Compétences', en: 'Skills View' } as const;
