import type { Owner } from '@mainline/workspace';
import type { LoadedRun } from './prepare-run.ts';

export interface TargetFiles {
  /** Files its `srcs` own (repo-relative, sorted). */
  readonly sources: readonly string[];
  /** Files its `tests` own. */
  readonly tests: readonly string[];
}

const none: TargetFiles = { sources: [], tests: [] };
const byRun = new WeakMap<LoadedRun, ReadonlyMap<string, TargetFiles>>();

/** The files of a target in the run's snapshot, indexed once per run. */
export function targetFiles(run: LoadedRun, target: string): TargetFiles {
  let index = byRun.get(run);
  if (index === undefined) {
    index = filesByTarget(run.ownedFiles);
    byRun.set(run, index);
  }
  return index.get(target) ?? none;
}

/** Each owning target's files, from the owners of every file (paths sorted). */
export function filesByTarget(
  owned: ReadonlyMap<string, readonly Owner[]>,
): ReadonlyMap<string, TargetFiles> {
  const index = new Map<string, { sources: string[]; tests: string[] }>();
  for (const path of [...owned.keys()].sort()) {
    for (const owner of owned.get(path) ?? []) {
      let files = index.get(owner.target);
      if (files === undefined) {
        files = { sources: [], tests: [] };
        index.set(owner.target, files);
      }
      (owner.role === 'src' ? files.sources : files.tests).push(path);
    }
  }
  return index;
}
