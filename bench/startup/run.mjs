#!/usr/bin/env node
// `npm run bench`: builds the renderer and the blank baseline, bundles the TypeScript benchmark
// with esbuild, and runs it (it builds the harness bridge as the browser tests do). It prints
// figures; it never fails on them.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const node = (script, ...args) => execFileSync(process.execPath, [resolve(root, script), ...args], { cwd: root, stdio: 'inherit' });

node('node_modules/electron-vite/bin/electron-vite.js', 'build');
node('node_modules/vite/bin/vite.js', 'build', '--config', 'bench/startup/vite.config.ts');
const outfile = resolve(root, '.tmp/bench/startup.mjs');
await build({ entryPoints: [resolve(root, 'bench/startup/startup.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const { run } = await import(pathToFileURL(outfile).href);
await run();
