import { type ExternalPackage, findExternal } from './externals.ts';
import {
  json,
  rootExternalDependencies,
  rootPackageName,
  targetDependencies,
  workspaceGlobs,
  workspaceVersion,
} from './manifests.ts';
import type { ResolvedSynthOptions } from './options.ts';
import type { GeneratedFile, SynthTarget } from './types.ts';

type LockEntry = Record<string, unknown>;

/**
 * package-lock.json, lockfileVersion 3, shaped as npm writes it: the root, one entry per
 * workspace folder, a link per workspace package, and hoisted external packages with
 * conflicting transitive versions nested below their dependent. Registry URLs are
 * omitted (npm's `omit-lockfile-registry-resolved`), integrity is kept.
 */
export function packageLock(
  targets: readonly SynthTarget[],
  options: ResolvedSynthOptions,
): GeneratedFile {
  const byName = new Map(targets.map((t) => [t.name, t]));
  const packages: Record<string, LockEntry> = {};
  if (options.npmWorkspaces) {
    for (const target of targets) {
      const dependencies = targetDependencies(target, byName);
      packages[target.name] = {
        name: target.packageName,
        version: workspaceVersion,
        ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
      };
      packages[`node_modules/${target.packageName}`] = { resolved: target.name, link: true };
    }
  }
  const direct = [...new Set(targets.flatMap((t) => t.externals))].sort();
  for (const [path, pkg] of hoist(direct)) packages[path] = externalEntry(pkg);

  const rootDependencies = options.npmWorkspaces ? {} : rootExternalDependencies(targets);
  const root: LockEntry = {
    name: rootPackageName,
    version: workspaceVersion,
    ...(options.npmWorkspaces ? { workspaces: workspaceGlobs } : {}),
    ...(Object.keys(rootDependencies).length > 0 ? { dependencies: rootDependencies } : {}),
  };
  const sorted = Object.keys(packages).sort();
  const lock = {
    name: rootPackageName,
    version: workspaceVersion,
    lockfileVersion: 3,
    requires: true,
    packages: { '': root, ...Object.fromEntries(sorted.map((key) => [key, packages[key]])) },
  };
  return { path: 'package-lock.json', content: json(lock) };
}

/** npm's layout for this catalog: direct packages at the top, a conflicting dep nested. */
function hoist(direct: readonly string[]): Map<string, ExternalPackage> {
  const layout = new Map<string, ExternalPackage>();
  for (const name of direct) layout.set(`node_modules/${name}`, findExternal(name));
  for (const name of direct) {
    for (const dep of findExternal(name).dependencies ?? []) {
      const top = layout.get(`node_modules/${dep.name}`);
      if (!top) layout.set(`node_modules/${dep.name}`, findExternal(dep.name, dep.version));
      else if (top.version !== dep.version) {
        layout.set(
          `node_modules/${name}/node_modules/${dep.name}`,
          findExternal(dep.name, dep.version),
        );
      }
    }
  }
  return layout;
}

function externalEntry(pkg: ExternalPackage): LockEntry {
  const dependencies = Object.fromEntries((pkg.dependencies ?? []).map((d) => [d.name, d.range]));
  return {
    version: pkg.version,
    integrity: pkg.integrity,
    license: pkg.license,
    ...(pkg.dependencies ? { dependencies } : {}),
    ...(pkg.engines ? { engines: pkg.engines } : {}),
  };
}
