/**
 * The child of the crash test: saves drafts through the real repository in a loop until killed.
 *
 * Version `n` is the small or the large drafts (alternating, read from the parent's file) with `n` in the component URL, so
 * the parent can rebuild exactly what any version holds. Before each save it prints
 * `saving <n>`, after it `saved <n>`; pipes are written synchronously on POSIX, so the parent
 * has read every line printed before the kill.
 */
import { createDraftsRepository } from '../../../main/drafts/repository';
import { createConfStoreOpener } from '../../../main/platform/persistence/conf-store';
import { readFileSync } from 'node:fs';
import { crashVersion, type CrashBases } from './drafts-crash-versions';

const [dataDir, workspaceId, firstArg, basesFile] = process.argv.slice(2);
if (!dataDir || !workspaceId || !firstArg || !basesFile) throw new Error('usage: dataDir workspaceId first basesFile');
// Read, not generated: the parent made them once, so each of the 100 starts stays quick.
const bases = JSON.parse(readFileSync(basesFile, 'utf8')) as CrashBases;

const repository = createDraftsRepository({ openStore: createConfStoreOpener(dataDir), dataDir, now: () => new Date(), report: () => undefined });
repository.get(workspaceId);
// The test holds this pipe open; when the test process ends (or times out), it closes and the
// child stops instead of saving on forever.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.stdout.write('ready\n');

for (let n = Number(firstArg); ; n += 1) {
  process.stdout.write(`saving ${n}\n`);
  await repository.save(workspaceId, crashVersion(bases, n));
  process.stdout.write(`saved ${n}\n`);
}
