import type { HonestyFinding } from './nightly-report.ts';

/** One target's phase: what the cache held for its key before the night, and the night. */
export interface KeyedOutcome {
  readonly target: string;
  readonly phase: 'build' | 'test';
  /** The key looked up before the run. */
  readonly key: string;
  /** The latest result recorded with that key before the run (passed, failed or flaky). */
  readonly cached: { readonly status: string; readonly runId: number } | undefined;
  /** Tonight's result, with the key it was recorded under. */
  readonly fresh: { readonly status: string; readonly key: string | undefined } | undefined;
}

const hints = {
  build:
    'the build key misses an input the build read: a file outside its srcs, an environment variable, a tool outside the key',
  test: "the test key misses an input the tests read: a file no target owns, an undeclared target's file, the network, the clock or an environment variable",
} as const;

/**
 * Fresh results that contradict a cached result of the same key: green then and red now,
 * or the reverse. A flaky result on either side is no contradiction: a flaky test passes
 * and fails with the same inputs, so it says nothing of the key.
 */
export function honestyFindings(outcomes: readonly KeyedOutcome[]): HonestyFinding[] {
  const findings: HonestyFinding[] = [];
  for (const { target, phase, key, cached, fresh } of outcomes) {
    if (cached === undefined || fresh === undefined || fresh.key !== key) continue;
    const contradicts =
      (cached.status === 'passed' && fresh.status === 'failed') ||
      (cached.status === 'failed' && fresh.status === 'passed');
    if (!contradicts) continue;
    findings.push({
      target,
      phase,
      key,
      cached: { status: cached.status, runId: cached.runId },
      fresh: { status: fresh.status },
      hint: hints[phase],
    });
  }
  return findings;
}
