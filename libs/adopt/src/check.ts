import type { Workspace } from '@mainline/core';
import { OwnershipIndex } from '@mainline/workspace';
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
 * package matches is a difference only when its globs match no file any more. Files are
 * matched as every command matches them (OwnershipIndex: `!` globs read in order, a file
 * its tests hold is a test).
 */
export function compareWithBuildFile(
  inference: Inference,
  workspace: Workspace,
  files: readonly string[],
): Difference[] {
  const differences: Difference[] = [];
  const ownership = OwnershipIndex.build(workspace);
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
    // A dep moved to testDeps by hand (a helper only tests import) is still declared.
    const declaredDeps = [...declared.deps, ...(declared.testDeps ?? [])];
    differences.push(...compareTarget(target, declaredDeps, ownership));
  }
  const stale = new Set([...workspace.targets.keys()].filter((name) => !inferred.has(name)));
  for (let i = 0; i < files.length && stale.size > 0; i++) {
    for (const owner of ownership.owners(files[i] as string)) stale.delete(owner.target);
  }
  for (const name of stale) {
    differences.push({
      type: 'targetWithoutFiles',
      target: name,
      message: `${name}: no file matches its srcs or tests any more (was its package removed?)`,
    });
  }
  for (const path of inference.globalInputs) {
    if (ownership.isGlobalInput(path)) continue;
    differences.push({
      type: 'globalInputMissing',
      path,
      message: `globalInputs: ${path} is missing (root configuration every package reads)`,
    });
  }
  return differences;
}

function compareTarget(
  target: InferredTarget,
  declaredDeps: readonly string[],
  ownership: OwnershipIndex,
): Difference[] {
  const differences: Difference[] = [];
  const deps = new Set(declaredDeps);
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
  const notOwned: string[] = [];
  const notTests: string[] = [];
  for (const file of target.files) {
    const role = ownership.owners(file).find((owner) => owner.target === target.name)?.role;
    if (target.testFiles.has(file)) {
      if (role !== 'test') notTests.push(file);
    } else if (role === undefined) notOwned.push(file);
  }
  // One difference per kind, naming the first file and how many more there are.
  const report = (
    type: 'fileNotOwned' | 'testNotInTests',
    list: readonly string[],
    say: (files: string) => string,
  ): void => {
    const [file] = list;
    if (file === undefined) return;
    const message = `${target.name}: ${say(`${file}${more(list.length)}`)}`;
    differences.push({ type, target: target.name, file, count: list.length, message });
  };
  report('fileNotOwned', notOwned, (files) => `${files} in none of its srcs or tests`);
  report('testNotInTests', notTests, (files) => `test file ${files} not in its tests`);
  return differences;
}

function more(count: number): string {
  return count === 1 ? ' is' : ` and ${count - 1} more file${count === 2 ? '' : 's'} are`;
}
