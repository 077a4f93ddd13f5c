/**
 * One entry of the lockfile's `packages` map, reduced to what decides module
 * resolution. Fields npm records for other reasons (`license`, `engines`, `funding`,
 * `bin`, `dev`, `optional`, dependency ranges) are dropped at parse time.
 */
export interface LockEntry {
  /** The `packages` key: `node_modules/a/node_modules/@s/b`, `libs/a`, or `''` (root). */
  readonly key: string;
  /** The `name` field: the real name of an aliased package, or a workspace's name. */
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly resolved: string | undefined;
  readonly integrity: string | undefined;
  /** A symlink (a workspace package): `resolved` is the repo-relative folder it points to. */
  readonly link: boolean;
  /** Sorted names of `dependencies`, `optionalDependencies` and `peerDependencies`. */
  readonly deps: readonly string[];
}

const nodeModules = 'node_modules/';

/** The name a package is installed under: what follows the last `node_modules/`. */
export function installNameOf(key: string): string | undefined {
  const at = key.lastIndexOf(nodeModules);
  if (at < 0) return undefined;
  if (at > 0 && key.charCodeAt(at - 1) !== 47 /* / */) return undefined;
  return key.slice(at + nodeModules.length);
}

/**
 * A folder of the repository (a workspace, or another folder a link points to) rather than
 * a package installed under node_modules. It is no external package: its files are some
 * target's, and what its own dependencies resolve to reaches its importers through that
 * target (BUILD.json deps), not through the lockfile.
 */
export function isFolderKey(key: string): boolean {
  return installNameOf(key) === undefined;
}
