#!/usr/bin/env node
// `npm start`: builds the app, makes sure the Electron binary is there, and runs the app.
// npm may skip Electron's download script (install scripts off, or no network at install
// time); the download is retried here, once, with its own installer, before giving up clearly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
if (!binary) {
  console.log('Downloading the Electron runtime (first start only)…');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    'The Electron runtime could not be downloaded, so the app cannot start on this machine.\n' +
      'Check the network (or a proxy: ELECTRON_GET_USE_PROXY, ELECTRON_MIRROR) and run `npm start` again.\n' +
      'The test suite (`npm test`) does not need it.',
  );
  process.exit(1);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
child.on('exit', (code) => process.exit(code ?? 0));
