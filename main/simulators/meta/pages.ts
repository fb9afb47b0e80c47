import { escapeHtml, htmlPage } from '../host/html';
import { SWITCHBOARD_PATH } from '../host/pages';
import type { Language, Localized } from '../host/plugin';
import type { Person, Phone } from './world';

/** Where the simulated phone (the verification codes) lives. */
export const PHONE_PATH = '/sandbox/phone';

/** Why a dialog request is refused, as Meta's error page says it. */
export type DialogProblem = 'clientId' | 'redirectUri' | 'challenge';

/** Messages of the plain pages: refused dialogs, the login_success page, unknown accounts. */
export type MessageKey = DialogProblem | 'unknownAccount' | 'success';

const PERMISSION_TEXT: Localized<Readonly<Record<string, string>>> = {
  en: {
    business_management: 'Manage your business and its assets',
    whatsapp_business_management: 'Manage your WhatsApp Business accounts',
    whatsapp_business_messaging: 'Send and receive WhatsApp messages for your business',
    public_profile: 'Your name and profile picture',
  },
  fr: {
    business_management: 'Gérer votre entreprise et ses ressources',
    whatsapp_business_management: 'Gérer vos comptes WhatsApp Business',
    whatsapp_business_messaging: 'Envoyer et recevoir des messages WhatsApp pour votre entreprise',
    public_profile: 'Votre nom et votre photo de profil',
  },
};

/**
 * Every word of the Meta pages, in both languages.
 *
 * Meta shows its login pages in the person's language; a French demo shows French pages.
 */
const WORDS: Localized<{
  readonly titleSuffix: string;
  readonly banner: string;
  readonly logInTitle: string;
  readonly logInAs: (name: string) => string;
  readonly wantsAccount: (app: string) => string;
  readonly cancel: string;
  readonly continueTitle: (name: string) => string;
  readonly continueHeading: (name: string) => string;
  readonly continueAs: (name: string) => string;
  readonly willReceive: (app: string) => string;
  readonly another: string;
  readonly permissions: string;
  readonly requesting: (app: string) => string;
  readonly loggedInAs: (name: string) => string;
  readonly continue: string;
  readonly errorTitle: string;
  readonly successTitle: string;
  readonly messages: Readonly<Record<MessageKey, string>>;
  readonly phoneTitle: string;
  readonly phoneIntro: string;
  readonly number: string;
  readonly displayName: string;
  readonly lastCode: string;
  readonly sent: string;
  readonly switchboardLink: string;
  readonly rehearsalLink: string;
}> = {
  en: {
    titleSuffix: 'Facebook (sandbox)',
    banner: 'Sandbox: simulated Meta login. Nothing here reaches Meta.',
    logInTitle: 'Log in to Facebook',
    logInAs: (name) => `Log in as ${name}`,
    wantsAccount: (app) => `${app} wants to use your Facebook account. Pick one of the sample people of the sandbox.`,
    cancel: 'Cancel',
    continueTitle: (name) => `Continue as ${name}`,
    continueHeading: (name) => `Continue as ${name}?`,
    continueAs: (name) => `Continue as ${name}`,
    willReceive: (app) => `${app} will receive your name and the permissions it asks for.`,
    another: 'Log in with another account',
    permissions: 'Permissions',
    requesting: (app) => `${app} is requesting access`,
    loggedInAs: (name) => `Logged in as ${name}. Untick what you do not want to allow.`,
    continue: 'Continue',
    errorTitle: 'Sorry, something went wrong',
    successTitle: 'Success',
    messages: {
      clientId: 'Invalid App ID: the client_id parameter is missing or not an App ID.',
      redirectUri: "URL blocked: this redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.",
      challenge: 'The code flow needs code_challenge with code_challenge_method=S256.',
      unknownAccount: 'Unknown account.',
      success: 'SECURITY WARNING: Please treat the URL above as you would your password and do not share it with anyone.',
    },
    phoneTitle: 'Sandbox phone',
    phoneIntro: 'Verification codes the sandbox "sent" by SMS or voice call. Reload the page after requesting a code.',
    number: 'Number',
    displayName: 'Display name',
    lastCode: 'Last code',
    sent: 'Sent',
    switchboardLink: 'Fault switchboard: make Meta fail on purpose',
    rehearsalLink: 'Rehearsal: your business, your number, Meta\u2019s reviews',
  },
  fr: {
    titleSuffix: 'Facebook (bac à sable)',
    banner: 'Bac à sable\u00a0: connexion Meta simulée. Rien ici n\u2019est envoyé à Meta.',
    logInTitle: 'Se connecter à Facebook',
    logInAs: (name) => `Se connecter en tant que ${name}`,
    wantsAccount: (app) => `${app} souhaite utiliser votre compte Facebook. Choisissez l\u2019une des personnes fictives du bac à sable.`,
    cancel: 'Annuler',
    continueTitle: (name) => `Continuer en tant que ${name}`,
    continueHeading: (name) => `Continuer en tant que ${name}\u00a0?`,
    continueAs: (name) => `Continuer en tant que ${name}`,
    willReceive: (app) => `${app} recevra votre nom et les autorisations qu\u2019elle demande.`,
    another: 'Se connecter avec un autre compte',
    permissions: 'Autorisations',
    requesting: (app) => `${app} demande l\u2019accès`,
    loggedInAs: (name) => `Connexion en tant que ${name}. Décochez ce que vous ne voulez pas autoriser.`,
    continue: 'Continuer',
    errorTitle: 'Désolé, une erreur s\u2019est produite',
    successTitle: 'Succès',
    messages: {
      clientId: 'ID d\u2019application non valide\u00a0: le paramètre client_id est absent ou n\u2019est pas un ID d\u2019application.',
      redirectUri: 'URL bloquée\u00a0: cette redirection a échoué car l\u2019URI de redirection ne figure pas dans les paramètres OAuth client de l\u2019application.',
      challenge: 'Le flux par code demande code_challenge avec code_challenge_method=S256.',
      unknownAccount: 'Compte inconnu.',
      success: 'AVERTISSEMENT DE SÉCURITÉ\u00a0: traitez l\u2019URL ci-dessus comme votre mot de passe et ne la communiquez à personne.',
    },
    phoneTitle: 'Téléphone du bac à sable',
    phoneIntro: 'Codes de vérification «\u00a0envoyés\u00a0» par le bac à sable par SMS ou appel vocal. Rechargez la page après avoir demandé un code.',
    number: 'Numéro',
    displayName: 'Nom affiché',
    lastCode: 'Dernier code',
    sent: 'Envoyé',
    switchboardLink: 'Tableau des pannes\u00a0: faire échouer Meta exprès',
    rehearsalLink: 'Répétition\u00a0: votre entreprise, votre numéro, les examens de Meta',
  },
};

/** The phone page's title, also its link on the switchboard page. */
export const PHONE_TITLE: Localized = { en: WORDS.en.phoneTitle, fr: WORDS.fr.phoneTitle };

function layout(language: Language, title: string, body: string): string {
  return htmlPage({
    language,
    title: `${title} | ${WORDS[language].titleSuffix}`,
    stylesheet: '/sandbox.css',
    banner: `<span class="logo" aria-hidden="true">f</span> <span class="label">${escapeHtml(WORDS[language].banner)}</span>`,
    body,
  });
}

/** Hidden field carrying the dialog's original query, so every step answers the same request. */
const carry = (query: string) => `<input type="hidden" name="q" value="${escapeHtml(query)}">`;

/**
 * The account chooser: log in as one of the seeded people, or cancel.
 *
 * Buttons in a plain form (no script), so the page works under the strictest CSP.
 */
export function choosePage(language: Language, query: string, appName: string, people: readonly Person[]): string {
  const words = WORDS[language];
  const buttons = people
    .map((person) => `<li><button type="submit" name="person" value="${escapeHtml(person.id)}" class="account">${escapeHtml(words.logInAs(person.name))} <span class="email">${escapeHtml(person.email)}</span></button></li>`)
    .join('\n');
  return layout(
    language,
    words.logInTitle,
    `<h1>${escapeHtml(words.logInTitle)}</h1>
<p>${escapeHtml(words.wantsAccount(appName))}</p>
<form method="post" action="/sandbox/login">
${carry(query)}
<input type="hidden" name="action" value="choose">
<ul class="accounts">
${buttons}
</ul>
</form>
<form method="post" action="/sandbox/login">
${carry(query)}
<button type="submit" name="action" value="cancel" class="secondary">${escapeHtml(words.cancel)}</button>
</form>`,
  );
}

/**
 * "Continue as <name>" for a person the simulator remembers (its session cookie).
 *
 * Also offers another account and cancel, as Meta's page does.
 */
export function continuePage(language: Language, query: string, appName: string, person: Person): string {
  const words = WORDS[language];
  return layout(
    language,
    words.continueTitle(person.name),
    `<h1>${escapeHtml(words.continueHeading(person.name))}</h1>
<p>${escapeHtml(words.willReceive(appName))}</p>
<form method="post" action="/sandbox/login">
${carry(query)}
<input type="hidden" name="person" value="${escapeHtml(person.id)}">
<button type="submit" name="action" value="continue" class="primary">${escapeHtml(words.continueAs(person.name))}</button>
<button type="submit" name="action" value="another" class="link">${escapeHtml(words.another)}</button>
<button type="submit" name="action" value="cancel" class="secondary">${escapeHtml(words.cancel)}</button>
</form>`,
  );
}

/**
 * The permissions page: one ticked checkbox per permission still to answer.
 *
 * Unticking one declines it, which the app must then show as missing.
 */
export function consentPage(language: Language, query: string, appName: string, person: Person, asked: readonly string[]): string {
  const words = WORDS[language];
  const boxes = asked
    .map(
      (scope) =>
        `<li><input type="checkbox" id="scope-${escapeHtml(scope)}" name="grant" value="${escapeHtml(scope)}" checked> <label for="scope-${escapeHtml(scope)}">${escapeHtml(PERMISSION_TEXT[language][scope] ?? scope)} <code>${escapeHtml(scope)}</code></label></li>`,
    )
    .join('\n');
  return layout(
    language,
    words.permissions,
    `<h1>${escapeHtml(words.requesting(appName))}</h1>
<p>${escapeHtml(words.loggedInAs(person.name))}</p>
<form method="post" action="/sandbox/consent">
${carry(query)}
<input type="hidden" name="person" value="${escapeHtml(person.id)}">
<fieldset>
<legend>${escapeHtml(words.permissions)}</legend>
<ul class="scopes">
${boxes}
</ul>
</fieldset>
<button type="submit" name="action" value="continue" class="primary">${escapeHtml(words.continue)}</button>
<button type="submit" name="action" value="cancel" class="secondary">${escapeHtml(words.cancel)}</button>
</form>`,
  );
}

/**
 * A plain page with a title and a message: a refused dialog request, an unknown account, or the
 * login_success page a browser would show after the redirect.
 */
export function messagePage(language: Language, message: MessageKey): string {
  const words = WORDS[language];
  const title = message === 'success' ? words.successTitle : words.errorTitle;
  return layout(language, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(words.messages[message])}</p>`);
}

/**
 * The simulated "phone": where a person playing along reads the verification codes.
 *
 * Links to the fault switchboard, which links back, so a demo moves between the two.
 */
export function phonePage(language: Language, phones: readonly Phone[]): string {
  const words = WORDS[language];
  const rows = phones
    .map(
      (phone) =>
        `<tr><th scope="row">${escapeHtml(phone.display_phone_number)}</th><td>${escapeHtml(phone.verified_name)}</td><td class="code">${phone.lastCode ? escapeHtml(phone.lastCode.code) : '–'}</td><td>${phone.lastCode ? `${phone.lastCode.method} ${phone.lastCode.sentAt.toISOString()}` : ''}</td></tr>`,
    )
    .join('\n');
  return layout(
    language,
    words.phoneTitle,
    `<h1>${escapeHtml(words.phoneTitle)}</h1>
<p>${escapeHtml(words.phoneIntro)}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(words.number)}</th><th scope="col">${escapeHtml(words.displayName)}</th><th scope="col">${escapeHtml(words.lastCode)}</th><th scope="col">${escapeHtml(words.sent)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="${SWITCHBOARD_PATH}">${escapeHtml(words.switchboardLink)}</a></p>
<p><a href="/sandbox/rehearsal">${escapeHtml(words.rehearsalLink)}</a></p>`,
  );
}

/**
 * The style sheet of the Meta pages, served as /sandbox.css.
 *
 * A file rather than inline styles, which the pages' CSP forbids; it honours dark mode and
 * keeps focus visible.
 */
export const META_PAGES_CSS = `
:root { color-scheme: light dark; font-family: Helvetica, Arial, sans-serif; }
body { margin: 0; background: #f0f2f5; color: #1c1e21; }
.banner { background: #0b5fcc; color: #fff; padding: 0.75rem 1rem; display: flex; gap: 0.75rem; align-items: center; }
.logo { font-weight: bold; font-size: 1.5rem; background: #fff; color: #0b5fcc; border-radius: 50%; width: 2rem; height: 2rem; display: inline-flex; align-items: center; justify-content: center; }
.label { font-weight: bold; }
main { max-width: 28rem; margin: 1.5rem auto; background: #fff; padding: 1.25rem 1.5rem; border-radius: 8px; box-shadow: 0 2px 4px rgba(0,0,0,.1); }
h1 { font-size: 1.25rem; }
ul { list-style: none; padding: 0; }
li { margin: 0.5rem 0; }
button { font: inherit; padding: 0.6rem 1rem; border-radius: 6px; border: 1px solid #8a8d91; background: #fff; color: #1c1e21; cursor: pointer; margin: 0.25rem 0.25rem 0.25rem 0; }
button.primary, button.account { background: #0b5fcc; color: #fff; border-color: #0b5fcc; }
button.account { width: 100%; text-align: left; }
button.link { border: none; color: #0b5fcc; text-decoration: underline; }
.email { display: block; font-size: 0.85rem; }
fieldset { border: 1px solid #ccd0d5; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccd0d5; padding: 0.4rem; text-align: left; }
.code { font-family: monospace; font-size: 1.2rem; }
main:has(> .rehearsal) { max-width: 46rem; }
.rehearsal ul.forms > li { margin: 1rem 0; }
.rehearsal label { display: block; margin-bottom: 0.2rem; }
.rehearsal input, .rehearsal select { font: inherit; padding: 0.4rem; border: 1px solid #8a8d91; border-radius: 6px; background: inherit; color: inherit; width: 100%; max-width: 24rem; box-sizing: border-box; }
.notice { border-left: 4px solid #1877f2; padding-left: 0.75rem; }
.notice.problem { border-left-color: #c0392b; }
a { color: #0b5fcc; }
:focus-visible { outline: 3px solid #0b5fcc; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { body { background: #18191a; color: #e4e6eb; } main { background: #242526; } button { background: #3a3b3c; color: #e4e6eb; } button.link, a { color: #6ea8fe; } }
`;
