import {
  importPatternFor,
  type Lockfile,
  type LockfileImpact,
  type LockfilePlan,
  lockfileImporters,
  lockfileNeedsManifests,
  lockfilePaths,
  manifestFolders,
  planFromLockfiles,
  planLockfile,
  type WorkspaceManifests,
} from '@mainline/affected';
import type { FileChange } from '@mainline/core';
import type { BlobText, GitRepo } from '@mainline/git';
import type { IndexedWorkspace } from './load-workspace.ts';
import type { LockfileSource, ParsedLockfiles } from './parsed-lockfiles.ts';
import type { ResolvedRange } from './resolve-range.ts';

/**
 * Each root lockfile that changed, diffed semantically: only files that import a package
 * whose resolution may have changed are read (found with `git grep`), then resolved
 * exactly. yarn classic's lockfile is read with the package.json files, which say what
 * each workspace depends on: a changed package.json diffs it too, even when yarn.lock
 * itself did not change.
 */
export async function lockfileImpacts(
  repo: GitRepo,
  range: ResolvedRange,
  head: IndexedWorkspace,
  changes: readonly FileChange[],
  parsed: ParsedLockfiles,
): Promise<Map<string, LockfileImpact>> {
  const impacts = new Map<string, LockfileImpact>();
  const touched = lockfilePaths.filter((path) => changes.some((change) => touches(change, path)));
  const manifestChanged = changes.some(
    (change) =>
      isManifest(change.path) || (change.oldPath !== undefined && isManifest(change.oldPath)),
  );
  const wanted =
    manifestChanged && !touched.includes('yarn.lock') ? [...touched, 'yarn.lock'] : touched;
  if (wanted.length === 0) return impacts;
  const blobs = await repo.readBlobsWithIds(
    wanted.flatMap((path) => [`${range.base}:${path}`, `${range.headTreeish}:${path}`]),
  );
  await Promise.all(
    wanted.map(async (path) => {
      const baseBlob = blobs.get(`${range.base}:${path}`);
      const headBlob = blobs.get(`${range.headTreeish}:${path}`);
      const needsManifests =
        lockfileNeedsManifests(path, baseBlob?.text) ||
        lockfileNeedsManifests(path, headBlob?.text);
      const onlyForManifests = !touched.includes(path);
      if (onlyForManifests && !needsManifests) return;
      const source = (blob: BlobText | undefined, rev: string): LockfileSource | undefined =>
        blob && { path, blob: blob.oid, ...(needsManifests ? { manifestsFrom: rev } : {}) };
      const sources = [source(baseBlob, range.base), source(headBlob, range.headTreeish)];
      const [baseLock, headLock] = sources.map((side) => side && parsed.read(side));
      let plan: LockfilePlan;
      if (baseLock && headLock) {
        plan = planFromLockfiles(baseLock, headLock);
      } else {
        const [baseManifests, headManifests] = needsManifests
          ? await manifestsOfBoth(repo, range, changes)
          : [undefined, undefined];
        plan = planLockfile(baseBlob?.text, headBlob?.text, {
          path,
          baseManifests,
          headManifests,
        });
        if (plan.kind === 'candidates') remember(parsed, sources, [plan.base, plan.head]);
      }
      if (plan.kind === 'unparsable') {
        // An unchanged lockfile that cannot be parsed was already so at base: nothing new.
        if (!onlyForManifests) impacts.set(path, plan);
        return;
      }
      if (plan.packages.size === 0) {
        if (!onlyForManifests) impacts.set(path, { kind: 'changed', importers: [] });
        return;
      }
      const paths = await repo.grepFiles(range.headTreeish, importPatternFor([...plan.packages]));
      const owned = paths.filter((file) => head.owners.owners(file).length > 0);
      const contents = await repo.readBlobs(owned.map((file) => `${range.headTreeish}:${file}`));
      const files = owned.map((file) => ({
        path: file,
        content: contents.get(`${range.headTreeish}:${file}`) ?? '',
      }));
      impacts.set(path, { kind: 'changed', importers: lockfileImporters(plan, files) });
    }),
  );
  return impacts;
}

/**
 * Every package.json outside node_modules, by folder, at head and at base. Head's are
 * listed once and read by blob id; base's are head's but for the changed ones, read from
 * base. Reading each as `base:path` took git 2 ms a name (it walks the big libs tree
 * for each), 25 s for 10,000 workspaces.
 */
async function manifestsOfBoth(
  repo: GitRepo,
  range: ResolvedRange,
  changes: readonly FileChange[],
): Promise<[WorkspaceManifests, WorkspaceManifests]> {
  const listing = await repo.listFiles(range.headTreeish);
  const folders = manifestFolders(listing.keys());
  const changed = manifestFolders(
    changes.flatMap((change) =>
      change.oldPath === undefined ? [change.path] : [change.path, change.oldPath],
    ),
  );
  const oidOf = (path: string): string => listing.get(path)?.oid ?? '';
  const baseName = (path: string): string => `${range.base}:${path}`;
  const blobs = await repo.readBlobs([
    ...[...folders.values()].map(oidOf),
    ...[...changed.values()].map(baseName),
  ]);
  const head = new Map<string, string>();
  for (const [dir, path] of folders) {
    const text = blobs.get(oidOf(path));
    if (text !== undefined) head.set(dir, text);
  }
  const base = new Map(head);
  for (const [dir, path] of changed) {
    const text = blobs.get(baseName(path));
    if (text === undefined) base.delete(dir);
    else base.set(dir, text);
  }
  return [base, head];
}

/** Both sides as parsed, each under what it was parsed from (absent sides are not kept). */
function remember(
  parsed: ParsedLockfiles,
  sources: readonly (LockfileSource | undefined)[],
  lockfiles: readonly Lockfile[],
): void {
  sources.forEach((source, side) => {
    const lockfile = lockfiles[side];
    if (source && lockfile) parsed.remember(source, lockfile);
  });
}

function touches(change: FileChange, path: string): boolean {
  return change.path === path || change.oldPath === path;
}

function isManifest(path: string): boolean {
  return path === 'package.json' || path.endsWith('/package.json');
}
