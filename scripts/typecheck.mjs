#!/usr/bin/env node
// Typechecks each layer with the types of the runtime it runs in: shared/ with neither DOM nor
// Node, main/ with Node only, the renderer with the DOM only, the preload with both, and the
// tests, benchmarks and scripts with what they need. `Buffer` cannot creep into the renderer,
// nor `document` into main.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
let failed = 0;
for (const config of ['tsconfig.shared.json', 'tsconfig.main.json', 'tsconfig.renderer.json', 'tsconfig.preload.json', 'tsconfig.json']) {
  const run = spawnSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
  console.log(`${config}: ${run.status === 0 ? 'ok' : 'FAILED'}`);
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
