#!/usr/bin/env node
// `npm run screenshots`: builds the app, then drives the browser harness through every screen in
// French and English and writes docs/screenshots/<language>-<screen>.png (the README shows
// docs/screenshots/en-requirements.png).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin('electron-vite'), ['build']);
run(bin('playwright'), ['test', '-c', 'tests/screenshots/playwright.config.ts']);
