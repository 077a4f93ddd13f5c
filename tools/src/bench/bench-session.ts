import { cpus, loadavg } from 'node:os';
import { cleanGitEnv } from '../synth/git.ts';
import { findMainlineLauncher } from './affected.ts';
import { benchEnv, type CompareTool, ensureCompareTools } from './compare-tools.ts';
import type { TimedCase } from './timed-case.ts';

export interface RepoInfo {
  readonly targets: number;
  readonly dir: string;
  readonly generationSeconds: number | null;
}

/** What bench:run and bench:nightly start from, and collect as they go. */
export interface BenchSession {
  readonly loadBefore: readonly number[];
  readonly launcher: string;
  /** Undefined when skipped. */
  readonly turbo: CompareTool | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly cases: TimedCase[];
  readonly repos: RepoInfo[];
  /** Keeps a measured case and logs its median (or why it failed). */
  readonly timed: (c: TimedCase) => TimedCase;
  /** What every report of the session says of the machine, the tools and what ran. */
  readonly facts: (runs: number) => BenchFacts;
}

export interface BenchFacts {
  readonly node: string;
  readonly cpus: number;
  readonly runs: number;
  readonly mainline: string;
  readonly turbo: string | null;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly repos: readonly RepoInfo[];
  readonly cases: readonly TimedCase[];
}

/**
 * The load average before anything runs, the mainline launcher (given, or this checkout's),
 * Turborepo (installed once into the cache folder) unless skipped, and the environment
 * every timed command gets.
 */
export function startBench(
  options: {
    readonly mainline: string | undefined;
    readonly skipTurbo: boolean;
    readonly cacheDir: string;
  },
  log: (line: string) => void,
): BenchSession {
  const loadBefore = loadavg();
  const launcher = options.mainline ?? findMainlineLauncher();
  const turbo = options.skipTurbo ? undefined : ensureCompareTools(options.cacheDir, log).turbo;
  const cases: TimedCase[] = [];
  const timed = (c: TimedCase): TimedCase => {
    cases.push(c);
    const time = c.medianWallSeconds === null ? 'failed' : `${c.medianWallSeconds.toFixed(2)}s`;
    log(`  -> ${time}${c.error ? `: ${c.error}` : ''}`);
    return c;
  };
  const repos: RepoInfo[] = [];
  const facts = (runs: number): BenchFacts => ({
    node: process.version,
    cpus: cpus().length,
    runs,
    mainline: launcher,
    turbo: turbo ? `${turbo.version} (${turbo.note})` : null,
    loadBefore,
    loadAfter: loadavg(),
    repos,
    cases,
  });
  return { loadBefore, launcher, turbo, env: benchEnv(cleanGitEnv()), cases, repos, timed, facts };
}
