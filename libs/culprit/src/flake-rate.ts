import type { TestEvidence } from './evidence.ts';
import type { SearchSettings } from './settings.ts';
import type { FlakyEvidence } from './types.ts';

export interface FlakeRate {
  /** The rate the model uses: floored, raised by what this search saw. */
  readonly rate: number;
  /** Above the cap: the test is not searched (and `rate` is the rate found, uncapped). */
  readonly quarantined: boolean;
}

/**
 * The flake rate the model uses for a test: its recorded rate, at least the floor. A
 * test with no history (a new one) might be flaky: it gets settings.unknownFlakeRate,
 * so the search reruns enough to tell, rather than trust one failure as a breakage.
 * A test that both failed and passed at one commit in this search is at least as flaky
 * as those commits show; the estimate failures / (runs + 2) leans low on two or three
 * runs (1 of 2 would say 0.5), so one odd run does not quarantine a test.
 */
export function flakeRate(
  recorded: number | undefined,
  mixed: readonly FlakyEvidence[],
  settings: SearchSettings,
): FlakeRate {
  let failures = 0;
  let runs = 0;
  for (const commit of mixed) {
    failures += commit.failures;
    runs += commit.runs;
  }
  const seen = runs > 0 ? failures / (runs + 2) : 0;
  const rate = Math.max(settings.flakeFloor, recorded ?? settings.unknownFlakeRate, seen);
  return { rate, quarantined: rate > settings.flakeCap };
}

/** The commits where the test both failed and passed, in index order. */
export function mixedResults(evidence: TestEvidence): FlakyEvidence[] {
  const mixed: FlakyEvidence[] = [];
  for (const [at, failures] of evidence.failures) {
    const passes = evidence.passes.get(at) ?? 0;
    if (passes > 0) mixed.push({ test: evidence.test, at, runs: failures + passes, failures });
  }
  return mixed.sort((a, b) => a.at - b.at);
}
