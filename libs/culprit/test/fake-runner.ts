import type { RunTests, Suspect, TestRun } from '../src/index.ts';

/** n suspects at the given distances (default 0). */
export function suspects(n: number, distance: (index: number) => number = () => 0): Suspect[] {
  return Array.from({ length: n }, (_, index) => ({ id: `c${index}`, distance: distance(index) }));
}

/** The loop's own runs: every test green at the last green commit, red at the first red one. */
export function trunkRuns(n: number, tests: readonly string[]): TestRun[] {
  return [
    { at: -1, failed: [], passed: [...tests], origin: 'trunk' },
    { at: n - 1, failed: [...tests], passed: [], origin: 'trunk' },
  ];
}

/**
 * A runner whose tests break at the given suspects (for good) and otherwise fail when
 * `flake(test, at, call)` says so (call: how many runs were made before). Records calls.
 */
export function fakeRunner(
  brokenAt: Readonly<Record<string, number | undefined>>,
  flake: (test: string, at: number, call: number) => boolean = () => false,
): RunTests & { calls: { at: number; tests: readonly string[] }[] } {
  const calls: { at: number; tests: readonly string[] }[] = [];
  const run = async (at: number, tests: readonly string[]) => {
    const call = calls.length;
    calls.push({ at, tests });
    const results = new Map<string, boolean>();
    for (const test of tests) {
      const broken = brokenAt[test];
      results.set(test, (broken !== undefined && at >= broken) || flake(test, at, call));
    }
    return results;
  };
  return Object.assign(run, { calls });
}
