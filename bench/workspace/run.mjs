#!/usr/bin/env node
// `npm run bench:workspace`: bundles the TypeScript benchmark with esbuild (as bench/startup
// does) and runs it. It prints figures; it never fails on them.
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = resolve(root, '.tmp/bench/workspace.mjs');
await build({ entryPoints: [resolve(root, 'bench/workspace/workspace.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const { run } = await import(pathToFileURL(outfile).href);
await run();
