import { redactText } from '../logging/redact';
import { osErrorCode } from './store-files';

/** What the OS error box says when the app cannot open its window. */
export interface StartupFailureReport {
  title: string;
  content: string;
}

interface StartupFailure {
  error: unknown;
  /** The data folder, or null when the OS did not give one (`app.getPath` threw). */
  dataDir: string | null;
  /** The OS locale (`fr-CA`...): the box speaks French or English, like the first screen. */
  locale: string;
}

const WORDS = {
  en: {
    title: 'WhatsApp Channel Setup Assistant could not start',
    intro: 'The assistant stopped before it could open its window.',
    folder: 'Data folder',
    unknownFolder: 'unknown (the system did not say where it is)',
    what: 'What happened',
    colon: ': ',
    advice:
      'Check that this folder exists, that your account can write to it and that the disk is not full. Close any sync tool (OneDrive, Dropbox…) or antivirus scan using it, then start the assistant again. If it still fails, send this message to your support team.',
  },
  fr: {
    title: "L'assistant de configuration du canal WhatsApp n'a pas pu démarrer",
    intro: "L'assistant s'est arrêté avant de pouvoir ouvrir sa fenêtre.",
    folder: 'Dossier de données',
    unknownFolder: "inconnu (le système n'a pas indiqué où il se trouve)",
    what: "Ce qui s'est passé",
    // French typography: a space before the colon.
    colon: ' : ',
    advice:
      "Vérifiez que ce dossier existe, que votre compte peut y écrire et que le disque n'est pas plein. Fermez tout outil de synchronisation (OneDrive, Dropbox…) ou analyse antivirus qui l'utilise, puis relancez l'assistant. Si l'erreur persiste, envoyez ce message à votre support.",
  },
} as const;

/**
 * The words of the OS error box shown when starting fails before any window exists.
 *
 * Without it, a throw during start left a process with no window holding the single-instance
 * lock, and every later launch quit silently. The box is the only place left to say what
 * happened: it names the data folder and the OS error (code and message, scrubbed of anything
 * that looks like a token, and cut short), in the OS language. main/app shows it, releases
 * the lock and quits; this function holds the decisions so they are tested on Node.
 */
export function describeStartupFailure({ error, dataDir, locale }: StartupFailure): StartupFailureReport {
  const words = locale.toLowerCase().startsWith('fr') ? WORDS.fr : WORDS.en;
  const code = osErrorCode(error);
  const message = redactText(error instanceof Error ? error.message : String(error)).slice(0, 500);
  const what = code === 'unknown' || message.includes(code) ? message : `${code}: ${message}`;
  return {
    title: words.title,
    content: [words.intro, '', `${words.folder}${words.colon}${dataDir ?? words.unknownFolder}`, `${words.what}${words.colon}${what}`, '', words.advice].join('\n'),
  };
}
