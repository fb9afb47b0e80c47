import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { ipcNamesDefine } from '../../../shared/ipc/names-define';
import { bridgeBundle, rendererDir, repoRoot } from './paths';

/**
 * Builds what the browser tests load: the renderer (when absent) and the harness bridge.
 *
 * `npm test` builds the renderer before Playwright runs; a lone `npx playwright test` on a
 * fresh clone builds it here so it never tests a stale or missing bundle silently.
 */
export default async function globalSetup(): Promise<void> {
  await buildRendererIfNeeded();
  await buildBridge();
}

async function buildRendererIfNeeded(): Promise<void> {
  if (!existsSync(resolve(rendererDir, 'index.html')) || process.env.HARNESS_REBUILD === '1') {
    execFileSync(process.execPath, [resolve(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
  }
}

/** The harness's stand-in for the preload, with the contract's names written in as in the preload. */
export async function buildBridge(): Promise<void> {
  await build({
    entryPoints: [resolve(repoRoot, 'tests/e2e/harness/bridge.ts')],
    define: ipcNamesDefine(),
    outfile: bridgeBundle,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
}
