import type { Target, Workspace } from '@mainline/core';
import { compileGlob, type PathTest } from '@mainline/workspace';
import type { DependencyField, Inference, InferredTarget } from './types.ts';

/** One way BUILD.json falls behind the workspaces; `message` says it in a line. */
export type Difference = { readonly message: string } & (
  | { readonly type: 'packageWithoutTarget'; readonly target: string }
  | { readonly type: 'targetWithoutFiles'; readonly target: string }
  | {
      readonly type: 'depMissing';
      readonly target: string;
      readonly dep: string;
      readonly package: string;
      readonly field: DependencyField;
    }
  | {
      readonly type: 'fileNotOwned' | 'testNotInTests';
      readonly target: string;
      readonly file: string;
      readonly count: number;
    }
  | { readonly type: 'globalInputMissing'; readonly path: string }
);

/**
 * How BUILD.json (`workspace`) falls behind what `init` infers now. Only what it lacks
 * counts: extra targets, deps, sources, tests and global inputs are hand additions and
 * fine, and a kind or entry may be changed by hand. A target of BUILD.json that no
 * package matches is a difference only when its globs match no file any more.
 */
export function compareWithBuildFile(
  inference: Inference,
  workspace: Workspace,
  files: readonly string[],
): Difference[] {
  const differences: Difference[] = [];
  const inferred = new Set<string>();
  for (const target of inference.targets) {
    inferred.add(target.name);
    const declared = workspace.targets.get(target.name);
    if (declared === undefined) {
      const named = target.packageName === undefined ? '' : ` (${target.packageName})`;
      differences.push({
        type: 'packageWithoutTarget',
        target: target.name,
        message: `${target.name}: a workspace package${named} without a target`,
      });
      continue;
    }
    differences.push(...compareTarget(target, declared));
  }
  for (const target of workspace.targets.values()) {
    if (inferred.has(target.name)) continue;
    const test = matcher([...target.srcs, ...target.tests]);
    if (files.some(test)) continue;
    differences.push({
      type: 'targetWithoutFiles',
      target: target.name,
      message: `${target.name}: no file matches its srcs or tests any more (was its package removed?)`,
    });
  }
  const global = matcher(workspace.globalInputs);
  for (const path of inference.globalInputs) {
    if (global(path)) continue;
    differences.push({
      type: 'globalInputMissing',
      path,
      message: `globalInputs: ${path} is missing (root configuration every package reads)`,
    });
  }
  return differences;
}

function compareTarget(target: InferredTarget, declared: Target): Difference[] {
  const differences: Difference[] = [];
  const deps = new Set(declared.deps);
  for (const dep of target.deps) {
    if (deps.has(dep.target)) continue;
    differences.push({
      type: 'depMissing',
      target: target.name,
      dep: dep.target,
      package: dep.package,
      field: dep.field,
      message: `${target.name}: deps lack ${dep.target} (its ${dep.field} name ${dep.package})`,
    });
  }
  const srcs = matcher(declared.srcs);
  const tests = matcher(declared.tests);
  const notOwned: string[] = [];
  const notTests: string[] = [];
  for (const file of target.files) {
    if (target.testFiles.has(file)) {
      if (!tests(file)) notTests.push(file);
    } else if (!srcs(file) && !tests(file)) notOwned.push(file);
  }
  const [firstNotOwned] = notOwned;
  if (firstNotOwned !== undefined) {
    differences.push({
      type: 'fileNotOwned',
      target: target.name,
      file: firstNotOwned,
      count: notOwned.length,
      message: `${target.name}: ${firstNotOwned}${more(notOwned.length)} in none of its srcs or tests`,
    });
  }
  const [firstNotTest] = notTests;
  if (firstNotTest !== undefined) {
    differences.push({
      type: 'testNotInTests',
      target: target.name,
      file: firstNotTest,
      count: notTests.length,
      message: `${target.name}: test file ${firstNotTest}${more(notTests.length)} not in its tests`,
    });
  }
  return differences;
}

function more(count: number): string {
  return count === 1 ? ' is' : ` and ${count - 1} more file${count === 2 ? '' : 's'} are`;
}

/** Whether a path matches a list of globs: one of them, and none of its `!` ones. */
function matcher(globs: readonly string[]): PathTest {
  const include: PathTest[] = [];
  const exclude: PathTest[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) exclude.push(compileGlob(glob.slice(1)));
    else include.push(compileGlob(glob));
  }
  return (path) => include.some((test) => test(path)) && !exclude.some((test) => test(path));
}
