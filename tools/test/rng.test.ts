import { describe, expect, it } from 'vitest';
import { createRng } from '../src/index.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, createRng(43))).not.toEqual(first);
  });

  it('is mulberry32: known first outputs for seed 1', () => {
    const rng = createRng(1);
    expect(Math.floor(rng() * 2 ** 32)).toBe(2_693_262_067);
    expect(Math.floor(rng() * 2 ** 32)).toBe(11_749_833);
  });

  it('stays in [0, 1) and spreads over the range', () => {
    const rng = createRng(7);
    const values = Array.from({ length: 10_000 }, rng);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const buckets = new Array<number>(10).fill(0);
    for (const value of values) {
      const index = Math.floor(value * 10);
      buckets[index] = (buckets[index] ?? 0) + 1;
    }
    expect(Math.min(...buckets)).toBeGreaterThan(800);
  });
});
