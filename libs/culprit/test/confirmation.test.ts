import { isMainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { bisectionOf, withinBudget } from '../src/bisection-guard.ts';
import {
  ceilLog2,
  defaultSearchSettings,
  failuresToConfirm,
  parentPassesToConfirm,
  resolveSearchSettings,
} from '../src/index.ts';

describe('confirmation', () => {
  it('needs ⌈log(confirmation) / log f⌉ fresh failures at the culprit', () => {
    const settings = defaultSearchSettings; // confirmation 0.01 = 1 - τ
    expect(failuresToConfirm(0.2, settings)).toBe(3); // 0.2^3 = 0.008
    expect(failuresToConfirm(0.05, settings)).toBe(2);
    expect(failuresToConfirm(0.01, settings)).toBe(1); // exactly 0.01: no rounding up
    // The published deflaking figure: 6 runs for p = 1e-4 at f = 0.2.
    expect(failuresToConfirm(0.2, { ...settings, confirmation: 1e-4 })).toBe(6);
  });

  it('needs one pass at the parent (ε = 1e-4 <= 1 - τ)', () => {
    expect(parentPassesToConfirm(defaultSearchSettings)).toBe(1);
    expect(parentPassesToConfirm({ ...defaultSearchSettings, epsilon: 0.1 })).toBe(2);
  });
});

describe('the bisection guard', () => {
  const search = (at: number, failed: boolean) => ({ at, failed, origin: 'search' as const });
  const trunk = [
    { at: -1, failed: false, origin: 'trunk' as const },
    { at: 15, failed: true, origin: 'trunk' as const },
  ];

  it('follows the interval (last pass, first failure] and the cuts made in it', () => {
    expect(bisectionOf(trunk, 16)).toEqual({ lo: -1, hi: 15, splits: 0, budget: 4 });
    expect(bisectionOf([...trunk, search(7, true), search(3, false), search(7, true)], 16)).toEqual(
      {
        lo: 3,
        hi: 7,
        splits: 2,
        budget: 4,
      },
    );
  });

  it('gives up on a test whose runs contradict one break point', () => {
    expect(bisectionOf([...trunk, search(7, true), search(9, false)], 16)).toBeUndefined();
    expect(bisectionOf([...trunk, search(7, false), search(3, true)], 16)).toBeUndefined();
  });

  it('allows only cuts that still finish within ⌈log2 n⌉ cuts', () => {
    const start = { lo: -1, hi: 15, splits: 0, budget: 4 };
    expect(withinBudget(start, 7)).toBe(true); // 8 and 8 left: 3 more cuts
    expect(withinBudget(start, 6)).toBe(false); // 9 left on one side: 4 more
    const slack = { lo: -1, hi: 11, splits: 0, budget: 4 }; // 12 suspects, 4 cuts
    expect([...Array(11).keys()].filter((at) => withinBudget(slack, at))).toEqual([3, 4, 5, 6, 7]);
    expect(withinBudget(start, 15)).toBe(true); // a rerun at the failure cuts nothing
    expect([1, 2, 3, 4, 5, 8, 9, 200].map(ceilLog2)).toEqual([0, 1, 2, 2, 3, 3, 4, 8]);
  });
});

describe('search settings', () => {
  it('are checked against their ranges', () => {
    expect(resolveSearchSettings({ threshold: 0.999 }).threshold).toBe(0.999);
    try {
      resolveSearchSettings({ threshold: 1, flakeFloor: 0.6, maxRuns: 0 });
      expect.unreachable();
    } catch (error) {
      expect(isMainlineError(error) && error.message).toBe(
        'invalid culprit search settings: threshold must be in (0.5, 1); flakeFloor must be in (0, flakeCap); flakeCap must be in (flakeFloor, 1); maxRuns must be a whole number >= 1',
      );
    }
  });
});
