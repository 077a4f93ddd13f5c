import { join } from 'node:path';
import type { WorkspacePackage, WorkspacePackages } from './workspace-package.ts';

export interface CheckConfigInput {
  /** Absolute repository root. */
  readonly root: string;
  /** Repo-relative files to check. */
  readonly files: readonly string[];
  readonly packages: WorkspacePackages;
  /** Absolute path of the repository's config to take compiler options from. */
  readonly extendsConfig: string | undefined;
  /** The repository config's own `paths`, absolute (see readRepoConfig). */
  readonly repoPaths: Readonly<Record<string, readonly string[]>>;
  /** Absolute `typeRoots`, when the config is written outside the repository. */
  readonly typeRoots: readonly string[] | undefined;
}

/**
 * The tsconfig of one checker run, every path absolute so it works from any folder:
 * the repository's compiler options (`extends`), exactly `files` (nothing inherited
 * from `include`), workspace package names mapped to their sources through `paths`
 * (merged over the repository's own, which a `paths` here would otherwise replace),
 * and no output of any kind.
 */
export function checkConfig(input: CheckConfigInput): Record<string, unknown> {
  const compilerOptions: Record<string, unknown> = {
    noEmit: true,
    incremental: false,
    composite: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    rootDir: input.root,
    paths: { ...input.repoPaths, ...packagePaths(input.root, input.packages) },
  };
  if (input.typeRoots !== undefined) compilerOptions.typeRoots = input.typeRoots;
  return {
    ...(input.extendsConfig === undefined ? {} : { extends: input.extendsConfig }),
    compilerOptions,
    files: input.files.map((file) => join(input.root, file)),
    include: [],
  };
}

/** `paths` sending each workspace package (and its subpaths) to its source files. */
export function packagePaths(
  root: string,
  packages: WorkspacePackages,
): Record<string, readonly string[]> {
  const paths: [string, string][] = [];
  for (const pkg of packages.values()) paths.push(...pathsOf(root, pkg));
  paths.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(paths.map(([key, file]) => [key, [file]]));
}

function pathsOf(root: string, pkg: WorkspacePackage): [string, string][] {
  const paths: [string, string][] = [];
  if (pkg.entry !== undefined) paths.push([pkg.name, join(root, pkg.entry)]);
  for (const [subpath, file] of pkg.subpaths) {
    paths.push([pkg.name + subpath.slice(1), join(root, file)]);
  }
  for (const { prefix, suffix, file } of pkg.patterns) {
    // TypeScript substitutes one `*` only.
    if (file.indexOf('*') !== file.lastIndexOf('*')) continue;
    paths.push([`${pkg.name}${prefix.slice(1)}*${suffix}`, join(root, file)]);
  }
  if (!pkg.hasExports) paths.push([`${pkg.name}/*`, join(root, pkg.dir, '*')]);
  return paths;
}
