import type { Posterior } from './posterior.ts';

/** Entropy in bits of a yes/no outcome with probability p. */
export function binaryEntropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/**
 * The expected information (bits) a run at each suspect gives about the test's
 * hypotheses: the entropy of its outcome minus the entropy left given the hypothesis.
 * Under H_k (k <= j) it fails with 1 - ε, under the others with f, so with A the
 * posterior mass of k <= j: H(A(1-ε) + (1-A)f) - A·H(ε) - (1-A)·H(f).
 * Index j + 1 holds the gain at suspect j (index 0: the last green commit, always 0).
 */
export function informationGains(post: Posterior, rate: number, epsilon: number): number[] {
  const gains = [0];
  const noiseBroken = binaryEntropy(epsilon);
  const noiseClean = binaryEntropy(rate);
  let brokenMass = 0;
  for (const probability of post.suspects) {
    brokenMass = Math.min(1, brokenMass + probability);
    const fails = brokenMass * (1 - epsilon) + (1 - brokenMass) * rate;
    gains.push(binaryEntropy(fails) - brokenMass * noiseBroken - (1 - brokenMass) * noiseClean);
  }
  return gains;
}
