import {
  lockfileNeedsManifests,
  lockfilePaths,
  manifestFolders,
  type WorkspaceManifests,
} from '@mainline/affected';
import type { GitRepo, TreeEntry } from '@mainline/git';

export interface SnapshotLockfiles {
  /** The root lockfiles the tree holds, by path. */
  readonly lockfiles: ReadonlyMap<string, string>;
  /** Every package.json by folder, when a lockfile needs them (yarn classic). */
  readonly workspaceManifests: WorkspaceManifests | undefined;
}

/** The lockfiles of a listed tree, and the package.json files only when one needs them. */
export async function snapshotLockfiles(
  repo: GitRepo,
  listing: ReadonlyMap<string, TreeEntry>,
): Promise<SnapshotLockfiles> {
  const present = lockfilePaths.filter((path) => listing.has(path));
  const oidOf = (path: string): string => listing.get(path)?.oid ?? '';
  const blobs =
    present.length === 0 ? new Map<string, string>() : await repo.readBlobs(present.map(oidOf));
  const lockfiles = new Map<string, string>();
  for (const path of present) {
    const text = blobs.get(oidOf(path));
    if (text !== undefined) lockfiles.set(path, text);
  }
  if (![...lockfiles].some(([path, text]) => lockfileNeedsManifests(path, text))) {
    return { lockfiles, workspaceManifests: undefined };
  }
  const folders = manifestFolders(listing.keys());
  const texts = await repo.readBlobs([...folders.values()].map(oidOf));
  const workspaceManifests = new Map<string, string>();
  for (const [dir, path] of folders) {
    const text = texts.get(oidOf(path));
    if (text !== undefined) workspaceManifests.set(dir, text);
  }
  return { lockfiles, workspaceManifests };
}
