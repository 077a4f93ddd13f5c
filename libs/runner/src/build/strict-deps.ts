import { posix } from 'node:path';
import { packageNameOf, scanSpecifierSites } from '@mainline/affected';
import { positionAt, type Diagnostic } from '@mainline/core';
import { resolveModulePath, withoutQuery } from './module-candidates.ts';
import { repoPath } from './repo-paths.ts';
import type { WorkspacePackages } from './workspace-package.ts';

export interface StrictDepsInput {
  /** The target whose files are checked, with its declared deps. */
  readonly target: { readonly name: string; readonly deps: readonly string[] };
  /** Its files (repo-relative path and content): sources, and tests if they count. */
  readonly files: readonly { readonly path: string; readonly text: string }[];
  /** The targets owning a repo-relative path (OwnershipIndex.owners fits). */
  readonly owners: (path: string) => readonly { readonly target: string }[];
  /** Whether a repo-relative file exists (a Set's `has` fits): resolves `./x` to `./x.ts`. */
  readonly exists: (path: string) => boolean;
  readonly packages: WorkspacePackages;
}

/** An import of another target's file or package that the importer does not declare. */
export interface StrictDepsViolation {
  /** The importing target. */
  readonly target: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly specifier: string;
  /** The target owning the imported file or package. */
  readonly owner: string;
  /** The dep to add to `target`'s deps: the owner. */
  readonly missingDep: string;
}

/**
 * Every import (static, `export from`, dynamic `import()`, `require()`) in the target's
 * files that reaches another target not in its deps: a relative path resolving to a file
 * owned by such a target (only by such targets), or a workspace package name (or its
 * subpath) of one. Pure: the caller brings contents, owners, existence and packages.
 */
export function checkStrictDeps(input: StrictDepsInput): StrictDepsViolation[] {
  const self = input.target.name;
  const allowed = new Set([self, ...input.target.deps]);
  const violations: StrictDepsViolation[] = [];
  for (const { path, text } of input.files) {
    for (const { specifier, index } of scanSpecifierSites(text)) {
      const owner = undeclaredOwner(input, allowed, path, specifier);
      if (owner === undefined) continue;
      const { line, column } = positionAt(text, index);
      violations.push({
        target: self,
        file: path,
        line,
        column,
        specifier,
        owner,
        missingDep: owner,
      });
    }
  }
  return violations;
}

// `.`, `..`, `./x`, `../x`.
const relative = /^\.\.?(?:\/|$)/;

function undeclaredOwner(
  input: StrictDepsInput,
  allowed: ReadonlySet<string>,
  file: string,
  specifier: string,
): string | undefined {
  if (relative.test(specifier)) {
    const joined = repoPath(posix.dirname(file), withoutQuery(specifier));
    if (joined === undefined) return undefined;
    const imported = resolveModulePath(joined, input.exists) ?? joined;
    const owners = input.owners(imported);
    if (owners.length === 0 || owners.some((o) => allowed.has(o.target))) return undefined;
    return owners[0]?.target;
  }
  const name = packageNameOf(specifier);
  const pkg = name === undefined ? undefined : input.packages.get(name);
  return pkg === undefined || allowed.has(pkg.target) ? undefined : pkg.target;
}

/** Violations as build diagnostics, with the fix as the hint. */
export function strictDepsDiagnostics(violations: readonly StrictDepsViolation[]): Diagnostic[] {
  return violations.map((v) => ({
    severity: 'error',
    file: v.file,
    line: v.line,
    column: v.column,
    message: `'${v.specifier}' belongs to ${v.owner}, which is not a dep of ${v.target}`,
    hint: `add "${v.missingDep}" to the deps of ${v.target} in BUILD.json`,
  }));
}
