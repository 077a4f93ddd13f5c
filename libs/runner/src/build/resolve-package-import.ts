import { packageNameOf } from '@mainline/affected';
import type { WorkspacePackage, WorkspacePackages } from './workspace-package.ts';

/** Where an import of a workspace package leads, in the source tree. */
export type PackageImport =
  /** A source file, repo-relative. */
  | { readonly kind: 'file'; readonly package: WorkspacePackage; readonly file: string }
  /** A path inside a package without `exports`, to resolve like a relative import. */
  | { readonly kind: 'path'; readonly package: WorkspacePackage; readonly path: string }
  | { readonly kind: 'unresolved'; readonly package: WorkspacePackage; readonly message: string };

/**
 * Resolves `specifier` when it names a workspace package (or a subpath of one) to its
 * source: the entry, an `exports` subpath or pattern, or, without `exports`, the path
 * inside the package folder. Undefined when it is not a workspace package.
 */
export function resolvePackageImport(
  packages: WorkspacePackages,
  specifier: string,
): PackageImport | undefined {
  const name = packageNameOf(specifier);
  const pkg = name === undefined ? undefined : packages.get(name);
  if (pkg === undefined) return undefined;
  const rest = specifier.slice(pkg.name.length);
  if (rest === '') {
    return pkg.entry === undefined
      ? unresolved(pkg, `package ${pkg.name} (${pkg.target}) has no TypeScript source entry`)
      : { kind: 'file', package: pkg, file: pkg.entry };
  }
  const subpath = `.${rest}`;
  if (badSegment.test(rest)) return unresolved(pkg, `subpath '${subpath}' is not a valid path`);
  const exact = pkg.subpaths.get(subpath);
  if (exact !== undefined) return { kind: 'file', package: pkg, file: exact };
  for (const { prefix, suffix, file } of pkg.patterns) {
    if (subpath.length < prefix.length + suffix.length) continue;
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    const star = subpath.slice(prefix.length, subpath.length - suffix.length);
    return { kind: 'file', package: pkg, file: file.replaceAll('*', star) };
  }
  if (!pkg.hasExports) return { kind: 'path', package: pkg, path: `${pkg.dir}${rest}` };
  return unresolved(pkg, `subpath '${subpath}' is not a TypeScript source exported by ${pkg.name}`);
}

// As Node refuses them in subpaths: empty, `.`, `..` and `node_modules` segments.
const badSegment = /\/(?:\.{0,2}|node_modules)(?:\/|$)/;

function unresolved(pkg: WorkspacePackage, message: string): PackageImport {
  return { kind: 'unresolved', package: pkg, message };
}
