import type { FlakyTestLine } from './nightly-report.ts';

/** A test: its target, its file and its full name. */
export interface TestName {
  readonly target: string;
  readonly file: string;
  readonly name: string;
}

/** How one test fared over its recent results (nightly, trunk and local runs alike). */
export interface FlakeHistory {
  readonly test: TestName;
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
}

/** The quarantine threshold when mainline.json sets none. */
export const defaultFlakeThreshold = 0.1;

/** Flaky results over the results that say something (skipped ones do not). */
export function flakeRate(history: FlakeHistory): number {
  const results = history.passed + history.failed + history.flaky;
  return results === 0 ? 0 : history.flaky / results;
}

export function testId(test: TestName): string {
  return JSON.stringify([test.target, test.file, test.name]);
}

/**
 * The flaky-test lines of the report: every test flaky tonight, and every test whose rate
 * is above the threshold (listed for quarantine), those first, then by rate.
 */
export function flakyTestLines(
  tonight: readonly TestName[],
  histories: readonly FlakeHistory[],
  threshold: number,
): FlakyTestLine[] {
  const flakyTonight = new Set(tonight.map(testId));
  const seen = new Set<string>();
  const lines: FlakyTestLine[] = [];
  for (const history of histories) {
    const id = testId(history.test);
    if (seen.has(id)) continue;
    seen.add(id);
    const rate = flakeRate(history);
    const quarantine = rate > threshold;
    if (!quarantine && !flakyTonight.has(id)) continue;
    lines.push({
      ...history.test,
      rate,
      results: history.passed + history.failed + history.flaky,
      flakyTonight: flakyTonight.has(id),
      quarantine,
    });
  }
  return lines.sort(
    (a, b) =>
      Number(b.quarantine) - Number(a.quarantine) ||
      b.rate - a.rate ||
      testId(a).localeCompare(testId(b)),
  );
}
