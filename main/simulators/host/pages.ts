import type { FaultBoard } from './faults';
import { escapeHtml, htmlPage } from './html';
import type { Language, Localized, SimulatorPlugin } from './plugin';

/**
 * Where the switchboard page lives: `GET` shows it, a form `POST` arms a fault or resets.
 *
 * Under `/sandbox/` with the other pages an admin opens in sandbox mode.
 */
export const SWITCHBOARD_PATH = '/sandbox/switchboard';

/** The style sheet of the host's own pages. */
export const HOST_CSS_PATH = '/sandbox/simulator.css';

const WORDS: Localized<{
  readonly switchboard: string;
  readonly banner: string;
  readonly intro: string;
  readonly armedNow: string;
  readonly none: string;
  readonly armed: string;
  readonly reset: string;
  readonly otherPages: string;
  readonly notFoundTitle: string;
  readonly notFound: string;
  readonly unknownFault: string;
  /** Between a plugin's name and a fault's, French putting a space before the colon. */
  readonly colon: string;
}> = {
  en: {
    switchboard: 'Fault switchboard',
    banner: 'Simulator: nothing here reaches a real service.',
    intro: 'Arm a fault to see how the app copes with it. Each fault happens once, at the next call where it can, and then everything works again.',
    armedNow: 'Armed now',
    none: 'None.',
    armed: 'armed',
    reset: 'Reset: disarm every fault',
    otherPages: 'Other simulator pages',
    notFoundTitle: 'This page isn\u2019t available',
    notFound: 'The link may be broken, or the page may have been removed.',
    unknownFault: 'This fault does not exist here; nothing was armed.',
    colon: ': ',
  },
  fr: {
    switchboard: 'Tableau des pannes',
    banner: 'Simulateur\u00a0: rien ici n\u2019atteint un vrai service.',
    intro: 'Armez une panne pour voir comment l\u2019application y fait face. Chaque panne se produit une fois, au prochain appel qui peut la montrer, puis tout refonctionne.',
    armedNow: 'Armées en ce moment',
    none: 'Aucune.',
    armed: 'armée',
    reset: 'Réinitialiser\u00a0: désarmer toutes les pannes',
    otherPages: 'Autres pages du simulateur',
    notFoundTitle: 'Cette page n\u2019est pas disponible',
    notFound: 'Le lien est peut-être rompu, ou la page a été supprimée.',
    unknownFault: 'Cette panne n\u2019existe pas ici\u00a0; rien n\u2019a été armé.',
    colon: '\u00a0: ',
  },
};

function layout(language: Language, title: string, body: string): string {
  return htmlPage({ language, title, stylesheet: HOST_CSS_PATH, banner: `<span class="label">${escapeHtml(WORDS[language].banner)}</span>`, body });
}

/** The value a switchboard button posts: `<plugin>:<fault>`, unique across plugins. */
export function faultButtonValue(plugin: string, kind: string): string {
  return `${plugin}:${kind}`;
}

function faultList(plugin: SimulatorPlugin, board: FaultBoard, language: Language): string {
  const armed = new Set(board.active());
  return board.declarations
    .map((declaration) => {
      const text = declaration.text[language];
      const id = `help-${plugin.name}-${declaration.kind}`;
      const state = armed.has(declaration.kind) ? ` <strong class="armed">(${escapeHtml(WORDS[language].armed)})</strong>` : '';
      return `<li><button type="submit" name="fault" value="${escapeHtml(faultButtonValue(plugin.name, declaration.kind))}" aria-describedby="${escapeHtml(id)}">${escapeHtml(text.title)}</button>${state} <span class="help" id="${escapeHtml(id)}">${escapeHtml(text.help)}</span></li>`;
    })
    .join('\n');
}

/**
 * The switchboard: one button per fault of every plugin, with what it does, the faults armed
 * now, a reset, and links to the plugins' own pages.
 *
 * Plain forms, no script, so it works under the pages' CSP and in any browser a demo uses.
 */
export function switchboardPage(plugins: readonly SimulatorPlugin[], language: Language, notice?: string): string {
  const words = WORDS[language];
  const armedNow = plugins.flatMap((plugin) =>
    plugin.faults.active().map((kind) => `${plugin.title[language]}${words.colon}${plugin.faults.declarations.find((declaration) => declaration.kind === kind)?.text[language].title ?? kind}`),
  );
  const sections = plugins
    .map(
      (plugin) => `<section aria-labelledby="faults-${escapeHtml(plugin.name)}">
<h2 id="faults-${escapeHtml(plugin.name)}">${escapeHtml(plugin.title[language])}</h2>
<form method="post" action="${SWITCHBOARD_PATH}">
<ul class="faults">
${faultList(plugin, plugin.faults, language)}
</ul>
</form>
</section>`,
    )
    .join('\n');
  const links = plugins.flatMap((plugin) => (plugin.pages ?? []).map((page) => `<li><a href="${escapeHtml(page.path)}">${escapeHtml(page.title[language])}</a></li>`));
  return layout(
    language,
    words.switchboard,
    `<h1>${escapeHtml(words.switchboard)}</h1>
${notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>\n` : ''}<p>${escapeHtml(words.intro)}</p>
<section aria-labelledby="armed-now">
<h2 id="armed-now">${escapeHtml(words.armedNow)}</h2>
${armedNow.length ? `<ul class="armed-now">\n${armedNow.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>` : `<p>${escapeHtml(words.none)}</p>`}
<form method="post" action="${SWITCHBOARD_PATH}">
<button type="submit" name="action" value="reset" class="secondary">${escapeHtml(words.reset)}</button>
</form>
</section>
${sections}
${links.length ? `<nav aria-labelledby="other-pages">\n<h2 id="other-pages">${escapeHtml(words.otherPages)}</h2>\n<ul>\n${links.join('\n')}\n</ul>\n</nav>` : ''}`,
  );
}

/** The switchboard's answer to a button that names no fault of any plugin. */
export function unknownFaultNotice(language: Language): string {
  return WORDS[language].unknownFault;
}

/** The host's page for an address no route knows. */
export function notFoundPage(language: Language): string {
  const words = WORDS[language];
  return layout(language, words.notFoundTitle, `<h1>${escapeHtml(words.notFoundTitle)}</h1>\n<p>${escapeHtml(words.notFound)}</p>`);
}

/**
 * The style sheet of the host's pages.
 *
 * A file rather than inline styles, which the pages' CSP forbids; it honours dark mode and
 * keeps focus visible.
 */
export const HOST_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f3f3f3; color: #1b1b1b; }
.banner { background: #5c2d91; color: #fff; padding: 0.75rem 1rem; font-weight: bold; }
main { max-width: 44rem; margin: 1.5rem auto; background: #fff; padding: 1.25rem 1.5rem; border-radius: 8px; }
h1 { font-size: 1.4rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
ul { padding-left: 0; list-style: none; }
li { margin: 0.6rem 0; }
button { font: inherit; padding: 0.5rem 0.9rem; border-radius: 6px; border: 1px solid #5c2d91; background: #5c2d91; color: #fff; cursor: pointer; margin-right: 0.5rem; }
button.secondary { background: #fff; color: #5c2d91; }
.help { display: block; font-size: 0.9rem; margin-top: 0.2rem; }
.armed { color: #a4262c; }
.notice { border-left: 4px solid #a4262c; padding-left: 0.75rem; }
a { color: #5c2d91; }
:focus-visible { outline: 3px solid #0b5fcc; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { body { background: #1b1b1b; color: #f3f3f3; } main { background: #2b2b2b; } button.secondary { background: #2b2b2b; color: #d9b8ff; } a { color: #d9b8ff; } .armed { color: #ff99a4; } }
`;
