import type { LockEntry } from './lock-entry.ts';
import { isJsonObject, type JsonObject, LockfileShapeError } from './shape.ts';

/** What a dependency of a package or a workspace folder resolves to. */
export type LayoutTarget =
  | { readonly kind: 'package'; readonly id: string; readonly name: string }
  | { readonly kind: 'folder'; readonly dir: string };

export interface LayoutPackage {
  /** Unique within the lockfile: pnpm's snapshot key, yarn's resolution. */
  readonly id: string;
  /** The real name (an alias's target), for the package's identity. */
  readonly name: string;
  readonly version: string | undefined;
  readonly integrity: string | undefined;
  readonly resolved: string | undefined;
  /** Dependency name (as imported) -> what it resolves to; unresolved ones left out. */
  readonly deps: ReadonlyMap<string, LayoutTarget>;
}

export interface LayoutFolder {
  /** Repo-relative workspace folder, '' for the root. */
  readonly dir: string;
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly deps: ReadonlyMap<string, LayoutTarget>;
}

/**
 * yarn and pnpm lockfiles describe a resolution graph (each package's and workspace's
 * dependencies resolve to one package), not npm's node_modules tree. This lays that graph
 * out as the isolated tree pnpm installs, in the npm lockfile's own terms: each package
 * in its own folder `node_modules/.store/<id>/node_modules/<name>`, its dependencies as
 * links beside it, each workspace's dependencies as links in `<dir>/node_modules`. Node's
 * resolution over that tree gives exactly the lockfile's resolution, so closures, the
 * changed-package search and resolvePackage() serve every format unchanged.
 */
export function isolatedEntries(
  packages: Iterable<LayoutPackage>,
  folders: Iterable<LayoutFolder>,
): Map<string, LockEntry> {
  const entries = new Map<string, LockEntry>();
  for (const pkg of packages) {
    const key = storeKey(pkg.id, pkg.name);
    entries.set(key, {
      key,
      name: pkg.name,
      version: pkg.version,
      integrity: pkg.integrity,
      resolved: pkg.resolved,
      link: false,
      deps: [...pkg.deps.keys()].sort(),
    });
    const folder = key.slice(0, key.length - pkg.name.length);
    // A package that depends on its own name finds itself, as it would on disk.
    for (const [name, target] of pkg.deps) {
      if (name !== pkg.name) addLink(entries, `${folder}${name}`, target);
    }
  }
  for (const folder of folders) {
    entries.set(folder.dir, {
      key: folder.dir,
      name: folder.name,
      version: folder.version,
      integrity: undefined,
      resolved: undefined,
      link: false,
      deps: [...folder.deps.keys()].sort(),
    });
    const prefix = folder.dir === '' ? 'node_modules/' : `${folder.dir}/node_modules/`;
    for (const [name, target] of folder.deps) addLink(entries, `${prefix}${name}`, target);
  }
  return entries;
}

/** Where the package `id` named `name` sits; ids never hold a `/` once encoded. */
export function storeKey(id: string, name: string): string {
  return `node_modules/.store/${encodeURIComponent(id)}/node_modules/${name}`;
}

function addLink(entries: Map<string, LockEntry>, key: string, target: LayoutTarget): void {
  const resolved = target.kind === 'folder' ? target.dir : storeKey(target.id, target.name);
  entries.set(key, {
    key,
    name: undefined,
    version: undefined,
    integrity: undefined,
    resolved,
    link: true,
    deps: [],
  });
}

/**
 * What the dependency maps `fields` of `owner` (a lockfile entry, or a package.json when
 * `lenient`) resolve to, by name; unresolved ones left out. A malformed map is an error
 * in a lockfile, and skipped in a package.json, whose problems are reported elsewhere.
 */
export function layoutDependencies(
  owner: JsonObject,
  fields: readonly string[],
  where: string,
  resolve: (name: string, version: unknown, where: string) => LayoutTarget | undefined,
  lenient = false,
): Map<string, LayoutTarget> {
  const deps = new Map<string, LayoutTarget>();
  for (const field of fields) {
    const map = owner[field];
    if (map === undefined || map === null) continue;
    if (!isJsonObject(map)) {
      if (lenient) continue;
      throw new LockfileShapeError(`${where}.${field}: expected a mapping`);
    }
    for (const name of Object.keys(map)) {
      const version = map[name];
      if (lenient && typeof version !== 'string') continue;
      const target = resolve(name, version, `${where}.${field}[${JSON.stringify(name)}]`);
      if (target !== undefined) deps.set(name, target);
    }
  }
  return deps;
}
