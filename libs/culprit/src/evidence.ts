import type { TestRun } from './types.ts';

/** One test's result in one run. */
export interface Observation {
  readonly at: number;
  readonly failed: boolean;
  readonly origin: TestRun['origin'];
}

/** Everything the runs say about one failing test. */
export interface TestEvidence {
  readonly test: string;
  /** In run order. */
  readonly observations: readonly Observation[];
  readonly failures: ReadonlyMap<number, number>;
  readonly passes: ReadonlyMap<number, number>;
  /**
   * Suspects where a search run gave no result for the test and no run ever did (its
   * build broke there, say): the search does not ask there again for it.
   */
  readonly unanswered: ReadonlySet<number>;
}

/** The runs' results split by failing test (a test listed twice in a run counts once). */
export function collectEvidence(
  failingTests: readonly string[],
  runs: readonly TestRun[],
): Map<string, TestEvidence> {
  const byTest = new Map<
    string,
    { observations: Observation[]; failures: Map<number, number>; passes: Map<number, number> }
  >();
  for (const test of failingTests) {
    if (!byTest.has(test))
      byTest.set(test, { observations: [], failures: new Map(), passes: new Map() });
  }
  const asked = new Map<string, Set<number>>();
  for (const run of runs) {
    const failed = new Set(run.failed);
    const seen = new Set<string>();
    if (run.origin !== 'trunk') {
      for (const test of byTest.keys()) asked.set(test, (asked.get(test) ?? new Set()).add(run.at));
    }
    for (const test of [...run.failed, ...run.passed]) {
      const evidence = byTest.get(test);
      if (evidence === undefined || seen.has(test)) continue;
      seen.add(test);
      const didFail = failed.has(test);
      evidence.observations.push({ at: run.at, failed: didFail, origin: run.origin });
      const counts = didFail ? evidence.failures : evidence.passes;
      counts.set(run.at, (counts.get(run.at) ?? 0) + 1);
    }
  }
  return new Map(
    [...byTest].map(([test, evidence]) => {
      const answered = (at: number) => evidence.failures.has(at) || evidence.passes.has(at);
      const unanswered = new Set([...(asked.get(test) ?? [])].filter((at) => !answered(at)));
      return [test, { test, ...evidence, unanswered }];
    }),
  );
}

/** How often the test failed (or passed) at a suspect index. */
export function countAt(counts: ReadonlyMap<number, number>, at: number): number {
  return counts.get(at) ?? 0;
}
