import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the Electron binary is, or why there is none, found without importing `electron`
 * (whose entry point throws when its download did not happen).
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(packageDir)) return { missing: 'the electron package is not installed (run npm install)' };
  if (!existsSync(pathFile) && !override) {
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent); run `node node_modules/electron/install.js` where the network allows it' };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is missing at ${binary}` };
}

export const builtMain = join(projectRoot, 'out', 'main', 'index.js');
