import type { StepId } from './steps';

/** One thing the admin does in CXone or in Meta's tools, in the manual's order. */
export interface ChecklistItem {
  /** Stable kebab-case id within its step; the admin's tick is saved under it. Never rename one. */
  readonly id: string;
  /** Where the admin does it. */
  readonly platform: 'cxone' | 'meta';
  /** The product's own labels along the click path, exactly as CXone or Meta shows them in each language; absent when the item is not a navigation. */
  readonly path?: { readonly fr: readonly string[]; readonly en: readonly string[] };
}

/*
 * Click paths reused by several steps. French labels are the manual's (the French CXone help
 * page); English labels are NICE's English help pages'. Where the two pages name the same menu
 * differently, each language keeps its own product label: the admin reads what their screen shows.
 */

/** The WhatsApp (Cloud API) page: the channel list, the template-settings URL and the channel's links. */
const WHATSAPP_CLOUD_API = {
  fr: ['ACD', 'Digital', 'Points de contact numériques', 'WhatsApp (API Cloud)'],
  en: ['ACD', 'Digital', 'Points of Contact Digital', 'WhatsApp (Cloud API)'],
} as const;

/** Every digital point of contact: where the default skill and Studio script are set. */
const POINTS_OF_CONTACT = {
  fr: ['ACD', 'Digital', 'Points de contact numériques'],
  en: ['ACD', 'Digital', 'Points of Contact Digital'],
} as const;

/**
 * What the admin ticks off on each step, item by item, in the order the manual gives them.
 *
 * Only the manual's own actions are listed (no best practice of ours): a checklist that adds
 * steps of its own would make the admin doubt which list is the vendor's. The sentences live in
 * the `checklists` catalogs under `checklists.<step>.<item>`, so the ids here are also the
 * catalog keys; ticks are stored by id, which is why ids must never be renamed. The review step
 * is not a task of the manual, and the manual gives no "check everything" list, so it has none.
 * The ids stay literal types, so an item the catalogs do not word fails the renderer's typecheck.
 */
export const STEP_CHECKLISTS = {
  // Task 1: what Meta requires before a channel can be created; nothing to click in CXone yet.
  requirements: [
    { id: 'phone-number', platform: 'meta' },
    { id: 'waba-approved', platform: 'meta' },
    { id: 'business-details', platform: 'meta' },
    { id: 'personal-account', platform: 'meta' },
    { id: 'customer-permission', platform: 'meta' },
  ],
  // Task 2: CXone starts the flow, Meta's signup runs in Facebook's window, CXone finishes it.
  connect: [
    { id: 'open-whatsapp-cloud-api', platform: 'cxone', path: WHATSAPP_CLOUD_API },
    { id: 'log-in-with-facebook', platform: 'cxone' },
    { id: 'facebook-account', platform: 'meta' },
    { id: 'get-started', platform: 'meta' },
    { id: 'business-information', platform: 'meta' },
    { id: 'whatsapp-business-profile', platform: 'meta' },
    { id: 'verify-phone-number', platform: 'meta' },
    { id: 'finish', platform: 'meta' },
    { id: 'select-phone-number', platform: 'cxone' },
    { id: 'create-channel', platform: 'cxone' },
  ],
  // Task 3 (last action of the manual's "add a channel" procedure, and the note that follows it).
  'number-status': [
    { id: 'log-in-whatsapp-business-manager', platform: 'meta' },
    { id: 'check-number-status', platform: 'meta' },
    { id: 'one-channel-per-number', platform: 'cxone' },
  ],
  // Task 4: the name is Meta's display name; CXone follows it.
  rename: [
    { id: 'open-manager-link', platform: 'cxone' },
    { id: 'change-display-name', platform: 'meta' },
    { id: 'channel-renamed', platform: 'cxone' },
  ],
  // Task 5: templates are made in Meta's tools; the rich-message note is CXone's.
  templates: [
    { id: 'outside-24-hours', platform: 'meta' },
    { id: 'survey-template', platform: 'meta' },
    { id: 'rich-messages', platform: 'cxone' },
    { id: 'create-in-manager', platform: 'meta' },
  ],
  // Task 6: "Get the URL" in ACD, then "Configure a custom component" in the Digital Experience portal.
  'custom-component': [
    { id: 'open-whatsapp-cloud-api', platform: 'cxone', path: WHATSAPP_CLOUD_API },
    { id: 'copy-template-url', platform: 'cxone' },
    { id: 'back-to-settings', platform: 'cxone' },
    {
      id: 'open-custom-components',
      platform: 'cxone',
      path: { fr: ['Digital', 'Paramètres', 'Composants personnalisés'], en: ['Digital', 'Settings', 'Custom Components'] },
    },
    { id: 'delete-smooch-components', platform: 'cxone' },
    { id: 'add-front-end-component', platform: 'cxone' },
    { id: 'paste-url', platform: 'cxone' },
    { id: 'set-height', platform: 'cxone' },
    { id: 'select-channels', platform: 'cxone' },
    { id: 'save-component', platform: 'cxone' },
  ],
  // Task 7: the manual's paragraphs (which roles, which permissions, which agents), then its procedure.
  roles: [
    { id: 'choose-roles', platform: 'cxone' },
    { id: 'new-role-permissions', platform: 'cxone' },
    { id: 'agents-can-handle-digital', platform: 'cxone' },
    { id: 'skills-view-permission', platform: 'cxone' },
    { id: 'open-roles', platform: 'cxone', path: { fr: ['ACD', 'Digital', 'Rôles'], en: ['ACD', 'Digital', 'Roles'] } },
    { id: 'edit-role', platform: 'cxone' },
    { id: 'edit-permissions', platform: 'cxone' },
    { id: 'tick-permissions', platform: 'cxone' },
    { id: 'save-role', platform: 'cxone' },
  ],
  // Task 8: routing-queue filters (required for outbound contacts; see the step's text).
  routing: [
    {
      id: 'open-routing-queues',
      platform: 'cxone',
      path: { fr: ['ACD', 'Digital', "Files d'attente de routage"], en: ['ACD', 'Digital', 'Routing Queues'] },
    },
    { id: 'open-filters', platform: 'cxone' },
    { id: 'open-conditions', platform: 'cxone' },
    { id: 'add-condition', platform: 'cxone' },
    { id: 'included-channels-rule', platform: 'cxone' },
    { id: 'add-channel', platform: 'cxone' },
    { id: 'check-selected-channels', platform: 'cxone' },
  ],
  // Task 9: the manual's numbered procedure; its first three clicks form one path.
  'digital-skill': [
    {
      id: 'open-new-skill',
      platform: 'cxone',
      path: {
        fr: ['ACD', 'Paramètres de contact', 'Compétences ACD', 'Créer nouveau', 'Compétence unique'],
        en: ['ACD', 'Contact Settings', 'ACD Skills', 'Create New', 'Single Skill'],
      },
    },
    { id: 'media-type-digital', platform: 'cxone' },
    { id: 'skill-name', platform: 'cxone' },
    { id: 'campaign', platform: 'cxone' },
    { id: 'message-template', platform: 'cxone' },
    { id: 'sub-skill', platform: 'cxone' },
    { id: 'routing-configuration', platform: 'cxone' },
    { id: 'service-level', platform: 'cxone' },
    { id: 'accept-reject', platform: 'cxone' },
    { id: 'response-countdowns', platform: 'cxone' },
    { id: 'create-skill', platform: 'cxone' },
  ],
  // Task 10: prerequisites and the check the manual gives first, then its procedure.
  'default-skill': [
    { id: 'script-and-skill-exist', platform: 'cxone' },
    { id: 'check-default-skill', platform: 'cxone' },
    { id: 'open-points-of-contact', platform: 'cxone', path: POINTS_OF_CONTACT },
    { id: 'edit-channel', platform: 'cxone' },
    { id: 'select-studio-script', platform: 'cxone' },
    { id: 'select-default-skill', platform: 'cxone' },
    { id: 'save-point-of-contact', platform: 'cxone' },
  ],
  // Task 11 (optional).
  sla: [
    { id: 'open-sla', platform: 'cxone', path: { fr: ['ACD', 'Digital', 'SLA'], en: ['ACD', 'Digital', 'SLA'] } },
    { id: 'edit-channel', platform: 'cxone' },
    { id: 'general-or-own', platform: 'cxone' },
    { id: 'set-times', platform: 'cxone' },
    { id: 'save-sla', platform: 'cxone' },
  ],
  review: [],
} as const satisfies Readonly<Record<StepId, readonly ChecklistItem[]>>;
