import type { Suspect } from './types.ts';

/**
 * The prior over the suspects, given that one of them broke the test: ∝ 2^-distance, so
 * a commit that changed the target's own sources weighs twice one that changed a direct
 * dep, four times one two hops away. Sums to 1.
 */
export function suspectWeights(suspects: readonly Suspect[]): number[] {
  // Relative to the nearest suspect, so far-away suspects do not all round to 0.
  let nearest = Number.POSITIVE_INFINITY;
  for (const suspect of suspects) nearest = Math.min(nearest, suspect.distance);
  const raw = suspects.map((suspect) => 2 ** (nearest - suspect.distance));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  return raw.map((weight) => weight / total);
}

/**
 * For each failing test, the prior that nothing broke it (its red was a flake), before
 * its own runs: even
 * odds, times the flake rates of the other tests that failed with it (many tests failing
 * together are rarely all flakes). Its own first red run then weighs f against 1 - ε,
 * so a lone test of rate f stands at about f : 1 once the search starts; counting its
 * own rate in the prior too would count that run twice, and make a 20%-flaky test's red
 * look like a breakage 24 times out of 25, far more often than flakes are.
 */
export function flakePriors(rates: readonly number[]): number[] {
  // In logs: hundreds of tests at 0.01 would round the product to 0.
  const all = rates.reduce((sum, rate) => sum + Math.log(rate), 0);
  return rates.map((rate) => {
    const odds = Math.exp(all - Math.log(rate));
    return odds / (1 + odds);
  });
}
