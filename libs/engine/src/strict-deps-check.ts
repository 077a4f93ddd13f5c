import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, dependencyClosure, type Target, type Workspace } from '@mainline/core';
import { checkStrictDeps, strictDepsDiagnostics, type WorkspacePackages } from '@mainline/runner';
import type { LoadedRun } from './prepare-run.ts';

/**
 * Strict deps over some of a target's files (its sources when it builds, its test files
 * before they run): every import of another target's file or package must name a dep in
 * BUILD.json, or `affected` and the cache keys would not see what the target uses.
 */
export function strictDepsProblems(
  run: LoadedRun,
  packages: WorkspacePackages,
  name: string,
  paths: readonly string[],
): Diagnostic[] {
  const target = run.workspace.targets.get(name) as Target;
  const violations = checkStrictDeps({
    target,
    files: paths.map((path) => ({ path, text: readFileSync(join(run.root, path), 'utf8') })),
    owners: (path) => run.owners.owners(path),
    exists: (path) => run.owners.owners(path).length > 0 || existsSync(join(run.root, path)),
    packages,
  });
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
  const violations = checkStrictDeps({
    target: { name, deps: [...target.deps, ...(target.testDeps ?? [])] },
    files: paths.map((path) => ({ path, text: readFileSync(join(run.root, path), 'utf8') })),
    owners: (path) => run.owners.owners(path),
    exists: (path) => run.owners.owners(path).length > 0 || existsSync(join(run.root, path)),
    packages,
  });
  return violations.map((v) => ({
    file: v.file,
    message: `${v.file}:${v.line}:${v.column}: '${v.specifier}' belongs to ${v.owner}, which is neither a dep nor a test dep of ${name}; add "${v.owner}" to the testDeps of ${name} in BUILD.json`,
  }));
}

/** Whether `from` reaches `to` through deps. */
function dependsOn(workspace: Workspace, from: string, to: string): boolean {
  return dependencyClosure(workspace.targets, [from]).has(to);
}
