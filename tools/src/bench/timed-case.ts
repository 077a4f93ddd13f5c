import { loadavg } from 'node:os';
import { type CommandSpec, type MeasureOptions, measure, median } from './measure.ts';

/** The cases of `bench:run` and `bench:nightly`; the reports find the ratios' operands by id. */
export type CaseId =
  | 'mainline-cold'
  | 'mainline-cached'
  | 'mainline-change'
  | 'mainline-build-cold'
  | 'mainline-build-cold-no-typecheck'
  | 'turbo-cold'
  | 'turbo-cached'
  // bench:nightly
  | 'mainline-nightly'
  | 'turbo-build-test';

export interface TimedCase {
  readonly id: CaseId;
  readonly repoTargets: number;
  readonly tool: string;
  readonly command: string;
  /** Measured runs (after one untimed warm-up when `warmUp`). */
  readonly runs: number;
  readonly warmUp: boolean;
  readonly medianWallSeconds: number | null;
  readonly wallSeconds: readonly number[];
  readonly peakRssMiB: number | null;
  /** What every run was checked to show. */
  readonly verified: string;
  /** 1-, 5- and 15-minute load averages when the case ended. */
  readonly loadAfter: readonly number[];
  readonly error: string | null;
  /** stdout of the last run, for follow-up checks; left out of the JSON report. */
  readonly lastStdout: string;
}

export interface CaseSpec extends MeasureOptions {
  readonly id: CaseId;
  readonly repoTargets: number;
  readonly tool: string;
  readonly command: string;
  readonly spec: CommandSpec;
  readonly runs: number;
  readonly verified: string;
}

/** Measures one case; a failed or rejected run becomes the case's error, with no time. */
export function timeCase(c: CaseSpec): TimedCase {
  const warmUp = c.warmUp ?? true;
  const outcome = measure(c.spec, c.runs, { warmUp, before: c.before, check: c.check });
  const base = {
    id: c.id,
    repoTargets: c.repoTargets,
    tool: c.tool,
    command: c.command,
    runs: c.runs,
    warmUp,
    verified: c.verified,
    loadAfter: loadavg().map((value) => Math.round(value * 100) / 100),
  };
  if (!outcome.ok) {
    return {
      ...base,
      medianWallSeconds: null,
      wallSeconds: [],
      peakRssMiB: null,
      error: outcome.error,
      lastStdout: '',
    };
  }
  const { wallSeconds, peakKiB, stdout } = outcome.value;
  return {
    ...base,
    medianWallSeconds: median(wallSeconds),
    wallSeconds,
    peakRssMiB: peakKiB.length > 0 ? Math.max(...peakKiB) / 1024 : null,
    error: null,
    lastStdout: stdout,
  };
}
