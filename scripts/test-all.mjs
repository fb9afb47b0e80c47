#!/usr/bin/env node
// Runs every check the project has, in order, and ends with one line that counts the tests:
// typecheck, lint (with the layer rules), unit tests, build, Electronegativity over the built
// JS, browser tests in Chromium, and the real-app spec (which skips where no Electron binary
// exists). Every step runs even after a failure, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = resolve(root, '.tmp/results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => resolve(root, 'node_modules/.bin', name);
const hasDisplay = Boolean(process.env.DISPLAY) || process.platform !== 'linux';
const xvfb = !hasDisplay && existsSync('/usr/bin/xvfb-run') ? ['/usr/bin/xvfb-run', '-a'] : [];

const steps = [
  { name: 'typecheck', cmd: [process.execPath, 'scripts/typecheck.mjs'] },
  { name: 'lint', cmd: [bin('eslint'), '.', '--max-warnings=0'] },
  { name: 'unit', cmd: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile=${resolve(results, 'unit.json')}`] },
  { name: 'build', cmd: [bin('electron-vite'), 'build'] },
  { name: 'electronegativity', cmd: [process.execPath, 'scripts/electronegativity.mjs'], needs: 'build' },
  { name: 'e2e', cmd: [bin('playwright'), 'test'], needs: 'build' },
  { name: 'electron', cmd: [...xvfb, bin('playwright'), 'test', '-c', 'tests/electron/playwright.config.ts'], needs: 'build' },
];

const failed = new Set();
for (const step of steps) {
  if (step.needs && failed.has(step.needs)) {
    console.log(`\n== ${step.name}: not run, ${step.needs} failed`);
    failed.add(step.name);
    continue;
  }
  console.log(`\n== ${step.name}`);
  const started = Date.now();
  const [command, ...args] = step.cmd;
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) failed.add(step.name);
  console.log(`== ${step.name}: ${run.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const readJson = (name) => {
  const file = resolve(results, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const unit = readJson('unit.json');
if (unit) {
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + unit.numTodoTests;
}
for (const name of ['e2e.json', 'electron.json']) {
  const report = readJson(name);
  if (report) {
    counts.passed += report.stats.expected + report.stats.flaky;
    counts.failed += report.stats.unexpected;
    counts.skipped += report.stats.skipped;
  }
}

console.log(`\nsteps: ${steps.length - failed.size} ok, ${failed.size} failed${failed.size ? ` (${[...failed].join(', ')})` : ''}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failed.size === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1);
