import { FingerprintMemo } from '@mainline/change';
import { type WorkspacePackages, workspacePackages } from '@mainline/runner';
import type { PreparedRun } from './prepare-run.ts';

/**
 * The run's workspace packages (each target's package.json, checked), read on the first
 * call. Once they pass, the tree is remembered as checked: the package.json files are in
 * it, so a later run of the same tree reads them only if it builds or tests something.
 * `workTree`: the run's snapshot is the work tree the files are read from (not `at`).
 */
export function checkedPackages(
  run: PreparedRun,
  workTree: boolean,
): () => Promise<WorkspacePackages> {
  let reading: Promise<WorkspacePackages> | undefined;
  return () => {
    reading ??= workspacePackages(run.root, run.workspace).then((packages) => {
      if (workTree && !run.packagesChecked) {
        new FingerprintMemo(run.state).remember(run.tree, {
          build: new Map(),
          full: new Map(),
          tested: new Set(),
          packagesChecked: true,
        });
      }
      return packages;
    });
    return reading;
  };
}
