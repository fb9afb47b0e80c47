/**
 * A file type offered in a save or open dialog.
 *
 * Electron's own shape (`{ name, extensions }`), so the Electron adapter passes it unchanged.
 * `name` is a label such as `JSON` or `HTML`, not a sentence.
 */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** A file the admin picked to open: its text, or only its name when it was too large to read. */
export type OpenedText = { readonly name: string; readonly text: string } | { readonly name: string; readonly tooLarge: true; readonly bytes: number };

/**
 * The OS file dialogs, as the drafts area needs them (export, import, runbook).
 *
 * A port so the core never imports Electron: the app shows the real dialogs, the Node host
 * (tests, benchmarks) writes into and reads from folders the test chooses. Every method answers
 * `null` when the admin cancels.
 */
export interface FileDialogs {
  /** Asks where to save, writes `text` there (UTF-8), and returns the path written. */
  saveText(suggestedName: string, text: string, filters: readonly FileFilter[]): Promise<string | null>;
  /**
   * Asks for a file and reads it, refusing to read more than `maxBytes`.
   *
   * The size is checked before reading, so a huge file (a video picked by mistake) never fills
   * memory; the answer then carries only its name and size.
   */
  openText(filters: readonly FileFilter[], maxBytes: number): Promise<OpenedText | null>;
  /** Asks where to save, prints `html` to a PDF there, and returns the path written. */
  savePdfFromHtml(suggestedName: string, html: string): Promise<string | null>;
}
