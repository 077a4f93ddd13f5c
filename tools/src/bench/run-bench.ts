import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchFacts, type RepoInfo, startBench } from './bench-session.ts';
import { type ChangeResult, runChangeCase } from './change-case.ts';
import type { CommandSpec } from './measure.ts';
import type { RunBenchOptions } from './run-options.ts';
import { prepareRunRepo, type RunRepo } from './run-repo.ts';
import { checkMainlineRun, checkTurboRun, parseMainlineRun, summedSeconds } from './run-results.ts';
import { settle } from './settle.ts';
import { type TimedCase, timeCase } from './timed-case.ts';
import { clearTurboState, linkRunNodeModules } from './turbo-setup.ts';

export type { RepoInfo } from './bench-session.ts';

export interface RunBenchReport extends BenchFacts {
  readonly change: ChangeResult;
  /** Per-target build and test durations of the last cold run, summed. */
  readonly coldSums: { readonly buildSeconds: number; readonly testSeconds: number } | null;
}

/**
 * `mainline test --all` cold, fully cached and after a one-file change, beside
 * `turbo run test` cold and fully cached, on one repo; fully cached on a larger one.
 */
export function runRunBench(options: RunBenchOptions, log: (line: string) => void): RunBenchReport {
  const { launcher, turbo, env, repos, timed, facts } = startBench(options, log);

  const repo = prepare(options, options.targets, repos, log);
  const mainline = mainlineSpec(launcher, repo, env);
  const counts = { builds: repo.targets, tests: repo.targets };
  log(`${repo.targets} targets: mainline test --all, cold (${options.runs} runs + 1 warm-up)`);
  const cold = timed(
    timeCase({
      ...mainlineCase('mainline-cold', repo, mainline, ['test', '--all', '--json'], options.runs),
      command: 'rm -rf .mainline && mainline test --all --json',
      verified: `${repo.targets} builds + ${repo.targets} tests passed, none cached`,
      before: () => clearMainlineState(repo),
      check: (stdout) => checkMainlineRun(stdout, 'cold', counts),
    }),
  );
  log(`${repo.targets} targets: mainline test --all, fully cached`);
  timed(cachedCase(repo, mainline, options.runs));
  log(`${repo.targets} targets: mainline test --all after a one-file change`);
  const { timed: changed, change } = runChangeCase(repo, mainline, options.runs);
  timed(changed);
  for (const [id, args] of [
    ['mainline-build-cold', ['build', '--all', '--json']],
    ['mainline-build-cold-no-typecheck', ['build', '--all', '--no-typecheck', '--json']],
  ] as const) {
    log(`${repo.targets} targets: mainline ${args.slice(0, -1).join(' ')}, cold (1 run)`);
    timed(
      timeCase({
        ...mainlineCase(id, repo, mainline, args, 1),
        command: `rm -rf .mainline && mainline ${args.join(' ')}`,
        warmUp: false,
        verified: `${repo.targets} builds passed, none cached`,
        before: () => clearMainlineState(repo),
        check: (stdout) => checkMainlineRun(stdout, 'cold', { builds: repo.targets, tests: 0 }),
      }),
    );
  }

  if (turbo) {
    const [program = '', ...args] = turbo.command;
    const spec: CommandSpec = { program, args: [...args, 'run', 'test'], cwd: repo.dir, env };
    const tool = `turbo ${turbo.version}`;
    log(`${repo.targets} targets: turbo run test, cold (${options.runs} runs + 1 warm-up)`);
    timed(
      timeCase({
        id: 'turbo-cold',
        repoTargets: repo.targets,
        tool,
        command: 'rm -rf .turbo */*/.turbo */*/node_modules && turbo run test',
        spec,
        runs: options.runs,
        verified: `${repo.targets} tasks successful, 0 cached`,
        before: () => clearTurboState(repo.dir, repo.packages),
        check: (stdout) => checkTurboRun(stdout, 'cold', repo.targets),
      }),
    );
    log(`${repo.targets} targets: turbo run test, fully cached`);
    timed(
      timeCase({
        id: 'turbo-cached',
        repoTargets: repo.targets,
        tool,
        command: 'turbo run test',
        spec,
        runs: options.runs,
        verified: `${repo.targets} of ${repo.targets} cached, FULL TURBO`,
        check: (stdout) => checkTurboRun(stdout, 'cached', repo.targets),
      }),
    );
  }

  const large = prepare(options, options.largeTargets, repos, log);
  const largeSpec = mainlineSpec(launcher, large, env);
  const largeCounts = { builds: large.targets, tests: large.targets };
  log(`${large.targets} targets: mainline test --all, cold, to fill the cache (1 run)`);
  timed(
    timeCase({
      ...mainlineCase('mainline-cold', large, largeSpec, ['test', '--all', '--json'], 1),
      command: 'rm -rf .mainline && mainline test --all --json',
      warmUp: false,
      verified: `${large.targets} builds + ${large.targets} tests passed, none cached`,
      before: () => clearMainlineState(large),
      check: (stdout) => checkMainlineRun(stdout, 'cold', largeCounts),
    }),
  );
  log(`${large.targets} targets: mainline test --all, fully cached`);
  settle(log);
  timed(cachedCase(large, largeSpec, options.runs));

  const coldRun = parseMainlineRun(cold.lastStdout);
  return {
    ...facts(options.runs),
    change,
    coldSums: coldRun
      ? { buildSeconds: summedSeconds(coldRun.builds), testSeconds: summedSeconds(coldRun.tests) }
      : null,
  };
}

function prepare(
  options: RunBenchOptions,
  targets: number,
  repos: RepoInfo[],
  log: (line: string) => void,
): RunRepo {
  log(`preparing the ${targets}-target repo (real code, 10 tests per target) ...`);
  const repo = prepareRunRepo(options.cacheDir, targets, options.fresh);
  if (repo.generationSeconds !== null) log(`  generated in ${repo.generationSeconds.toFixed(1)}s`);
  linkRunNodeModules(repo.dir, repo.packages);
  repos.push({ targets, dir: repo.dir, generationSeconds: repo.generationSeconds });
  return repo;
}

function mainlineSpec(launcher: string, repo: RunRepo, env: NodeJS.ProcessEnv): CommandSpec {
  return { program: launcher, args: [], cwd: repo.dir, env };
}

function mainlineCase(
  id: TimedCase['id'],
  repo: RunRepo,
  mainline: CommandSpec,
  args: readonly string[],
  runs: number,
) {
  return {
    id,
    repoTargets: repo.targets,
    tool: 'mainline',
    command: `mainline ${args.join(' ')}`,
    spec: { ...mainline, args: [...mainline.args, ...args] },
    runs,
  };
}

/** The warm-up fills the cache if a previous case left it empty; then all must be cached. */
function cachedCase(repo: RunRepo, mainline: CommandSpec, runs: number): TimedCase {
  const counts = { builds: repo.targets, tests: repo.targets };
  let warm = true;
  return timeCase({
    ...mainlineCase('mainline-cached', repo, mainline, ['test', '--all', '--json'], runs),
    verified: `${repo.targets} builds + ${repo.targets} tests cached`,
    check: (stdout) => {
      if (warm) {
        warm = false;
        return checkMainlineRun(stdout, 'partial', counts);
      }
      return checkMainlineRun(stdout, 'cached', counts);
    },
  });
}

function clearMainlineState(repo: RunRepo): void {
  rmSync(join(repo.dir, '.mainline'), { recursive: true, force: true });
}
