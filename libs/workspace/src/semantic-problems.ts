import { isRecord } from './build-file-json.ts';
import { cycleProblems } from './cycle-problems.ts';
import { checkDeps } from './dep-problems.ts';
import { entryProblems } from './entry-problems.ts';
import { globListProblems, lockfileProblems } from './glob-problems.ts';
import { nameProblems } from './name-problems.ts';
import type { Problem } from './problem.ts';

/**
 * Problems the schema cannot express: names, deps, cycles, globs, the lockfile, entries. Runs on
 * the raw parsed document even when it breaks the schema (skipping what has the wrong
 * shape), so one run reports every problem. `names` are the keys of `targets`.
 */
export function semanticProblems(data: unknown, names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (!isRecord(data)) return problems;
  globListProblems(data.globalInputs, undefined, 'globalInputs', problems);
  lockfileProblems(data.globalInputs, problems);

  const targets = data.targets;
  if (!isRecord(targets)) return problems;
  nameProblems(names, problems);
  const targetIndex = new Map<string, number>();
  for (let i = 0; i < names.length; i++) targetIndex.set(names[i] as string, i);
  // The graph as flat arrays (deps of target i: edges[starts[i]] up to edges[starts[i + 1]]).
  const starts = new Int32Array(names.length + 1);
  const edges: number[] = [];
  // When every dep comes earlier in the file (the natural way to write it), no cycle can exist.
  let depsComeFirst = true;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const target = targets[name];
    starts[i] = edges.length;
    if (!isRecord(target)) continue;
    globListProblems(target.srcs, name, 'srcs', problems);
    globListProblems(target.tests, name, 'tests', problems);
    if (target.entry !== undefined) entryProblems(name, target.entry, target.srcs, problems);
    const latest = checkDeps(name, i, target.deps, targetIndex, names, problems, edges);
    if (latest >= i) depsComeFirst = false;
    checkDeps(name, i, target.testDeps, targetIndex, names, problems, [], 'testDeps');
  }
  starts[names.length] = edges.length;
  if (depsComeFirst) return problems;
  const indexOfDep = (target: string, dep: string): number => {
    const deps = (targets[target] as { deps?: unknown } | undefined)?.deps;
    return Array.isArray(deps) ? deps.indexOf(dep) : -1;
  };
  cycleProblems(names, { starts, edges }, indexOfDep, problems);
  return problems;
}
