import { importedPackages, lockfilePath, type SnapshotContents } from '@mainline/affected';
import type { GitRepo } from '@mainline/git';
import { loadBaseWorkspace } from './load-workspace.ts';
import { CompiledBuildFiles } from './compiled-build-files.ts';

const neverTrusted = new CompiledBuildFiles(undefined);

/**
 * Everything the fingerprint definition needs of one tree-ish, read in full: every
 * file's identity and every owned file's imports. Slow by design; it is the yardstick
 * the fast path is checked against (tests, audits).
 */
export async function loadSnapshot(repo: GitRepo, treeish: string): Promise<SnapshotContents> {
  // Never trusted: the yardstick checks every file it reads.
  const { workspace, owners } = await loadBaseWorkspace(repo, treeish, neverTrusted, []);
  const listing = await repo.listFiles(treeish);
  const files = new Map<string, string>();
  for (const [path, entry] of listing) files.set(path, `${entry.mode} ${entry.oid}`);
  const owned = [...listing.keys()].filter((path) => owners.owners(path).length > 0);
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
