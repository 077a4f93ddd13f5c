import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MainlineError } from '@mainline/core';

export interface RunBenchOptions {
  /** The repo every case runs on (cold, cached, one-file change, turbo). */
  readonly targets: number;
  /** The larger repo, for the fully cached rerun only. */
  readonly largeTargets: number;
  readonly runs: number;
  readonly json: boolean;
  /** Generated repos and the turbo install are kept here between runs. */
  readonly cacheDir: string;
  /** Regenerate the repos even when cached. */
  readonly fresh: boolean;
  /** Leave Turborepo out (no ratios). */
  readonly skipTurbo: boolean;
  /** The `mainline` launcher to time; found from this checkout when absent. */
  readonly mainline: string | undefined;
}

export const runBenchUsage = `usage: bench-run [--targets 200] [--large-targets 1000] [--runs 5] [--json]
  --targets N          the repo for cold, cached, one-file-change and turbo runs (default 200)
  --large-targets N    the repo for the large fully cached rerun (default 1000)
  --runs N             measured runs per case, after 1 warm-up (default 5)
  --skip-turbo         time mainline only
  --cache-dir DIR      where repos and tools are kept (default $TMPDIR/mainline-bench)
  --fresh              regenerate cached repos
  --mainline FILE      the launcher to time (default: this checkout's properties/cli/bin/mainline)`;

export function parseRunBenchArgs(argv: readonly string[]): RunBenchOptions {
  return parseSessionArgs(argv, { largeTargetsMin: 2, usage: runBenchUsage });
}

/**
 * The flags bench:run and bench:nightly share (the same names, each bench's own usage text
 * and smallest large repository).
 */
export function parseSessionArgs(
  argv: readonly string[],
  { largeTargetsMin, usage }: { readonly largeTargetsMin: number; readonly usage: string },
): RunBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      targets: { type: 'string', default: '200' },
      'large-targets': { type: 'string', default: '1000' },
      runs: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      'skip-turbo': { type: 'boolean', default: false },
      'cache-dir': { type: 'string', default: join(tmpdir(), 'mainline-bench') },
      fresh: { type: 'boolean', default: false },
      mainline: { type: 'string' },
    },
  });
  const number = (name: string, text: string, min: number): number =>
    positiveInteger(name, text, min, usage);
  return {
    targets: number('targets', values.targets, 2),
    largeTargets: number('large-targets', values['large-targets'], largeTargetsMin),
    runs: number('runs', values.runs, 1),
    json: values.json,
    cacheDir: values['cache-dir'],
    fresh: values.fresh,
    skipTurbo: values['skip-turbo'],
    mainline: values.mainline,
  };
}

/** The integer flag `--name`, at least `min`; else a usage error with `usage` as its hint. */
export function positiveInteger(
  name: string,
  text: string,
  min: number,
  usage = runBenchUsage,
): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min) {
    throw new MainlineError('usage', `--${name} expects an integer >= ${min}, got "${text}"`, {
      hint: usage,
    });
  }
  return value;
}
