import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { escapeHtml, htmlPage } from '../host/html';
import { SWITCHBOARD_PATH } from '../host/pages';
import type { Language, Localized } from '../host/plugin';
import { PHONE_PATH } from './pages';
import {
  NAME_STATUSES,
  PHONE_STATUSES,
  pendingPhone,
  QUALITY_RATINGS,
  REJECTION_REASONS,
  TEMPLATE_STATUSES,
  type NameStatus,
  type PhoneStatus,
  type QualityRating,
  type RejectionReason,
  type TemplateStatus,
  type World,
} from './world';

/**
 * The rehearsal: the simulated Meta made to look like the admin's own setup (their business's
 * name, their number), and Meta's side of the reviews played by hand (a display name approved, a
 * template rejected), so a demo or a dry run shows what the app does when Meta decides.
 *
 * The same changes serve the tests through the simulator's helpers.
 */

/** Where the rehearsal page lives. */
export const REHEARSAL_PATH = '/sandbox/rehearsal';

/** The seeded number still waiting for verification, which "set the number" turns into the admin's. */
export const REHEARSAL_PHONE_ID = '400000000000002';

/** Longest business or account name the page takes (the contract allows 255 for an account). */
const NAME_MAX = 200;

/** Why a rehearsal change was refused; the page says it in the admin's language. */
export type RehearsalProblem = 'invalidNumber' | 'numberTaken' | 'badName' | 'unknownTarget' | 'badValue';

/** What a rehearsal change did: done, or refused (nothing changed). */
export type RehearsalOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: RehearsalProblem };

const DONE: RehearsalOutcome = { ok: true };
const refused = (problem: RehearsalProblem): RehearsalOutcome => ({ ok: false, problem });

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** The portfolio the rehearsal is about (the first seeded one) and its own account. */
function mainBusiness(world: World) {
  const business = world.businesses[0];
  const waba = world.wabas.find((candidate) => candidate.business === business?.id && candidate.ownership === 'owned');
  return { business, waba };
}

/** Renames the simulated business: its portfolio, and its WhatsApp Business Account (same name unless given). */
export function renameBusiness(world: World, name: string, accountName: string = name): RehearsalOutcome {
  const portfolio = name.trim();
  const account = accountName.trim();
  if (!portfolio || !account || portfolio.length > NAME_MAX || account.length > NAME_MAX) return refused('badName');
  const { business, waba } = mainBusiness(world);
  if (!business || !waba) return refused('unknownTarget');
  business.name = portfolio;
  waba.name = account;
  return DONE;
}

/** `+33612345678` from `+33 6 12 34 56 78`, `+33 (0)6…` or `0033 6…`; null when it is not E.164. */
export function e164Of(input: string): string | null {
  const compact = input.trim().replace(/\(0\)/g, '').replace(/[\s.\-()]/g, '').replace(/^00/, '+');
  return /^\+[1-9][0-9]{6,14}$/.test(compact) ? compact : null;
}

/**
 * Makes the seeded pending number the admin's own: same account and display name, the admin's
 * number, back to pending and not verified, so the wizard's steps run on "their" number.
 */
export function useNumber(world: World, input: string): RehearsalOutcome {
  const e164 = e164Of(input);
  if (!e164) return refused('invalidNumber');
  const index = world.phones.findIndex((phone) => phone.id === REHEARSAL_PHONE_ID);
  const current = world.phones[index];
  if (!current) return refused('unknownTarget');
  const digits = e164.slice(1);
  if (current.display_phone_number.replace(/\D/g, '') === digits) return DONE;
  if (world.phones.some((phone) => phone.display_phone_number.replace(/\D/g, '') === digits)) return refused('numberTaken');
  const display = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
  world.phones[index] = pendingPhone({ id: current.id, waba: current.waba, display_phone_number: display, verified_name: current.verified_name, profile: current.profile });
  return DONE;
}

/** Sets what Meta's review and monitoring say of a number; only the values given change. */
export function setNumber(world: World, phoneId: string, change: { nameStatus?: NameStatus; status?: PhoneStatus; quality?: QualityRating }): RehearsalOutcome {
  const phone = world.phones.find((candidate) => candidate.id === phoneId);
  if (!phone) return refused('unknownTarget');
  if (change.nameStatus !== undefined) phone.name_status = change.nameStatus;
  if (change.status !== undefined) phone.status = change.status;
  if (change.quality !== undefined) phone.quality_rating = change.quality;
  return DONE;
}

/** Sets a template's review: its status and, NONE or absent meaning none, why it was rejected. */
export function setTemplate(world: World, templateId: string, status: TemplateStatus, reason: RejectionReason = 'NONE'): RehearsalOutcome {
  const template = world.templates.find((candidate) => candidate.id === templateId);
  if (!template) return refused('unknownTarget');
  template.status = status;
  if (reason === 'NONE') delete template.rejected_reason;
  else template.rejected_reason = reason;
  return DONE;
}

/** The section a change belongs to, which the page scrolls back to. */
export type RehearsalSection = 'business' | 'number' | 'numbers' | 'templates';

/** Applies one of the page's forms. */
export function applyRehearsalForm(world: World, form: URLSearchParams): { section: RehearsalSection | null; outcome: RehearsalOutcome } {
  const action = form.get('action');
  const id = form.get('id') ?? '';
  if (action === 'business') return { section: 'business', outcome: renameBusiness(world, form.get('businessName') ?? '', form.get('accountName') ?? '') };
  if (action === 'number') return { section: 'number', outcome: useNumber(world, form.get('phoneNumber') ?? '') };
  if (action === 'phone') {
    const nameStatus = form.get('name_status');
    const status = form.get('status');
    const quality = form.get('quality_rating');
    if (!isOneOf(NAME_STATUSES, nameStatus) || !isOneOf(PHONE_STATUSES, status) || !isOneOf(QUALITY_RATINGS, quality)) return { section: 'numbers', outcome: refused('badValue') };
    return { section: 'numbers', outcome: setNumber(world, id, { nameStatus, status, quality }) };
  }
  if (action === 'template') {
    const status = form.get('status');
    const reason = form.get('rejected_reason');
    if (!isOneOf(TEMPLATE_STATUSES, status) || !isOneOf(REJECTION_REASONS, reason)) return { section: 'templates', outcome: refused('badValue') };
    return { section: 'templates', outcome: setTemplate(world, id, status, reason) };
  }
  return { section: null, outcome: refused('unknownTarget') };
}

const WORDS: Localized<{
  readonly titleSuffix: string;
  readonly banner: string;
  readonly title: string;
  readonly intro: string;
  readonly businessHeading: string;
  readonly portfolioName: string;
  readonly accountName: string;
  readonly rename: string;
  readonly numberHeading: string;
  readonly numberHelp: (account: string, number: string) => string;
  readonly numberLabel: string;
  readonly useNumber: string;
  readonly numbersHeading: string;
  readonly numbersHelp: string;
  readonly nameStatus: string;
  readonly status: string;
  readonly quality: string;
  readonly apply: string;
  readonly templatesHeading: string;
  readonly reason: string;
  readonly changed: string;
  readonly problems: Readonly<Record<RehearsalProblem, string>>;
  readonly phoneLink: string;
  readonly switchboardLink: string;
}> = {
  en: {
    titleSuffix: 'Meta (sandbox)',
    banner: 'Sandbox: simulated Meta. Nothing here reaches Meta.',
    title: 'Rehearsal',
    intro: 'Make the sandbox look like your own setup, and play Meta\u2019s part in the reviews. The app sees each change at its next check, or when you refresh.',
    businessHeading: 'Your business',
    portfolioName: 'Business portfolio name',
    accountName: 'WhatsApp Business Account name',
    rename: 'Rename',
    numberHeading: 'Your number',
    numberHelp: (account, number) => `The pending number of ${account} (${number} now) becomes your number, back to pending and not verified, so the steps run on your own number.`,
    numberLabel: 'Phone number in international format, for example +33 6 12 34 56 78',
    useNumber: 'Use this number',
    numbersHeading: 'Numbers: Meta\u2019s review and monitoring',
    numbersHelp: 'The values are Meta\u2019s own, as the Graph API sends them.',
    nameStatus: 'Display name review (name_status)',
    status: 'Status (status)',
    quality: 'Quality rating (quality_rating)',
    apply: 'Apply',
    templatesHeading: 'Message templates: Meta\u2019s review',
    reason: 'Rejection reason (rejected_reason)',
    changed: 'Changed. The app shows it at its next check, or when you refresh.',
    problems: {
      invalidNumber: 'This is not a number in international format: a +, the country code, then the number, 7 to 15 digits in all. Nothing was changed.',
      numberTaken: 'This number is already another number of the sandbox. Nothing was changed.',
      badName: `A name must have 1 to ${NAME_MAX} characters. Nothing was changed.`,
      unknownTarget: 'This number or template does not exist here. Nothing was changed.',
      badValue: 'This value is not one Meta uses. Nothing was changed.',
    },
    phoneLink: 'Sandbox phone: the verification codes',
    switchboardLink: 'Fault switchboard: make Meta fail on purpose',
  },
  fr: {
    titleSuffix: 'Meta (bac à sable)',
    banner: 'Bac à sable\u00a0: Meta simulé. Rien ici n\u2019est envoyé à Meta.',
    title: 'Répétition',
    intro: 'Faites ressembler le bac à sable à votre propre configuration, et jouez le rôle de Meta dans les examens. L\u2019application voit chaque changement à sa prochaine vérification, ou quand vous actualisez.',
    businessHeading: 'Votre entreprise',
    portfolioName: 'Nom du portefeuille business',
    accountName: 'Nom du compte WhatsApp Business',
    rename: 'Renommer',
    numberHeading: 'Votre numéro',
    numberHelp: (account, number) => `Le numéro en attente de ${account} (${number} actuellement) devient votre numéro, de nouveau en attente et non vérifié\u00a0: les étapes se déroulent sur votre propre numéro.`,
    numberLabel: 'Numéro de téléphone au format international, par exemple +33 6 12 34 56 78',
    useNumber: 'Utiliser ce numéro',
    numbersHeading: 'Numéros\u00a0: examen et suivi par Meta',
    numbersHelp: 'Les valeurs sont celles de Meta, telles que l\u2019API Graph les envoie.',
    nameStatus: 'Examen du nom d\u2019affichage (name_status)',
    status: 'Statut (status)',
    quality: 'Évaluation de la qualité (quality_rating)',
    apply: 'Appliquer',
    templatesHeading: 'Modèles de message\u00a0: examen par Meta',
    reason: 'Motif du refus (rejected_reason)',
    changed: 'Modifié. L\u2019application l\u2019affiche à sa prochaine vérification, ou quand vous actualisez.',
    problems: {
      invalidNumber: 'Ce n\u2019est pas un numéro au format international\u00a0: un +, l\u2019indicatif du pays, puis le numéro, 7 à 15\u00a0chiffres en tout. Rien n\u2019a été modifié.',
      numberTaken: 'Ce numéro est déjà un autre numéro du bac à sable. Rien n\u2019a été modifié.',
      badName: `Un nom doit compter de 1 à ${NAME_MAX}\u00a0caractères. Rien n\u2019a été modifié.`,
      unknownTarget: 'Ce numéro ou ce modèle n\u2019existe pas ici. Rien n\u2019a été modifié.',
      badValue: 'Cette valeur n\u2019est pas une valeur de Meta. Rien n\u2019a été modifié.',
    },
    phoneLink: 'Téléphone du bac à sable\u00a0: les codes de vérification',
    switchboardLink: 'Tableau des pannes\u00a0: faire échouer Meta exprès',
  },
};

/** The rehearsal page's title, also its link on the switchboard page. */
export const REHEARSAL_TITLE: Localized = { en: WORDS.en.title, fr: WORDS.fr.title };

const options = (values: readonly string[], current: string) => values.map((value) => `<option value="${escapeHtml(value)}"${value === current ? ' selected' : ''}>${escapeHtml(value)}</option>`).join('');

function select(id: string, name: string, label: string, values: readonly string[], current: string): string {
  return `<p><label for="${escapeHtml(id)}">${escapeHtml(label)}</label> <select id="${escapeHtml(id)}" name="${escapeHtml(name)}">${options(values, current)}</select></p>`;
}

/** The form's opening tag and the hidden fields that say what it changes. */
const formFor = (action: string, id = '') => `<form method="post" action="${REHEARSAL_PATH}">\n<input type="hidden" name="action" value="${escapeHtml(action)}">${id ? `<input type="hidden" name="id" value="${escapeHtml(id)}">` : ''}`;

/**
 * The rehearsal page: plain forms (no script) that post back to the page, in the host's language.
 *
 * `notice` is what the last change did: `changed`, a problem, or nothing.
 */
export function rehearsalPage(language: Language, world: World, notice: { readonly kind: 'changed' } | { readonly kind: 'problem'; readonly problem: RehearsalProblem } | null = null): string {
  const words = WORDS[language];
  const { business, waba } = mainBusiness(world);
  const pending = world.phones.find((phone) => phone.id === REHEARSAL_PHONE_ID);
  const noticeHtml =
    notice === null ? '' : notice.kind === 'changed' ? `<p class="notice" role="status">${escapeHtml(words.changed)}</p>\n` : `<p class="notice problem" role="alert">${escapeHtml(words.problems[notice.problem])}</p>\n`;
  const numbers = world.phones
    .map(
      (phone) => `<li>${formFor('phone', phone.id)}
<fieldset>
<legend>${escapeHtml(`${phone.display_phone_number} · ${phone.verified_name}`)}</legend>
${select(`name-status-${phone.id}`, 'name_status', words.nameStatus, NAME_STATUSES, phone.name_status)}
${select(`status-${phone.id}`, 'status', words.status, PHONE_STATUSES, phone.status)}
${select(`quality-${phone.id}`, 'quality_rating', words.quality, QUALITY_RATINGS, phone.quality_rating)}
<button type="submit" class="primary">${escapeHtml(words.apply)}</button>
</fieldset>
</form></li>`,
    )
    .join('\n');
  const templates = world.templates
    .map(
      (template) => `<li>${formFor('template', template.id)}
<fieldset>
<legend>${escapeHtml(`${template.name} (${template.language})`)}</legend>
${select(`template-status-${template.id}`, 'status', words.status, TEMPLATE_STATUSES, template.status)}
${select(`template-reason-${template.id}`, 'rejected_reason', words.reason, REJECTION_REASONS, template.rejected_reason ?? 'NONE')}
<button type="submit" class="primary">${escapeHtml(words.apply)}</button>
</fieldset>
</form></li>`,
    )
    .join('\n');
  const body = `<div class="rehearsal">
<h1>${escapeHtml(words.title)}</h1>
${noticeHtml}<p>${escapeHtml(words.intro)}</p>
<section aria-labelledby="rehearsal-business">
<h2 id="rehearsal-business">${escapeHtml(words.businessHeading)}</h2>
${formFor('business')}
<p><label for="business-name">${escapeHtml(words.portfolioName)}</label> <input type="text" id="business-name" name="businessName" required maxlength="${NAME_MAX}" value="${escapeHtml(business?.name ?? '')}"></p>
<p><label for="account-name">${escapeHtml(words.accountName)}</label> <input type="text" id="account-name" name="accountName" required maxlength="${NAME_MAX}" value="${escapeHtml(waba?.name ?? '')}"></p>
<button type="submit" class="primary">${escapeHtml(words.rename)}</button>
</form>
</section>
<section aria-labelledby="rehearsal-number">
<h2 id="rehearsal-number">${escapeHtml(words.numberHeading)}</h2>
<p id="number-help">${escapeHtml(words.numberHelp(waba?.name ?? '', pending?.display_phone_number ?? ''))}</p>
${formFor('number')}
<p><label for="phone-number">${escapeHtml(words.numberLabel)}</label> <input type="tel" id="phone-number" name="phoneNumber" required autocomplete="tel" aria-describedby="number-help" value="${escapeHtml(pending?.display_phone_number ?? '')}"></p>
<button type="submit" class="primary">${escapeHtml(words.useNumber)}</button>
</form>
</section>
<section aria-labelledby="rehearsal-numbers">
<h2 id="rehearsal-numbers">${escapeHtml(words.numbersHeading)}</h2>
<p>${escapeHtml(words.numbersHelp)}</p>
<ul class="forms">
${numbers}
</ul>
</section>
<section aria-labelledby="rehearsal-templates">
<h2 id="rehearsal-templates">${escapeHtml(words.templatesHeading)}</h2>
<ul class="forms">
${templates}
</ul>
</section>
<p><a href="${PHONE_PATH}">${escapeHtml(words.phoneLink)}</a></p>
<p><a href="${SWITCHBOARD_PATH}">${escapeHtml(words.switchboardLink)}</a></p>
</div>`;
  return htmlPage({
    language,
    title: `${words.title} | ${words.titleSuffix}`,
    stylesheet: '/sandbox.css',
    banner: `<span class="logo" aria-hidden="true">f</span> <span class="label">${escapeHtml(words.banner)}</span>`,
    body,
  });
}
