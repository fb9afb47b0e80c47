import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync as writeAtomic } from 'atomically';
import { BrowserWindow, dialog, session } from 'electron';
import type { FileDialogs, FileFilter, OpenedText } from '../drafts/file-dialogs-port';
import { writeFileAtomic } from '../platform/persistence/atomic-write';
import type { Logger } from '../platform/ports';
import { printWindowOptions } from '../platform/security/window-options';

/** The longest the print window may take to load and print before it is given up. */
const PRINT_TIMEOUT_MS = 60_000;

const toElectronFilters = (filters: readonly FileFilter[]) => filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));

/**
 * Prints HTML to PDF bytes in a hidden window that runs no script and reaches nothing else.
 *
 * The HTML is written to a private temporary folder and loaded as a file (a data: URL would hit
 * Chromium's URL length limit on a big runbook); every request other than that one file is
 * cancelled, so an `<img src="https://…">` in a draft cannot call out while printing.
 */
async function printToPdf(html: string): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'wcsa-runbook-'));
  const page = join(folder, 'runbook.html');
  writeFileSync(page, html, { encoding: 'utf8', mode: 0o600 });
  const pageUrl = pathToFileURL(page).href;
  const partition = `print-${randomUUID()}`;
  // SECURITY: the page may load itself only; remote images, fonts, frames are refused.
  session.fromPartition(partition).webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== pageUrl }));
  const window = new BrowserWindow(printWindowOptions({ partition }));
  // SECURITY: a link or a meta refresh never takes the print window elsewhere.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  let timer: NodeJS.Timeout | undefined;
  try {
    const printed = (async () => {
      await window.loadURL(pageUrl);
      return window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('print timed out')), PRINT_TIMEOUT_MS);
    });
    return await Promise.race([printed, timeout]);
  } finally {
    clearTimeout(timer);
    window.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The OS save and open dialogs, and PDF printing, for the drafts area.
 *
 * Dialogs are attached to the main window when there is one, so they stay in front of it.
 * Saved files are written atomically: an export interrupted half-way never leaves half a file
 * where the admin expects the previous one.
 */
export function createElectronFileDialogs(options: { parent: () => BrowserWindow | null; logger: Logger }): FileDialogs {
  const askSavePath = async (suggestedName: string, filters: readonly FileFilter[]): Promise<string | null> => {
    const parent = options.parent();
    const dialogOptions = { defaultPath: suggestedName, filters: toElectronFilters(filters) };
    const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  return {
    async saveText(suggestedName, text, filters) {
      const path = await askSavePath(suggestedName, filters);
      if (path === null) return null;
      writeFileAtomic(path, text);
      return path;
    },
    async openText(filters, maxBytes): Promise<OpenedText | null> {
      const parent = options.parent();
      const dialogOptions = { properties: ['openFile' as const], filters: toElectronFilters(filters) };
      const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return null;
      // The size first: a file picked by mistake (a video) is never read into memory.
      const bytes = statSync(path).size;
      if (bytes > maxBytes) return { name: basename(path), tooLarge: true, bytes };
      return { name: basename(path), text: readFileSync(path, 'utf8') };
    },
    async savePdfFromHtml(suggestedName, html) {
      const path = await askSavePath(suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (path === null) return null;
      const pdf = await printToPdf(html);
      writeAtomic(path, pdf, { chown: false });
      options.logger.info('runbook printed', { bytes: pdf.length });
      return path;
    },
  };
}
