import type { Suspect, TestRun } from '@mainline/culprit';
import { createRng, deriveSeed, randomInt } from '../synth/rng.ts';

/** One row of the benchmark: a kind of regression range, drawn many times. */
export interface SimSetting {
  readonly name: string;
  /** The failing tests' true flake rate. */
  readonly rate: number;
  /** Whether the search is told the rate (false: the tests have no history). */
  readonly rateKnown: boolean;
  /** `culprit`: one test broken by one commit; `two`: two tests broken by two commits;
   * `flake`: nothing broken, the first red was a flake. */
  readonly scenario: 'culprit' | 'two' | 'flake';
  readonly minSuspects: number;
  readonly maxSuspects: number;
}

export interface SimTest {
  readonly name: string;
  /** The suspect that broke it; undefined: never broken (its red was a flake). */
  readonly brokenAt?: number;
}

export interface SimHistory {
  readonly seed: number;
  readonly suspects: readonly Suspect[];
  readonly tests: readonly SimTest[];
  readonly rate: number;
}

/** The history drawn for a setting and an index: the same seed always gives the same one. */
export function generateHistory(setting: SimSetting, seed: number): SimHistory {
  const rng = createRng(seed);
  const n = randomInt(rng, setting.minSuspects, setting.maxSuspects);
  const suspects: Suspect[] = Array.from({ length: n }, (_, index) => ({
    id: `c${index}`,
    distance: suspectDistance(rng()),
  }));
  const culprits: number[] = [];
  const wanted = setting.scenario === 'two' ? 2 : setting.scenario === 'culprit' ? 1 : 0;
  while (culprits.length < Math.min(wanted, n)) {
    const at = randomInt(rng, 0, n - 1);
    if (culprits.includes(at)) continue;
    culprits.push(at);
    suspects[at] = { id: `c${at}`, distance: culpritDistance(rng()) };
  }
  const tests: SimTest[] =
    culprits.length === 0
      ? [{ name: 't1' }]
      : culprits.map((brokenAt, index) => ({ name: `t${index + 1}`, brokenAt }));
  return { seed, suspects, tests, rate: setting.rate };
}

/** Graph distances of the suspects that broke nothing: 0 to 3 hops, evenly. */
function suspectDistance(draw: number): number {
  return Math.min(3, Math.floor(draw * 4));
}

/**
 * The culprit's distance: often, not always, 0 (53%, then 27%, 13%, 7%). Each hop
 * halves the odds, as the search's 2^-distance prior assumes, so its posteriors mean
 * what they say.
 */
function culpritDistance(draw: number): number {
  const odds = [1, 0.5, 0.25, 0.125];
  let left = draw * 1.875;
  for (const [distance, weight] of odds.entries()) {
    if (left < weight) return distance;
    left -= weight;
  }
  return 3;
}

/**
 * A seeded stand-in for running the tests at a suspect (-1: the last green commit; `n`
 * and above: the trunk tip). `reverted`: the suspect whose revert is applied on top.
 */
export function simulatedRunner(history: SimHistory, stream: number) {
  const rng = createRng(deriveSeed(history.seed, stream));
  return (at: number, tests: readonly string[], reverted?: number): Map<string, boolean> => {
    const results = new Map<string, boolean>();
    for (const name of tests) {
      const test = history.tests.find((candidate) => candidate.name === name);
      if (test === undefined) continue;
      const broken =
        test.brokenAt !== undefined && at >= test.brokenAt && test.brokenAt !== reverted;
      results.set(name, broken || rng() < history.rate);
    }
    return results;
  };
}

/** The loop's own runs that open the search: green at the last green commit, red at the
 * first red commit (the reason a search starts at all). */
export function trunkRuns(history: SimHistory): TestRun[] {
  const names = history.tests.map((test) => test.name);
  return [
    { at: -1, failed: [], passed: names, origin: 'trunk' },
    { at: history.suspects.length - 1, failed: names, passed: [], origin: 'trunk' },
  ];
}
