import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder up from this file that holds electron.vite.config.ts. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(resolve(dir, 'electron.vite.config.ts'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no project root above ${start}`);
    dir = parent;
  }
  return dir;
}

// Found by walking up rather than a fixed '../..' so bundled copies (benchmarks) resolve too.
export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const rendererDir = resolve(repoRoot, 'out/renderer');
export const bridgeBundle = resolve(repoRoot, 'out/harness/bridge.js');

/**
 * The Chromium the tests drive: CHROMIUM_PATH, else Debian's, else Playwright's own download.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

/** Flags that keep Chromium quiet on machines whose network is closed. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
