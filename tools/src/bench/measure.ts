import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const gnuTime = '/usr/bin/time';

export interface CommandSpec {
  readonly program: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Written to stdin (a pre-push hook's ref lines); default: no stdin. */
  readonly input?: string;
}

export interface RunSample {
  readonly wallSeconds: number;
  /** Max resident set of the largest process in the tree, KiB; null without GNU time. */
  readonly peakKiB: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type RunOutcome =
  | { readonly ok: true; readonly sample: RunSample }
  | { readonly ok: false; readonly error: string };

/**
 * Runs one command under GNU time (`%M`, written to a file so it never mixes with the
 * tool's stderr) and times the wall clock around it here.
 */
export function runOnce(spec: CommandSpec): RunOutcome {
  const useTime = existsSync(gnuTime);
  const scratch = mkdtempSync(join(tmpdir(), 'mainline-bench-time-'));
  const timeFile = join(scratch, 'rss');
  const [program, args] = useTime
    ? [gnuTime, ['-f', '%M', '-o', timeFile, spec.program, ...spec.args]]
    : [spec.program, [...spec.args]];
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(program, args, {
      cwd: spec.cwd,
      env: spec.env,
      encoding: 'utf8',
      stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(spec.input === undefined ? {} : { input: spec.input }),
      maxBuffer: 512 * 1024 * 1024,
    });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.error) return { ok: false, error: result.error.message };
    if (result.status !== 0) {
      const why = result.signal ? `signal ${result.signal}` : `exit ${result.status}`;
      return { ok: false, error: `${why}: ${tail(result.stderr || result.stdout)}` };
    }
    return {
      ok: true,
      sample: {
        wallSeconds,
        peakKiB: useTime ? readPeak(timeFile) : null,
        stdout: result.stdout,
        stderr: result.stderr,
      },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readPeak(file: string): number | null {
  // GNU time appends the figure as the file's last line (after any "Command exited" note).
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const value = Number(lines.at(-1));
  return Number.isFinite(value) ? value : null;
}

function tail(text: string): string {
  const lines = text
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines.slice(-6).join('\n').slice(-1200) || '(no output)';
}

export interface Measurement {
  readonly wallSeconds: readonly number[];
  readonly peakKiB: readonly number[];
  /** stdout of the last measured run, for result checks. */
  readonly stdout: string;
}

export interface MeasureOptions {
  /** One untimed warm-up run first (default true). */
  readonly warmUp?: boolean;
  /** Runs untimed before every run (0 is the warm-up), e.g. to delete a cache. */
  readonly before?: (run: number) => void;
  /** Checks a successful run's output: an error message fails the measurement. */
  readonly check?: (stdout: string, stderr: string) => string | null;
}

/**
 * One warm-up run (caches, page cache; unless `warmUp: false`), then `runs` measured runs;
 * the first failure, or the first run `check` rejects, stops it.
 */
export function measure(
  spec: CommandSpec,
  runs: number,
  options: MeasureOptions = {},
): { ok: true; value: Measurement } | { ok: false; error: string } {
  let stdout = '';
  if (options.warmUp ?? true) {
    const warmUp = checkedRun(spec, 0, options);
    if (!warmUp.ok) return warmUp;
    stdout = warmUp.sample.stdout;
  }
  const wallSeconds: number[] = [];
  const peakKiB: number[] = [];
  for (let run = 0; run < runs; run++) {
    const outcome = checkedRun(spec, run + 1, options);
    if (!outcome.ok) return outcome;
    wallSeconds.push(outcome.sample.wallSeconds);
    if (outcome.sample.peakKiB !== null) peakKiB.push(outcome.sample.peakKiB);
    stdout = outcome.sample.stdout;
  }
  return { ok: true, value: { wallSeconds, peakKiB, stdout } };
}

function checkedRun(spec: CommandSpec, run: number, hooks: MeasureOptions): RunOutcome {
  hooks.before?.(run);
  const outcome = runOnce(spec);
  if (!outcome.ok || !hooks.check) return outcome;
  const problem = hooks.check(outcome.sample.stdout, outcome.sample.stderr);
  const which = run === 0 ? 'warm-up' : `run ${run}`;
  return problem === null ? outcome : { ok: false, error: `${which}: ${problem}` };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
