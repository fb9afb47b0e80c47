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

/** Median duration of `runs` calls, in milliseconds, after one warm-up call. */
async function median(work: () => unknown, runs = RUNS): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number, bare: number) => `${(value / bare).toFixed(2)}x`;

/**
 * The workspace benchmark: a tenant of 5,000 skills, 500 roles, 200 queues, 200 channels.
 *
 * Prints medians next to their goals; it never fails on them (a figure, not a test).
 */
export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-bench-workspace-'));
  try {
    const drafts = generateDrafts(LARGE_WORKSPACE);
    const repository = createDraftsRepository({ openStore: createConfStoreOpener(dataDir), dataDir, now: () => new Date(), report: () => undefined });
    const workspace = { name: 'Bench', phoneNumber: '+33748111524' };

    const validation = await median(() => validateDrafts(drafts));
    const save = await median(() => repository.save(WORKSPACE, drafts));
    const bareSave = await median(() => writeFileAtomic(join(dataDir, 'bare.json'), JSON.stringify(drafts)));
    const exportText = await median(() => workspaceFileText(workspace, drafts));
    const bareExport = await median(() => JSON.stringify({ workspace, drafts }));
    const text = workspaceFileText(workspace, drafts);
    const importParse = await median(() => {
      if (!parseWorkspaceFile(text).ok) throw new Error('the generated workspace does not import');
    });
    const bareImport = await median(() => JSON.parse(text));

    console.log(`workspace: ${LARGE_WORKSPACE.skills} skills, ${LARGE_WORKSPACE.roles} roles, ${LARGE_WORKSPACE.queues} queues, ${LARGE_WORKSPACE.channels} channels, ${LARGE_WORKSPACE.agents} agents; file ${(text.length / 1024 / 1024).toFixed(2)} MB (import limit ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
    console.log(`full validation (validateDrafts)   median ${ms(validation)}   goal <= 50 ms`);
    console.log(`save through the repository        median ${ms(save)}   bare JSON.stringify + atomic rename ${ms(bareSave)}   ${ratio(save, bareSave)} (goal <= 2x)`);
    console.log(`export (file text)                 median ${ms(exportText)}   bare JSON.stringify ${ms(bareExport)}   ${ratio(exportText, bareExport)} (goal <= 2x)`);
    console.log(`import (parse + schema check)      median ${ms(importParse)}   bare JSON.parse ${ms(bareImport)}   ${ratio(importParse, bareImport)} (goal <= 2x)`);
    console.log(`peak memory (resident set)         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
