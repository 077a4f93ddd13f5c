import type { Target } from '@mainline/core';
import { type StrictDepsViolation, workspacePackages } from '@mainline/runner';
import { prepareRun, type RunRequest } from './prepare-run.ts';
import { violationsOf } from './strict-deps-check.ts';
import { targetFiles } from './target-files.ts';

/** Files strict deps can scan for imports: scripts, not data (package.json, fixtures). */
const script = /\.[cm]?[jt]sx?$/;

/**
 * Every import, in any file of each target (sources, test files and the helpers beside
 * them), of a file or package owned by a target that is neither a dep nor a test dep.
 * Builds and tests check only sources and test files; this looks at everything a target
 * owns, for the nightly's audit of a target the graph cannot explain.
 */
export async function undeclaredImports(
  request: Omit<RunRequest, 'selection'>,
  targets: readonly string[],
): Promise<ReadonlyMap<string, readonly StrictDepsViolation[]>> {
  const found = new Map<string, readonly StrictDepsViolation[]>();
  if (targets.length === 0) return found;
  const prepared = await prepareRun({ ...request, selection: { names: targets } });
  const run = await prepared.loaded();
  const packages = await workspacePackages(run.root, run.workspace);
  for (const name of targets) {
    const target = run.workspace.targets.get(name) as Target;
    const { sources, tests } = targetFiles(run, name);
    const files = [...sources, ...tests].filter(
      (path) => script.test(path) && !run.links.has(path),
    );
    const allowed = { name, deps: [...target.deps, ...(target.testDeps ?? [])] };
    found.set(name, violationsOf(run, packages, allowed, files));
  }
  return found;
}
