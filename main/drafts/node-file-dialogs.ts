import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileDialogs, OpenedText } from './file-dialogs-port';

/** The Node file dialogs plus the knobs a test turns: what the next open picks, what was saved. */
export interface NodeFileDialogs extends FileDialogs {
  /** The file the next `openText` "picks"; null makes it answer as if cancelled. */
  chooseNextFile(path: string | null): void;
  /** When true, the next save answers as if the admin cancelled. */
  cancelNextSave(): void;
  /** Paths written so far, oldest first. */
  saved(): string[];
}

/**
 * File dialogs without a screen: saves go into `saveDir` under the suggested name, opens read
 * the file the test chose.
 *
 * The Node host cannot print, so `savePdfFromHtml` writes the HTML it would have printed under
 * the PDF's name: a test can still read exactly what would have been printed.
 */
export function createNodeFileDialogs(options: { saveDir: string }): NodeFileDialogs {
  let nextFile: string | null = null;
  let cancelSave = false;
  const saved: string[] = [];

  const write = (suggestedName: string, text: string): string | null => {
    if (cancelSave) {
      cancelSave = false;
      return null;
    }
    mkdirSync(options.saveDir, { recursive: true });
    // basename: a suggested name never escapes the folder the test chose.
    const path = join(options.saveDir, basename(suggestedName));
    writeFileSync(path, text, 'utf8');
    saved.push(path);
    return path;
  };

  return {
    chooseNextFile(path) {
      nextFile = path;
    },
    cancelNextSave() {
      cancelSave = true;
    },
    saved: () => [...saved],
    saveText: async (suggestedName, text) => write(suggestedName, text),
    savePdfFromHtml: async (suggestedName, html) => write(suggestedName, html),
    async openText(_filters, maxBytes): Promise<OpenedText | null> {
      const path = nextFile;
      nextFile = null;
      if (path === null) return null;
      const bytes = statSync(path).size;
      if (bytes > maxBytes) return { name: basename(path), tooLarge: true, bytes };
      return { name: basename(path), text: readFileSync(path, 'utf8') };
    },
  };
}
