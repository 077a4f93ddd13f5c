import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../synth/git.ts';
import { idOf, parseMainline } from './affected-results.ts';
import { type CommandSpec, runOnce } from './measure.ts';
import { changedSource, type RunRepo } from './run-repo.ts';
import { checkMainlineRun, parseMainlineRun, rerunTargets, sameNames } from './run-results.ts';
import { type TimedCase, timeCase } from './timed-case.ts';

export interface ChangeResult {
  readonly changedFile: string;
  /** The changed lib and its transitive dependents, from the generator's graph. */
  readonly expected: number;
  /** Targets whose build or test was not `cached` in the last measured run. */
  readonly rerun: number | null;
  /** Every run, the warm-up included, reran the same targets. */
  readonly rerunStable: boolean;
  /** `mainline affected --uncommitted --json` with the change in the working tree. */
  readonly affected: number | null;
  /** Reran set = affected set = expected set. */
  readonly equal: boolean;
  readonly error: string | null;
}

/**
 * With every target cached, appends a new export to one source file of a mid-graph lib
 * (a different one before each run, so each run sees a new change) and times
 * `mainline test --all --json`, leaving the change uncommitted. Then asks
 * `mainline affected --uncommitted` for the same tree, and restores the file from HEAD.
 */
export function runChangeCase(
  repo: RunRepo,
  mainline: CommandSpec,
  runs: number,
): { timed: TimedCase; change: ChangeResult } {
  const path = join(repo.dir, repo.changedFile);
  const original = git(repo.dir, ['show', `HEAD:${repo.changedFile}`]);
  const reruns: string[][] = [];
  const counts = { builds: repo.targets, tests: repo.targets };
  try {
    const timed = timeCase({
      id: 'mainline-change',
      repoTargets: repo.targets,
      tool: 'mainline',
      command: `mainline test --all --json (one new export in ${repo.changedFile}, uncommitted)`,
      spec: { ...mainline, args: [...mainline.args, 'test', '--all', '--json'] },
      runs,
      verified: 'builds and tests passed or cached; reran set compared below',
      before: (run) => writeFileSync(path, changedSource(original, run)),
      check: (stdout) => {
        const problem = checkMainlineRun(stdout, 'partial', counts);
        const run = parseMainlineRun(stdout);
        if (run) reruns.push(rerunTargets(run));
        return problem;
      },
    });
    const affected = timed.error === null ? affectedNow(mainline) : undefined;
    return { timed, change: changeResult(repo, reruns, affected, timed.error) };
  } finally {
    writeFileSync(path, original);
  }
}

function affectedNow(mainline: CommandSpec): string[] | string {
  const outcome = runOnce({
    ...mainline,
    args: [...mainline.args, 'affected', '--uncommitted', '--json'],
  });
  if (!outcome.ok) return `mainline affected --uncommitted: ${outcome.error}`;
  return parseMainline(outcome.sample.stdout) ?? 'mainline affected printed no affected list';
}

function changeResult(
  repo: RunRepo,
  reruns: readonly string[][],
  affected: string[] | string | undefined,
  error: string | null,
): ChangeResult {
  const last = reruns.at(-1)?.map(idOf);
  const expected = repo.expectedNames.map(idOf);
  const found = Array.isArray(affected) ? affected : undefined;
  return {
    changedFile: repo.changedFile,
    expected: expected.length,
    rerun: last?.length ?? null,
    rerunStable: reruns.length > 0 && reruns.every((names) => sameNames(names, reruns[0] ?? [])),
    affected: found?.length ?? null,
    equal:
      last !== undefined &&
      found !== undefined &&
      sameNames(last, found) &&
      sameNames(found, expected),
    error: error ?? (typeof affected === 'string' ? affected : null),
  };
}
