import { importedPackages, lockfilePath, type SnapshotContents } from '@mainline/affected';
import type { Workspace } from '@mainline/core';
import type { GitRepo } from '@mainline/git';
import { loadBaseWorkspace, loadWorkspaceAt } from './load-workspace.ts';
import { CompiledBuildFiles } from './compiled-build-files.ts';

const neverTrusted = new CompiledBuildFiles(undefined);

/**
 * Everything the fingerprint definition needs of one tree-ish: every file's identity and
 * every owned file's imports (of the targets `only` names, when given: fingerprints are
 * then right for those targets and their deps, and only for them). Slow by design; it is the yardstick
 * the fast path is checked against (tests, audits).
 */
export async function loadSnapshot(
  repo: GitRepo,
  treeish: string,
  only?: (workspace: Workspace) => ReadonlySet<string>,
  strict = false,
): Promise<SnapshotContents> {
  // Never trusted: the yardstick checks every file it reads. `strict`: a missing or
  // invalid BUILD.json is an error (a run's snapshot) rather than no targets (a base).
  const { workspace, owners } = strict
    ? await loadWorkspaceAt(repo, treeish, neverTrusted)
    : await loadBaseWorkspace(repo, treeish, neverTrusted, []);
  const wanted = only?.(workspace);
  const listing = await repo.listFiles(treeish);
  const files = new Map<string, string>();
  for (const [path, entry] of listing) files.set(path, `${entry.mode} ${entry.oid}`);
  // Only the files of the wanted targets are read for their imports.
  const owned = [...listing.keys()].filter((path) =>
    owners.owners(path).some((owner) => wanted === undefined || wanted.has(owner.target)),
  );
  const oids = owned.map((path) => listing.get(path)?.oid ?? '');
  const blobs = await repo.readBlobs(oids);
  const imports = new Map<string, ReadonlySet<string>>();
  for (const path of owned) {
    imports.set(path, importedPackages(blobs.get(listing.get(path)?.oid ?? '') ?? ''));
  }
  return {
    workspace,
    owners,
    files,
    importsOf: (path) => imports.get(path) ?? new Set(),
    lockfileText: await repo.readFile(treeish, lockfilePath),
  };
}
