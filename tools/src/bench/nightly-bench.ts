import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchFacts, startBench } from './bench-session.ts';
import { checkNightlyReports, checkNightlyRun, reportSeconds } from './nightly-results.ts';
import { type NightlyRepo, prepareNightlyRepo } from './nightly-repo.ts';
import { parseSessionArgs, type RunBenchOptions } from './run-options.ts';
import { checkTurboRun } from './run-results.ts';
import { type TimedCase, timeCase } from './timed-case.ts';
import { clearTurboState } from './turbo-setup.ts';

/** bench:run's flags; `largeTargets` is the repository of the nightly alone (0: none). */
export type NightlyBenchOptions = RunBenchOptions;

export interface NightlyBenchReport extends BenchFacts {
  /** The time each measured nightly took to produce its reports, by repository. */
  readonly reportTimes: readonly ReportTimes[];
}

export interface ReportTimes {
  readonly targets: number;
  readonly seconds: readonly number[];
}

/** Tests per target in bench:run's generated repositories. */
const testsPerTarget = 10;

export const nightlyBenchUsage = `usage: bench-nightly [--targets 200] [--large-targets 1000] [--runs 5] [--skip-turbo] [--json]
  --targets N          the repository of the side-by-side cases (default 200)
  --large-targets N    the repository of the nightly alone, 1 run (default 1000; 0: none)
  --runs N             measured runs of each side-by-side case (default 5)
  --skip-turbo         time mainline only
  --cache-dir DIR      where repositories and tools are kept (default $TMPDIR/mainline-bench)
  --fresh              prepare the nightly repositories again
  --mainline FILE      the launcher to time (default: this checkout's properties/cli/bin/mainline)`;

export function parseNightlyBenchArgs(argv: readonly string[]): NightlyBenchOptions {
  return parseSessionArgs(argv, { largeTargetsMin: 0, usage: nightlyBenchUsage });
}

/**
 * A full `mainline nightly` of bench:run's generated repository with real tests, beside
 * `turbo run build test` of every package on the same repository (both from nothing:
 * the nightly reads no cached result, turbo's caches are deleted before each run); then
 * the nightly alone on the larger repository, once.
 */
export function runNightlyBench(
  options: NightlyBenchOptions,
  log: (line: string) => void,
): NightlyBenchReport {
  const { launcher, turbo, env, repos, timed, facts } = startBench(options, log);
  const reportTimes: ReportTimes[] = [];
  const prepare = (targets: number): NightlyRepo => {
    log(`preparing the ${targets}-target nightly repository ...`);
    const repo = prepareNightlyRepo(options.cacheDir, targets, options.fresh);
    repos.push({ targets, dir: repo.dir, generationSeconds: repo.generationSeconds });
    return repo;
  };
  const nightly = (repo: NightlyRepo, runs: number): TimedCase => {
    // Outside the repository: reports in its tree would change the tree the nightly tests.
    const reports = join(options.cacheDir, `nightly-reports-t${repo.targets}`);
    const seconds: number[] = [];
    reportTimes.push({ targets: repo.targets, seconds });
    let run = 0;
    return timeCase({
      id: 'mainline-nightly',
      repoTargets: repo.targets,
      tool: 'mainline',
      command: `mainline nightly --report DIR --json`,
      spec: {
        program: launcher,
        args: ['nightly', '--report', reports, '--json'],
        cwd: repo.dir,
        env,
      },
      runs,
      warmUp: runs > 1,
      verified: `${repo.targets} targets built afresh and green (${testsPerTarget} tests each); 4 report files`,
      before: (index) => {
        run = index;
        rmSync(reports, { recursive: true, force: true });
      },
      check: (stdout, stderr) => {
        const problem =
          checkNightlyRun(stdout, repo.targets, testsPerTarget) ?? checkNightlyReports(reports);
        if (problem !== null) return problem;
        const taken = reportSeconds(stderr);
        if (taken === null) return 'no "reports written N s after the run ended" on stderr';
        if (run > 0) seconds.push(taken);
        return null;
      },
    });
  };

  const small = prepare(options.targets);
  log(
    `${small.targets} targets: mainline nightly (${options.runs} runs${options.runs > 1 ? ' + 1 warm-up' : ''})`,
  );
  timed(nightly(small, options.runs));
  if (turbo) {
    const [program = '', ...args] = turbo.command;
    const tasks = 2 * small.targets;
    log(`${small.targets} targets: turbo run build test, cold (${options.runs} runs)`);
    timed(
      timeCase({
        id: 'turbo-build-test',
        repoTargets: small.targets,
        tool: `turbo ${turbo.version}`,
        command: 'rm -rf .turbo */*/.turbo */*/node_modules && turbo run build test',
        spec: { program, args: [...args, 'run', 'build', 'test'], cwd: small.dir, env },
        runs: options.runs,
        // Each run starts from nothing (its caches deleted): a warm-up adds nothing but time.
        warmUp: false,
        verified: `${tasks} tasks successful (build and test of each package), 0 cached`,
        before: () => clearTurboState(small.dir, small.packages),
        check: (stdout) => checkTurboRun(stdout, 'cold', tasks),
      }),
    );
  }
  if (options.largeTargets > 0) {
    const large = prepare(options.largeTargets);
    log(`${large.targets} targets: mainline nightly (1 run)`);
    timed(nightly(large, 1));
  }
  return {
    ...facts(options.runs),
    reportTimes,
  };
}
