import type { Observation } from './evidence.ts';

/** P(H_k) for each suspect k (H_k: k broke the test) and P(H_∅) (nothing did: a flake). */
export interface Posterior {
  readonly suspects: readonly number[];
  readonly flake: number;
}

export interface ModelParameters {
  /** Prior over the suspects given a breakage; sums to 1. */
  readonly weights: readonly number[];
  /** Prior P(H_∅). */
  readonly flakePrior: number;
  /** f: the test's flake rate (a run fails though nothing is broken). */
  readonly rate: number;
  /** ε: a broken test passes anyway. */
  readonly epsilon: number;
}

/**
 * The posterior after the observations: prior × the likelihood of each run. A run at j
 * fails with probability 1 - ε under H_k when j >= k (the break is in), and f otherwise
 * (under H_∅ always f). Log space, so hundreds of runs do not underflow; O(suspects) per
 * observation, through a difference array over k.
 */
export function posterior(model: ModelParameters, observations: readonly Observation[]): Posterior {
  const n = model.weights.length;
  const logBroken = { fail: Math.log(1 - model.epsilon), pass: Math.log(model.epsilon) };
  const logClean = { fail: Math.log(model.rate), pass: Math.log(1 - model.rate) };
  // delta[k] - delta[k-1] style: add `broken` to H_0..H_at and `clean` to H_at+1..H_n-1.
  const delta = new Float64Array(n + 1);
  let flake = Math.log(model.flakePrior);
  for (const { at, failed } of observations) {
    const broken = failed ? logBroken.fail : logBroken.pass;
    const clean = failed ? logClean.fail : logClean.pass;
    const split = Math.min(Math.max(at + 1, 0), n);
    delta[0] = (delta[0] as number) + broken;
    delta[split] = (delta[split] as number) - broken + clean;
    delta[n] = (delta[n] as number) - clean;
    flake += clean;
  }
  const logs: number[] = [];
  let running = 0;
  const logBreak = Math.log(1 - model.flakePrior);
  for (let k = 0; k < n; k++) {
    running += delta[k] as number;
    logs.push(logBreak + Math.log(model.weights[k] as number) + running);
  }
  let top = flake;
  for (const value of logs) top = Math.max(top, value);
  const scaled = logs.map((value) => Math.exp(value - top));
  const flakeScaled = Math.exp(flake - top);
  const total = scaled.reduce((sum, value) => sum + value, flakeScaled);
  return { suspects: scaled.map((value) => value / total), flake: flakeScaled / total };
}
