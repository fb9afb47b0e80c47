import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Drafts, DRAFTS_SCHEMA_VERSION, emptyDrafts } from '../../shared/model/drafts/drafts';
import { openVersionedDocument, setAside, type DocumentNotice, type Migration, type VersionedDocument } from '../platform/persistence/versioned-document';
import type { Clock, OpenStoreFile } from '../platform/ports';

/**
 * Migrations of the drafts file: `DRAFTS_MIGRATIONS[n]` turns a version-n document into n+1.
 *
 * Empty while only version 1 exists. Pure functions: the persistence layer backs the file up
 * before running them, and sets it aside if they throw.
 */
export const DRAFTS_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Name of the folder, inside the data folder, holding one drafts file per workspace. */
export const DRAFTS_FOLDER = 'drafts';

/** One workspace's drafts as stored, with when they last reached the disk. */
export interface StoredDrafts {
  readonly drafts: Drafts;
  /** ISO time of the last save; null while the workspace has never saved any. */
  readonly savedAt: string | null;
}

/**
 * The drafts files, one per workspace, as the rest of the app uses them.
 *
 * The workspace service calls `copy`, `keepAside` and `bringBack` so a workspace's drafts follow
 * it when it is duplicated, deleted and restored.
 */
export interface DraftsRepository {
  /** Where a workspace's drafts file lives (`<dataDir>/drafts/<workspaceId>.json`). */
  pathOf(workspaceId: string): string;
  /** The latest drafts of a workspace: what was last saved (or is queued), or empty ones. */
  get(workspaceId: string): StoredDrafts;
  /**
   * Saves a workspace's drafts; resolves once they (or a later save's) are on disk.
   *
   * Saves of one file run one at a time, in order; a save queued behind a running one is
   * merged with any later one, so the disk gets the last state without writing each step.
   */
  save(workspaceId: string, drafts: Drafts): Promise<StoredDrafts>;
  /** Resolves when every queued save has been written. */
  flush(): Promise<void>;
  /** Gives `toId` a copy of `fromId`'s drafts (as saved or queued), written now. */
  copy(fromId: string, toId: string): void;
  /** Moves a workspace's drafts file aside (`<file>.deleted-<time>`) and returns where; null without a file. */
  keepAside(workspaceId: string): string | null;
  /** Puts a file kept aside by `keepAside` back in place. */
  bringBack(workspaceId: string, keptAt: string): void;
}

interface Deps {
  /** Opens the app's store files (`<dataDir>/<name>.json`); the repository adds its folder. */
  openStore: OpenStoreFile;
  dataDir: string;
  now: Clock;
  report: (notice: DocumentNotice) => void;
}

/** One file's queue: the state to write next and the promise of the write under way. */
interface Lane {
  document: VersionedDocument<Drafts>;
  /** The newest drafts handed to `save`; written by whichever write runs next. */
  latest: Drafts | null;
  /** Bumped at each save; a write records the revision it wrote. */
  revision: number;
  written: number;
  savedAt: string | null;
  tail: Promise<void>;
  /** Set once the file was kept aside: queued writes must not bring it back. */
  closed: boolean;
}

/** A workspace id as the file name: uuids only, so no id can name a path outside the folder. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The drafts of every workspace, one versioned JSON document each.
 *
 * Each file goes through `openVersionedDocument`, which already makes a file the app cannot use
 * safe: damaged ones set aside and reported, older versions backed up then migrated, newer ones
 * kept, writes atomic (temp file, fsync, rename) so a crash leaves the old or the new file.
 */
export function createDraftsRepository(deps: Deps): DraftsRepository {
  const folder = join(deps.dataDir, DRAFTS_FOLDER);
  const lanes = new Map<string, Lane>();

  const checkId = (workspaceId: string): void => {
    // SECURITY: the id becomes a file name; only a uuid may (no `..`, no separators).
    if (!UUID.test(workspaceId)) throw new Error('not a workspace id');
  };

  const laneOf = (workspaceId: string): Lane => {
    checkId(workspaceId);
    let lane = lanes.get(workspaceId);
    if (!lane) {
      const document = openVersionedDocument<Drafts>({
        openStore: (name) => deps.openStore(`${DRAFTS_FOLDER}/${name}`),
        dataDir: folder,
        name: workspaceId,
        schema: Drafts,
        currentVersion: DRAFTS_SCHEMA_VERSION,
        migrations: DRAFTS_MIGRATIONS,
        defaults: emptyDrafts(),
        now: deps.now,
        report: deps.report,
      });
      lane = { document, latest: null, revision: 0, written: 0, savedAt: null, tail: Promise.resolve(), closed: false };
      lanes.set(workspaceId, lane);
      // Read now, so a damaged file is set aside before the modification time is taken.
      document.read();
      lane.savedAt = modifiedAt(document.path);
    }
    return lane;
  };

  /** Writes the lane's newest state if no write has yet; several queued saves cost one write. */
  const writeLatest = (lane: Lane): void => {
    if (lane.closed || lane.latest === null || lane.written === lane.revision) return;
    const revision = lane.revision;
    lane.document.write(lane.latest);
    lane.written = revision;
    lane.savedAt = deps.now().toISOString();
  };

  const stored = (lane: Lane): StoredDrafts => ({ drafts: lane.latest ?? lane.document.read(), savedAt: lane.savedAt });

  return {
    pathOf: (workspaceId) => laneOf(workspaceId).document.path,
    get: (workspaceId) => stored(laneOf(workspaceId)),
    save(workspaceId, drafts) {
      const lane = laneOf(workspaceId);
      lane.latest = drafts;
      lane.revision += 1;
      // Each save waits for the one before it (a chain per file), then writes the newest state.
      const run = lane.tail.then(() => writeLatest(lane));
      // A failed link must not block the saves queued behind it; its caller still sees it.
      lane.tail = run.catch(() => undefined);
      return run.then(() => stored(lane));
    },
    async flush() {
      await Promise.all([...lanes.values()].map((lane) => lane.tail));
    },
    copy(fromId, toId) {
      const { drafts } = stored(laneOf(fromId));
      const target = laneOf(toId);
      target.latest = drafts;
      target.revision += 1;
      writeLatest(target);
    },
    keepAside(workspaceId) {
      const lane = laneOf(workspaceId);
      // A save still queued is written first: the copy kept aside is the admin's last state.
      writeLatest(lane);
      lane.closed = true;
      lanes.delete(workspaceId);
      if (!existsSync(lane.document.path)) return null;
      return setAside(lane.document.path, 'deleted', deps.now());
    },
    bringBack(workspaceId, keptAt) {
      checkId(workspaceId);
      const path = join(folder, `${workspaceId}.json`);
      // Never over a file that appeared meanwhile: that one would be lost.
      if (!existsSync(path)) renameSync(keptAt, path);
      lanes.delete(workspaceId);
    },
  };
}

/** A file's modification time as ISO, or null when there is no file. */
function modifiedAt(path: string): string | null {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return null;
  }
}
