import { importedPackages, manifestPathOf, type SnapshotContents } from '@mainline/affected';
import type { Workspace } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { type Owner, OwnershipIndex } from '@mainline/workspace';
import { CompiledBuildFiles } from './compiled-build-files.ts';
import { snapshotLockfiles } from './snapshot-lockfiles.ts';
import { loadBaseWorkspace, loadWorkspaceAt } from './load-workspace.ts';

const neverTrusted = new CompiledBuildFiles(undefined);
const noOwners: readonly Owner[] = Object.freeze([]);

export interface SnapshotOptions {
  /** The targets wanted of the workspace: fingerprints are then right for them only. */
  readonly only?: (workspace: Workspace) => ReadonlySet<string>;
  /** A missing or invalid BUILD.json is an error (a run's snapshot), not no targets (a base). */
  readonly strict?: boolean;
  /** Compiled BUILD.json contents to trust; default: none, every file is checked. */
  readonly buildFiles?: CompiledBuildFiles;
}

export interface Snapshot extends SnapshotContents {
  /** Ownership by every target, for any path (`owners` answers for the wanted ones only). */
  readonly allOwners: OwnershipIndex;
  /** The files the wanted targets own, with those owners, in git's order. */
  readonly owned: ReadonlyMap<string, readonly Owner[]>;
}

/**
 * Everything the fingerprint definition needs of one tree-ish: every file's identity and
 * every owned file's imports. With `only`, ownership is worked out for the wanted targets
 * alone, once per file, and only their files are read: on a 1,000-target repository a run
 * about a few targets asks a small glob index 7,000 questions instead of a large one three
 * times as many. Without `buildFiles` it is the yardstick the fast path is checked against
 * (tests, audits), which checks every file it reads.
 */
export async function loadSnapshot(
  repo: GitRepo,
  treeish: string,
  options: SnapshotOptions = {},
): Promise<Snapshot> {
  const buildFiles = options.buildFiles ?? neverTrusted;
  const [{ workspace, owners: allOwners }, listing] = await Promise.all([
    options.strict
      ? loadWorkspaceAt(repo, treeish, buildFiles)
      : loadBaseWorkspace(repo, treeish, buildFiles, []),
    repo.listFiles(treeish),
  ]);
  const wanted = options.only?.(workspace);
  const scoped =
    wanted === undefined
      ? allOwners
      : OwnershipIndex.build(onlyTargets(workspace, wanted), { indexAfter: 0 });
  const files = new Map<string, string>();
  const owned = new Map<string, readonly Owner[]>();
  for (const [path, entry] of listing) {
    files.set(path, `${entry.mode} ${entry.oid}`);
    const owners = scoped.owners(path);
    if (owners.length > 0) owned.set(path, owners);
  }
  const oidOf = (path: string): string => listing.get(path)?.oid ?? '';
  const manifestPaths = [...(wanted ?? workspace.targets.keys())]
    .map(manifestPathOf)
    .filter((path) => listing.has(path));
  const [blobs, { lockfiles, workspaceManifests }] = await Promise.all([
    repo.readBlobs([...owned.keys(), ...manifestPaths].map(oidOf)),
    snapshotLockfiles(repo, listing),
  ]);
  const imports = new Map<string, ReadonlySet<string>>();
  for (const path of owned.keys())
    imports.set(path, importedPackages(blobs.get(oidOf(path)) ?? ''));
  return {
    workspace,
    // Every file of the snapshot was asked about above: the answers are kept.
    owners: {
      owners: (path) => owned.get(path) ?? noOwners,
      isGlobalInput: (path) => scoped.isGlobalInput(path),
    },
    allOwners,
    owned,
    files,
    importsOf: (path) => imports.get(path) ?? new Set(),
    lockfiles,
    workspaceManifests,
    manifestOf: (target) => {
      const oid = listing.get(manifestPathOf(target))?.oid;
      return oid === undefined ? undefined : blobs.get(oid);
    },
  };
}

function onlyTargets(workspace: Workspace, wanted: ReadonlySet<string>): Workspace {
  const targets = new Map([...workspace.targets].filter(([name]) => wanted.has(name)));
  return { ...workspace, targets };
}
