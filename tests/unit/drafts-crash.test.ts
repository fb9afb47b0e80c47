import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashBases, crashVersion, versionOf, type CrashBases } from './helpers/drafts-crash-versions';

const root = resolve(__dirname, '../..');
const WORKSPACE = '0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11';
const KILLS = 100;
const LANES = 5;
let child = '';
let bases: CrashBases;
let basesFile = '';

beforeAll(async () => {
  // No tsx here: the child is bundled once, as the benchmarks are, and run by plain Node.
  child = join(root, '.tmp/tests', `drafts-crash-child-${process.pid}.mjs`);
  await build({ entryPoints: [resolve(root, 'tests/unit/helpers/drafts-crash-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm',
    target: 'node20',
    // Everything in one file: each of the 100 starts then loads in a third of the time.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
    absWorkingDir: root,
  });
  bases = crashBases();
  basesFile = join(mkdtempSync(join(tmpdir(), 'wcsa-crash-bases-')), 'bases.json');
  writeFileSync(basesFile, JSON.stringify(bases));
}, 20_000);

/** Children not yet killed by the test: killed when it ends, even by its timeout. */
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const process_ of running) process_.kill('SIGKILL');
  rmSync(child, { force: true });
});

/** Runs the child until it printed `ready` and then for `delayMs`, kills it, and returns its lines. */
function runAndKill(dataDir: string, first: number, delayMs: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const process_ = spawn(process.execPath, [child, dataDir, WORKSPACE, String(first), basesFile], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(process_);
    let out = '';
    let errors = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      const wasReady = out.includes('ready\n');
      out += chunk.toString('utf8');
      if (!wasReady && out.includes('ready\n')) setTimeout(() => process_.kill('SIGKILL'), delayMs);
    });
    process_.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    process_.on('error', reject);
    process_.on('exit', (_code, signal) => {
      running.delete(process_);
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${errors}`));
      else resolvePromise(out.split('\n').filter(Boolean));
    });
  });
}

/**
 * One lane of the test: a data folder, a child started and killed `kills` times in a row.
 *
 * After each kill the file must parse and hold the version before the interrupted save or the
 * interrupted one itself. Returns how many saves completed, to prove the kills hit real work.
 */
async function killRepeatedly(dataDir: string, kills: number): Promise<number> {
  const file = join(dataDir, 'drafts', `${WORKSPACE}.json`);
  /** The version on disk before this run: the one found after the previous kill (-1: no file). */
  let previous = -1;
  let next = 0;
  let completedSaves = 0;
  for (let kill = 0; kill < kills; kill += 1) {
    const lines = await runAndKill(dataDir, next, Math.floor(Math.random() * 40));
    const saving = lines.filter((line) => line.startsWith('saving ')).map((line) => Number(line.slice(7)));
    const saved = lines.filter((line) => line.startsWith('saved ')).map((line) => Number(line.slice(6)));
    completedSaves += saved.length;
    // Before the kill, the file held the last completed save (or what the run started with);
    // the save under way may or may not have reached the disk: those two, nothing else.
    const before = saved.at(-1) ?? previous;
    const interrupted = saving.at(-1) ?? before;
    if (!existsSync(file)) {
      expect(before, `kill ${kill}: no file although version ${before} was saved`).toBe(-1);
      next = interrupted + 1;
      continue;
    }
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof versionOf>[0];
    const version = versionOf(onDisk);
    expect([before, interrupted], `kill ${kill}`).toContain(version);
    expect(onDisk).toEqual(crashVersion(bases, version));
    previous = version;
    next = interrupted + 1;
  }
  return completedSaves;
}

describe('drafts file under crashes', () => {
  it('holds the previous or the new version, whole, after 100 kills at random moments', async () => {
    // Lanes run side by side (each its own folder) so 100 starts of Node fit in the time budget.
    const completed = await Promise.all(Array.from({ length: LANES }, () => killRepeatedly(mkdtempSync(join(tmpdir(), 'wcsa-crash-')), KILLS / LANES)));
    expect(completed.every((count) => count > 0)).toBe(true);
    // 100 Node starts take over 20 s on a busy two-core machine.
  }, 90_000);
});
