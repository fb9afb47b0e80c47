import type { Language } from '../../shared/model/settings/settings';

/**
 * The runbook's own words: headings and CXone's field labels, per language.
 *
 * Field labels are the product's (French: the manual; English: NICE's English help page and
 * DOMAIN.md), so the admin finds the same word on screen. The manual's sentences (the checklist
 * items) and the findings come from the app's catalogs, not from here, so the runbook never
 * states a rule the app does not already state.
 */
export interface RunbookWords {
  readonly title: string;
  readonly workspace: string;
  readonly phoneNumber: string;
  readonly generated: string;
  readonly intro: string;
  readonly task: string;
  readonly toTick: string;
  readonly values: string;
  readonly nothingDrafted: string;
  readonly yes: string;
  readonly no: string;
  readonly channel: string;
  readonly channelName: string;
  readonly startsConversations: string;
  readonly url: string;
  readonly height: string;
  readonly channels: string;
  readonly allChannels: string;
  readonly smoochDeleted: string;
  readonly role: string;
  readonly description: string;
  readonly permissions: string;
  readonly agents: string;
  readonly agent: string;
  readonly applicationLabel: string;
  readonly application: Readonly<Record<'agent' | 'max', string>>;
  readonly digitalEngagement: string;
  readonly skills: string;
  readonly roles: string;
  readonly queue: string;
  readonly filter: string;
  readonly includedChannels: string;
  readonly skill: string;
  readonly mediaType: string;
  readonly mediaTypeDigital: string;
  readonly direction: string;
  readonly directions: Readonly<Record<'inbound' | 'outbound', string>>;
  readonly skillName: string;
  readonly campaign: string;
  readonly messageTemplate: string;
  readonly subSkill: string;
  readonly routingCriteria: string;
  readonly criteria: Readonly<Record<'proficiency' | 'preferredAgent' | 'leastBusy' | 'mostBusy', string>>;
  readonly priorityMetric: string;
  readonly fallback: string;
  readonly fallbacks: Readonly<Record<'whenOffline' | 'whenAvailable', string>>;
  readonly timeout: string;
  readonly seconds: string;
  readonly serviceLevel: string;
  readonly serviceLevelThreshold: string;
  readonly serviceLevelGoal: string;
  readonly acceptReject: string;
  readonly agentResponse: string;
  readonly customerResponse: string;
  readonly notSet: string;
  readonly studioScript: string;
  readonly defaultSkill: string;
  readonly generalSla: string;
  readonly useGeneralSla: string;
  readonly ownSla: string;
  readonly firstResponse: string;
  readonly resolution: string;
  readonly duration: (days: number, hours: number, minutes: number) => string;
  readonly openFindings: string;
  readonly noOpenFindings: string;
}

export const RUNBOOK_WORDS: Readonly<Record<Language, RunbookWords>> = {
  en: {
    title: 'WhatsApp channel runbook',
    workspace: 'Workspace',
    phoneNumber: 'Phone number',
    generated: 'Prepared with WhatsApp Channel Setup Assistant',
    intro: "Complete each task in the order given. Tick each box once it is done in CXone or in Meta's tools.",
    task: 'Task',
    toTick: 'To do',
    values: 'Values to enter',
    nothingDrafted: 'Nothing drafted for this task.',
    yes: 'Yes',
    no: 'No',
    channel: 'Channel',
    channelName: 'Channel name',
    startsConversations: 'Starts conversations (outbound)',
    url: 'URL',
    height: 'Height',
    channels: 'Channels',
    allChannels: 'none selected (all channels)',
    smoochDeleted: 'Components whose URL contains smooch deleted',
    role: 'Role',
    description: 'Description',
    permissions: 'Permissions to tick',
    agents: 'Agents',
    agent: 'Agent',
    applicationLabel: 'Agent application',
    application: { agent: 'Agent', max: 'MAX' },
    digitalEngagement: 'Digital Engagement',
    skills: 'Skills',
    roles: 'Role',
    queue: 'Routing queue',
    filter: 'Filter',
    includedChannels: 'Included channels',
    skill: 'Skill',
    mediaType: 'Media Type',
    mediaTypeDigital: 'Digital',
    direction: 'Direction',
    directions: { inbound: 'Inbound', outbound: 'Outbound' },
    skillName: 'Skill Name',
    campaign: 'Campaign',
    messageTemplate: 'Message Template',
    subSkill: 'Sub-skill',
    routingCriteria: 'Routing Configuration',
    criteria: { proficiency: 'Skill Proficiency', preferredAgent: 'Preferred Agent', leastBusy: 'Least Occupied', mostBusy: 'Most Occupied' },
    priorityMetric: 'Priority Metric',
    fallback: 'When the preferred agent is not available',
    fallbacks: { whenOffline: 'When Offline', whenAvailable: 'When Available' },
    timeout: 'Timeout',
    seconds: 's',
    serviceLevel: 'Service Level',
    serviceLevelThreshold: 'Threshold',
    serviceLevelGoal: 'Goal',
    acceptReject: 'Accept/Reject',
    agentResponse: 'Agent Response',
    customerResponse: 'Customer Response',
    notSet: 'not set',
    studioScript: 'Studio script',
    defaultSkill: 'Default skill',
    generalSla: 'Default SLA for all channels',
    useGeneralSla: 'Uses the default SLA for all channels (YES)',
    ownSla: 'Own SLA (NO, DIFFERENT)',
    firstResponse: 'First Response Time',
    resolution: 'Solution Time',
    duration: (days, hours, minutes) => `${days} d ${hours} h ${minutes} min`,
    openFindings: 'Findings still open',
    noOpenFindings: "The manual's rules find nothing to fix in the drafts.",
  },
  fr: {
    title: 'Guide de saisie du canal WhatsApp',
    workspace: 'Espace de travail',
    phoneNumber: 'Numéro de téléphone',
    generated: 'Préparé avec WhatsApp Channel Setup Assistant',
    intro: "Effectuez chaque tâche dans l'ordre indiqué. Cochez chaque case une fois l'action faite dans CXone ou dans les outils de Meta.",
    task: 'Tâche',
    toTick: 'À faire',
    values: 'Valeurs à saisir',
    nothingDrafted: 'Rien de préparé pour cette tâche.',
    yes: 'Oui',
    no: 'Non',
    channel: 'Canal',
    channelName: 'Nom du canal',
    startsConversations: 'Démarre des conversations (sortant)',
    url: 'URL',
    height: 'Hauteur',
    channels: 'Canaux',
    allChannels: 'aucun sélectionné (tous les canaux)',
    smoochDeleted: "Composants dont l'URL contient smooch supprimés",
    role: 'Rôle',
    description: 'Description',
    permissions: 'Autorisations à cocher',
    agents: 'Agents',
    agent: 'Agent',
    applicationLabel: 'Application utilisée',
    application: { agent: 'Agent', max: 'MAX' },
    digitalEngagement: 'Digital Engagement',
    skills: 'Compétences',
    roles: 'Rôle',
    queue: "File d'attente de routage",
    filter: 'Filtre',
    includedChannels: 'Canaux inclus',
    skill: 'Compétence',
    mediaType: 'Type de média',
    mediaTypeDigital: 'Numérique',
    direction: 'Sens',
    directions: { inbound: 'Entrante', outbound: 'Sortante' },
    skillName: 'Nom de la compétence',
    campaign: 'Campagne',
    messageTemplate: 'Modèle de message',
    subSkill: 'Sous-compétence',
    routingCriteria: 'Configuration de routage',
    criteria: { proficiency: 'Aptitude pour la compétence', preferredAgent: 'Agent préféré', leastBusy: 'Le moins occupé', mostBusy: 'Les plus occupés' },
    priorityMetric: 'Métrique prioritaire',
    fallback: "Lorsque l'agent préféré n'est pas disponible",
    fallbacks: { whenOffline: 'Lorsque hors ligne', whenAvailable: 'Lorsque disponible' },
    timeout: 'Temporisation',
    seconds: 's',
    serviceLevel: 'Niveau de service',
    serviceLevelThreshold: 'Seuil',
    serviceLevelGoal: 'Objectif',
    acceptReject: 'Accepter / Rejeter',
    agentResponse: "Réponse de l'agent",
    customerResponse: 'Réponse du client',
    notSet: 'non défini',
    studioScript: 'Script Studio',
    defaultSkill: 'Compétence par défaut',
    generalSla: 'SLA général',
    useGeneralSla: 'Applique le SLA général (OUI)',
    ownSla: 'SLA propre (NON, DIFFÉRENT)',
    firstResponse: 'Temps de première réponse',
    resolution: 'Temps de résolution',
    duration: (days, hours, minutes) => `${days} j ${hours} h ${minutes} min`,
    openFindings: 'Constats encore ouverts',
    noOpenFindings: 'Les règles du manuel ne relèvent rien à corriger dans les brouillons.',
  },
};
