#!/usr/bin/env node
// Typechecks each layer with the types of the runtime it runs in: shared/ with neither DOM nor
// Node, main/ with Node only, the renderer with the DOM only, the preload with both, and the
// tests, benchmarks and scripts with what they need. `Buffer` cannot creep into the renderer,
// nor `document` into main.
//
// Translation keys are typed from the English area files that renderer/i18n/resources.ts lists;
// an area file missing from that list would make its keys unknown to `t()`, so it is named here
// before the compiler reports every call that uses one.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
let failed = 0;

const typed = new Set([...readFileSync(resolve(root, 'renderer/i18n/resources.ts'), 'utf8').matchAll(/import\('\.\/en\/([\w-]+\.json)'\)/g)].map((match) => match[1]));
const untyped = readdirSync(resolve(root, 'renderer/i18n/en')).filter((name) => name.endsWith('.json') && !typed.has(name));
for (const name of untyped) console.log(`renderer/i18n/resources.ts does not list en/${name}: add "typeof import('./en/${name}') &" to EnglishCatalog, or t() will not know its keys.`);
if (untyped.length > 0) failed += 1;

for (const config of ['tsconfig.shared.json', 'tsconfig.main.json', 'tsconfig.renderer.json', 'tsconfig.preload.json', 'tsconfig.json']) {
  const run = spawnSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
  console.log(`${config}: ${run.status === 0 ? 'ok' : 'FAILED'}`);
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
