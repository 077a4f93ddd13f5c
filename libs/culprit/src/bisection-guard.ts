import type { Observation } from './evidence.ts';

/**
 * A deterministic test's bisection: the culprit is in (lo, hi] (lo: the last pass, hi:
 * the first failure), `splits` search runs have cut that interval so far, and `budget`
 * is ⌈log2⌉ of its size when the search began. Priors may pull a probe off the middle,
 * which on an unlucky culprit costs more runs than plain bisection; the guard only
 * allows cuts that still finish within `budget` in the worst case, so a deterministic
 * breakage never takes more than ⌈log2 n⌉ cuts.
 */
export interface Bisection {
  readonly lo: number;
  readonly hi: number;
  readonly splits: number;
  readonly budget: number;
}

/** The bisection the observations made, or undefined when they contradict one (a pass at
 * or after a failure): then the test is not behaving deterministically. */
export function bisectionOf(
  observations: readonly Observation[],
  suspects: number,
): Bisection | undefined {
  let lo = -1;
  let hi = suspects - 1;
  let splits = 0;
  let budget: number | undefined;
  for (const { at, failed, origin } of observations) {
    if (origin !== 'trunk' && budget === undefined) budget = ceilLog2(hi - lo);
    if (at > lo && at < hi) {
      if (origin !== 'trunk') splits++;
      if (failed) hi = at;
      else lo = at;
    } else if (failed ? at <= lo : at >= hi) {
      return undefined;
    }
  }
  return { lo, hi, splits, budget: budget ?? ceilLog2(hi - lo) };
}

/** Whether a run at `at` keeps the bisection within its budget (runs outside (lo, hi) do
 * not cut it and are always allowed). */
export function withinBudget(bisection: Bisection, at: number): boolean {
  const { lo, hi, splits, budget } = bisection;
  if (at <= lo || at >= hi) return true;
  return splits + 1 + ceilLog2(Math.max(at - lo, hi - at)) <= budget;
}

/** ⌈log2 size⌉ for size >= 1: the cuts that single out one of `size` suspects. */
export function ceilLog2(size: number): number {
  let cuts = 0;
  while (2 ** cuts < size) cuts++;
  return cuts;
}
