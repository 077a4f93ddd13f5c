import type { Target, Workspace } from '@mainline/core';
import { buildDefinitionKey, globalInputsKey, testDefinitionKey } from './definition-keys.ts';
import type { OwnershipIndex } from '@mainline/workspace';
import {
  type Lockfile,
  readLockfile,
  resolvePackage,
  type WorkspaceManifests,
} from './lockfile/index.ts';
import { manifestKeys } from './manifest.ts';
import { loadCrypto } from './lazy-crypto.ts';

/** Everything of one snapshot (a commit or the working tree) that fingerprints cover. */
export interface SnapshotContents {
  readonly workspace: Workspace;
  readonly owners: OwnershipIndex;
  /** Every file: path -> content identity (git mode and blob id). */
  readonly files: ReadonlyMap<string, string>;
  /** Bare package names a file imports. */
  readonly importsOf: (path: string) => ReadonlySet<string>;
  /** The text of each lockfile at the root (see lockfilePaths), by path; absent ones left out. */
  readonly lockfiles: ReadonlyMap<string, string>;
  /** package.json texts by folder, when a lockfile needs them (lockfileNeedsManifests). */
  readonly workspaceManifests?: WorkspaceManifests | undefined;
  /** The text of a target's manifest (`<target>/package.json`), undefined when there is none. */
  readonly manifestOf: (target: string) => string | undefined;
}

export interface Fingerprints {
  /** Sources, own entry and manifest, deps' build fingerprints, global inputs, used packages. */
  readonly build: ReadonlyMap<string, string>;
  /** The build fingerprint plus test files and the packages they use. */
  readonly full: ReadonlyMap<string, string>;
}

/**
 * The definition of "affected" (design 2.3), computed the slow, obvious way from whole
 * snapshots. The fast path must agree with it; this is what tests and audits check it by.
 */
export function computeFingerprints(
  snapshot: SnapshotContents,
  only?: Iterable<string>,
): Fingerprints {
  const { workspace, owners, files } = snapshot;
  const srcs = new Map<string, string[]>();
  const tests = new Map<string, string[]>();
  const globals: string[] = [globalInputsKey(workspace)];
  for (const path of [...files.keys()].sort()) {
    if (owners.isGlobalInput(path)) globals.push(`${path}\u0000${files.get(path)}`);
    for (const owner of owners.owners(path)) {
      const into = owner.role === 'src' ? srcs : tests;
      into.set(owner.target, [...(into.get(owner.target) ?? []), path]);
    }
  }
  const lockfiles: [string, Lockfile][] = [];
  for (const [path, text] of [...snapshot.lockfiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parsed = readLockfile(path, text, { manifests: snapshot.workspaceManifests });
    if (parsed.ok) lockfiles.push([path, parsed.lockfile]);
    // An unparsable lockfile affects everything: its identity is part of every target.
    else globals.push(`unparsable lockfile ${path} ${files.get(path) ?? ''}`);
  }
  const globalPart = hash(globals);
  const packagesOf = packageResolver(snapshot, lockfiles);
  const describe = (paths: readonly string[]): string[] =>
    paths.flatMap((path) => [path, files.get(path) ?? '', ...packagesOf(path)]);

  const build = new Map<string, string>();
  const buildOf = (name: string): string => {
    const known = build.get(name);
    if (known !== undefined) return known;
    const target = workspace.targets.get(name);
    if (target === undefined) return 'missing';
    const deps = [...target.deps].sort().map((dep) => `${dep}=${buildOf(dep)}`);
    const value = hash([
      buildDefinitionKey(target),
      manifestKeys(snapshot.manifestOf(name)).build,
      globalPart,
      ...deps,
      ...describe(srcs.get(name) ?? []),
    ]);
    build.set(name, value);
    return value;
  };
  const full = new Map<string, string>();
  // `only`: these targets (their build fingerprints cover their deps' as needed).
  for (const name of only ?? workspace.targets.keys()) {
    if (!workspace.targets.has(name)) continue;
    const target = workspace.targets.get(name) as Target;
    full.set(
      name,
      hash([
        buildOf(name),
        testDefinitionKey(target),
        manifestKeys(snapshot.manifestOf(name)).test,
        // Its test deps' builds, names included: a change to one affects this target alone.
        ...[...(target.testDeps ?? [])].sort().map((dep) => `test ${dep}=${buildOf(dep)}`),
        ...describe(tests.get(name) ?? []),
      ]),
    );
  }
  return { build, full };
}

/** Targets whose fingerprint differs between the snapshots or that exist only at head. */
export function affectedByFingerprints(base: SnapshotContents, head: SnapshotContents): string[] {
  const before = computeFingerprints(base).full;
  const after = computeFingerprints(head).full;
  return [...after]
    .filter(([name, fp]) => before.get(name) !== fp)
    .map(([name]) => name)
    .sort();
}

/**
 * `lockfile:pkg=closure` for each package a file imports and each lockfile that resolves
 * it, from the file's folder. A package no lockfile resolves adds nothing, so an absent
 * lockfile and one that resolves nothing the file imports are the same.
 */
function packageResolver(
  snapshot: SnapshotContents,
  lockfiles: readonly (readonly [string, Lockfile])[],
): (path: string) => string[] {
  if (lockfiles.length === 0) return () => [];
  return (path) => {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const parts: string[] = [];
    for (const name of [...snapshot.importsOf(path)].sort()) {
      for (const [lockfilePath, lockfile] of lockfiles) {
        const closure = resolvePackage(lockfile, dir, name)?.closure;
        if (closure !== undefined) parts.push(`${lockfilePath}:${name}=${closure}`);
      }
    }
    return parts;
  };
}

function hash(parts: readonly string[]): string {
  const digest = loadCrypto().createHash('sha256');
  for (const part of parts) digest.update(part).update('\u0000');
  return digest.digest('hex');
}
