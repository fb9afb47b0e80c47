import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMPORT_BYTES, parseWorkspaceFile, workspaceFileText } from '../../main/drafts/import-export';
import { createDraftsRepository } from '../../main/drafts/repository';
import { writeFileAtomic } from '../../main/platform/persistence/atomic-write';
import { createConfStoreOpener } from '../../main/platform/persistence/conf-store';
import { validateDrafts } from '../../shared/rules/validate-drafts';
import { generateDrafts, LARGE_WORKSPACE } from '../../tests/unit/helpers/drafts-generate';

const RUNS = 21;
const WORKSPACE = '0b7e7a38-52c0-4a0f-9d51-3c2a5b0e9f11';

const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;

/** Milliseconds one call of `work` takes. */
async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Median duration of `runs` calls, in milliseconds, after one warm-up call. */
async function medianOf(work: () => unknown, runs = RUNS): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timed(work));
  return median(times);
}

/**
 * Medians of the product's work and of its bare baseline, their calls interleaved.
 *
 * Alternating the two (after one warm-up each) puts both under the same load at the same
 * moments, so a busy machine slows both instead of skewing their ratio.
 */
async function pairedMedians(product: () => unknown, bare: () => unknown, runs = RUNS): Promise<{ product: number; bare: number }> {
  await product();
  await bare();
  const times = { product: [] as number[], bare: [] as number[] };
  for (let i = 0; i < runs; i += 1) {
    times.product.push(await timed(product));
    times.bare.push(await timed(bare));
  }
  return { product: median(times.product), bare: median(times.bare) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number, bare: number) => `${(value / bare).toFixed(2)}x`;

/**
 * The workspace benchmark: a tenant of 5,000 skills, 500 roles, 200 queues, 200 channels.
 *
 * Prints medians next to their goals; it never fails on them (a figure, not a test). Each
 * product figure and its bare baseline are measured interleaved, call for call.
 */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-bench-workspace-'));
  try {
    const drafts = generateDrafts(LARGE_WORKSPACE);
    const repository = createDraftsRepository({ openStore: createConfStoreOpener(dataDir), dataDir, now: () => new Date(), report: () => undefined });
    const workspace = { name: 'Bench', phoneNumber: '+33748111524' };

    const validation = await medianOf(() => validateDrafts(drafts));
    // Both write through the same atomic writer (atomically: temp file, fsync, rename, owner-only):
    // the baseline does the durability work a save needs, without the repository around it.
    const save = await pairedMedians(
      () => repository.save(WORKSPACE, drafts),
      () => writeFileAtomic(join(dataDir, 'bare.json'), JSON.stringify(drafts)),
    );
    const exportText = await pairedMedians(
      () => workspaceFileText(workspace, drafts),
      () => JSON.stringify({ workspace, drafts }),
    );
    const text = workspaceFileText(workspace, drafts);
    const importFile = () => {
      if (!parseWorkspaceFile(text).ok) throw new Error('the generated workspace does not import');
    };
    // The first import also compiles the file's schema (once per run of the app): timed alone.
    const firstImport = await timed(importFile);
    const importParse = await pairedMedians(importFile, () => JSON.parse(text));

    console.log(`workspace: ${LARGE_WORKSPACE.skills} skills, ${LARGE_WORKSPACE.roles} roles, ${LARGE_WORKSPACE.queues} queues, ${LARGE_WORKSPACE.channels} channels, ${LARGE_WORKSPACE.agents} agents; file ${(text.length / 1024 / 1024).toFixed(2)} MB (import limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
    console.log(`full validation (validateDrafts)   median ${ms(validation)}   goal <= 50 ms`);
    console.log(`save through the repository        median ${ms(save.product)}   bare JSON.stringify + atomic write (same fsync + rename) ${ms(save.bare)}   ${ratio(save.product, save.bare)} (goal <= 2x)`);
    console.log(`export (file text)                 median ${ms(exportText.product)}   bare JSON.stringify ${ms(exportText.bare)}   ${ratio(exportText.product, exportText.bare)} (goal <= 2x)`);
    console.log(`import (parse + schema check)      median ${ms(importParse.product)}   bare JSON.parse ${ms(importParse.bare)}   ${ratio(importParse.product, importParse.bare)} (goal <= 2x); the first, which compiles the schema, ${ms(firstImport)}`);
    console.log(`peak memory (resident set)         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
