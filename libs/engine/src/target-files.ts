import type { PreparedRun } from './prepare-run.ts';

export interface TargetFiles {
  /** Files its `srcs` own (repo-relative, sorted). */
  readonly sources: readonly string[];
  /** Files its `tests` own. */
  readonly tests: readonly string[];
}

const byRun = new WeakMap<PreparedRun, ReadonlyMap<string, TargetFiles>>();

/** The files of a target in the run's snapshot, indexed once per run. */
export function targetFiles(run: PreparedRun, target: string): TargetFiles {
  let index = byRun.get(run);
  if (index === undefined) {
    index = indexFiles(run);
    byRun.set(run, index);
  }
  return index.get(target) ?? { sources: [], tests: [] };
}

function indexFiles(run: PreparedRun): ReadonlyMap<string, TargetFiles> {
  const index = new Map<string, { sources: string[]; tests: string[] }>();
  for (const path of [...run.ownedFiles.keys()].sort()) {
    for (const owner of run.ownedFiles.get(path) ?? []) {
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
