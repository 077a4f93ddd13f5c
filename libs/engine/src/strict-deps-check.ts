import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, dependencyClosure, type Target, type Workspace } from '@mainline/core';
import {
  checkStrictDeps,
  type StrictDepsViolation,
  strictDepsDiagnostics,
  type WorkspacePackages,
} from '@mainline/runner';
import type { LoadedRun } from './prepare-run.ts';

/**
 * Strict deps over a target's sources when it builds: every import of another target's
 * file or package must name a dep in BUILD.json, or `affected` and the cache keys would
 * not see what the target uses.
 */
export function strictDepsProblems(
  run: LoadedRun,
  packages: WorkspacePackages,
  name: string,
  paths: readonly string[],
): Diagnostic[] {
  const target = run.workspace.targets.get(name) as Target;
  const violations = violationsOf(run, packages, target, paths);
  return strictDepsDiagnostics(violations).map((diagnostic, index) => {
    const owner = violations[index]?.owner as string;
    if (!dependsOn(run.workspace, owner, name)) return diagnostic;
    // Adding the dep the usual hint names would make a cycle.
    return {
      ...diagnostic,
      hint: `${owner} depends on ${name} already, so it cannot also be a dep of it (a cycle): move what both need into a lib of its own`,
    };
  });
}

/**
 * Strict deps over a target's test files, before they run: an import of another target
 * must name one of its deps or testDeps, or a change to that target would not run these
 * tests again. Each problem is a file error of the target's test result.
 */
export function testStrictDepsProblems(
  run: LoadedRun,
  packages: WorkspacePackages,
  name: string,
  paths: readonly string[],
): { file: string; message: string }[] {
  const target = run.workspace.targets.get(name) as Target;
  const allowed = { name, deps: [...target.deps, ...(target.testDeps ?? [])] };
  return violationsOf(run, packages, allowed, paths).map((v) => ({
    file: v.file,
    message: `${v.file}:${v.line}:${v.column}: '${v.specifier}' belongs to ${v.owner}, which is neither a dep nor a test dep of ${name}; add "${v.owner}" to the testDeps of ${name} in BUILD.json`,
  }));
}

/** The imports in `paths` (read from the run's root) of targets outside `target.deps`. */
export function violationsOf(
  run: LoadedRun,
  packages: WorkspacePackages,
  target: { readonly name: string; readonly deps: readonly string[] },
  paths: readonly string[],
): StrictDepsViolation[] {
  return checkStrictDeps({
    target,
    files: paths.map((path) => ({ path, text: readFileSync(join(run.root, path), 'utf8') })),
    owners: (path) => run.owners.owners(path),
    exists: (path) => run.owners.owners(path).length > 0 || existsSync(join(run.root, path)),
    packages,
  });
}

/** Whether `from` reaches `to` through deps. */
function dependsOn(workspace: Workspace, from: string, to: string): boolean {
  return dependencyClosure(workspace.targets, [from]).has(to);
}
