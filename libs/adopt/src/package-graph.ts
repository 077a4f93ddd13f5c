import type { Diagnostic } from '@mainline/core';
import { type Edge, edgesClosingCycles } from './cycles.ts';
import { locate, warning } from './diagnostics.ts';
import type { PackageManifest } from './manifest.ts';
import type { InferredDep } from './types.ts';

export interface PackageGraph {
  /** Per package (by index), the workspace packages it depends on, sorted by folder. */
  readonly deps: readonly (readonly InferredDep[])[];
  /** Per package, how many workspace packages depend on it. */
  readonly dependents: readonly number[];
  readonly warnings: readonly Diagnostic[];
}

/**
 * The workspace packages each package names in its dependencies, devDependencies and
 * peerDependencies, by package name whatever the version (`workspace:*`, `^1.0.0`), without
 * the edges that would close a cycle (BUILD.json allows none; each is a warning at its line).
 */
export function buildPackageGraph(
  folders: readonly string[],
  manifests: readonly PackageManifest[],
  texts: ReadonlyMap<string, string>,
): PackageGraph {
  const warnings: Diagnostic[] = [];
  const byName = new Map<string, number>();
  manifests.forEach(({ name }, i) => {
    if (name === undefined) return;
    const first = byName.get(name);
    if (first === undefined) {
      byName.set(name, i);
      return;
    }
    warnings.push(
      warning(
        `${folders[i]}/package.json`,
        locate(texts.get(folders[i] ?? ''), '"name"'),
        `the package name "${name}" is also ${folders[first]}'s: deps on it go to ${folders[first]}`,
        'give each workspace package its own name',
      ),
    );
  });

  const edges: (Edge & InferredDep)[] = [];
  manifests.forEach((manifest, from) => {
    const seen = new Map<number, Edge & InferredDep>();
    for (const { name, field } of manifest.dependencies) {
      const to = byName.get(name);
      if (to === undefined || to === from) continue;
      const weak = field !== 'dependencies';
      const known = seen.get(to);
      // A package named in two fields is a strong edge when either is `dependencies`.
      if (known !== undefined) {
        if (!weak && known.weak) seen.set(to, { ...known, weak, field });
        continue;
      }
      seen.set(to, { from, to, weak, target: folders[to] ?? '', package: name, field });
    }
    edges.push(...seen.values());
  });

  const closing = new Set(edgesClosingCycles(folders.length, edges));
  for (const edge of closing) {
    const file = folders[edge.from] ?? '';
    warnings.push(
      warning(
        `${file}/package.json`,
        locate(texts.get(file), `"${edge.field}"`, JSON.stringify(edge.package)),
        `${file} -> ${edge.target} left out of deps: it would close a dependency cycle`,
        'BUILD.json allows no dependency cycle; dev and peer dependencies are left out first',
      ),
    );
  }
  const deps: InferredDep[][] = folders.map(() => []);
  const dependents = new Array<number>(folders.length).fill(0);
  for (const edge of edges) {
    if (closing.has(edge)) continue;
    deps[edge.from]?.push({ target: edge.target, package: edge.package, field: edge.field });
    dependents[edge.to] = (dependents[edge.to] ?? 0) + 1;
  }
  for (const list of deps) list.sort((a, b) => (a.target < b.target ? -1 : 1));
  return { deps, dependents, warnings };
}
