import { describe, expect, it } from 'vitest';
import { binaryEntropy, informationGains } from '../src/information.ts';
import { posterior } from '../src/posterior.ts';
import { flakePriors, suspectWeights } from '../src/prior.ts';

const eps = 1e-4;
const f = 0.2;
const closeTo = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 12);

describe('priors', () => {
  it('weigh suspects by 2^-distance, normalised', () => {
    expect(
      suspectWeights([
        { id: 'a', distance: 0 },
        { id: 'b', distance: 1 },
      ]),
    ).toEqual([2 / 3, 1 / 3]);
    expect(
      suspectWeights([
        { id: 'a', distance: 2 },
        { id: 'b', distance: 2 },
      ]),
    ).toEqual([0.5, 0.5]);
    // Far suspects are weighed relative to the nearest, so none rounds to 0.
    const far = suspectWeights([
      { id: 'a', distance: 2000 },
      { id: 'b', distance: 2001 },
    ]);
    expect(far).toEqual([2 / 3, 1 / 3]);
  });

  it('start a lone test at even odds, and a test failing with others at their rates', () => {
    expect(flakePriors([0.2])).toEqual([0.5]);
    const [a, b] = flakePriors([0.2, 0.1]);
    closeTo(a as number, 0.1 / 1.1); // the other test flaked too: odds 0.1
    closeTo(b as number, 0.2 / 1.2);
    // Three hundred tests at 0.01 together: the product underflows, the prior does not go NaN.
    expect(flakePriors(Array.from({ length: 300 }, () => 0.01))[0]).toBe(0);
  });
});

describe('posterior, two suspects and known f (hand-computed)', () => {
  const model = { weights: [0.5, 0.5], flakePrior: 0.5, rate: f, epsilon: eps };

  it('is the prior with no runs', () => {
    const post = posterior(model, []);
    closeTo(post.suspects[0] as number, 0.25);
    closeTo(post.suspects[1] as number, 0.25);
    closeTo(post.flake, 0.5);
  });

  it('after the first red run at suspect 1: a break fails with 1 - ε, a flake with f', () => {
    const post = posterior(model, [{ at: 1, failed: true, origin: 'trunk' }]);
    const h0 = 0.25 * (1 - eps);
    const h1 = 0.25 * (1 - eps);
    const none = 0.5 * f;
    const total = h0 + h1 + none;
    closeTo(post.suspects[0] as number, h0 / total); // 0.41668...
    closeTo(post.suspects[1] as number, h1 / total);
    closeTo(post.flake, none / total); // 0.16668...
  });

  it('then a pass at suspect 0 all but rules out H_0 (a broken test passes with ε)', () => {
    const post = posterior(model, [
      { at: 1, failed: true, origin: 'trunk' },
      { at: 0, failed: false, origin: 'search' },
    ]);
    const h0 = 0.25 * (1 - eps) * eps;
    const h1 = 0.25 * (1 - eps) * (1 - f);
    const none = 0.5 * f * (1 - f);
    const total = h0 + h1 + none;
    closeTo(post.suspects[0] as number, h0 / total);
    closeTo(post.suspects[1] as number, h1 / total); // 0.71426...
    closeTo(post.flake, none / total); // 0.28570...
  });

  it('a run at the last green commit (-1) tells nothing: every hypothesis expects f there', () => {
    const before = posterior(model, [{ at: 1, failed: true, origin: 'trunk' }]);
    const after = posterior(model, [
      { at: 1, failed: true, origin: 'trunk' },
      { at: -1, failed: false, origin: 'trunk' },
    ]);
    closeTo(after.flake, before.flake);
    closeTo(after.suspects[0] as number, before.suspects[0] as number);
  });

  it('stays finite over hundreds of runs', () => {
    const runs = Array.from({ length: 500 }, () => ({
      at: 1,
      failed: true,
      origin: 'search' as const,
    }));
    const post = posterior(model, runs);
    expect(post.suspects.every(Number.isFinite)).toBe(true);
    closeTo((post.suspects[0] as number) + (post.suspects[1] as number) + post.flake, 1);
  });
});

describe('expected information of a run', () => {
  it('is H(outcome) minus the noise left under each hypothesis', () => {
    const post = { suspects: [0.3, 0.5], flake: 0.2 };
    const gains = informationGains(post, f, eps);
    expect(gains[0]).toBe(0); // the last green commit
    // At suspect 0: A = P(k <= 0) = 0.3 break there; the rest fail with f.
    const fails0 = 0.3 * (1 - eps) + 0.7 * f;
    closeTo(
      gains[1] as number,
      binaryEntropy(fails0) - 0.3 * binaryEntropy(eps) - 0.7 * binaryEntropy(f),
    );
    // At suspect 1: A = 0.8; only the flake hypothesis is left to tell apart.
    const fails1 = 0.8 * (1 - eps) + 0.2 * f;
    closeTo(
      gains[2] as number,
      binaryEntropy(fails1) - 0.8 * binaryEntropy(eps) - 0.2 * binaryEntropy(f),
    );
  });

  it('peaks where the posterior mass splits in half when tests are deterministic', () => {
    const post = { suspects: [0.25, 0.25, 0.25, 0.25], flake: 0 };
    const gains = informationGains(post, 0.01, eps);
    const best = gains.indexOf(Math.max(...gains)) - 1;
    expect(best).toBe(1);
    closeTo(binaryEntropy(0.5), 1);
  });
});
