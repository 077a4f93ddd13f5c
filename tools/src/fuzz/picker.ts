import { createRng } from '../synth/rng.ts';

/** Seeded choices: the same seed always makes the same mutation. */
export interface Picker {
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One of `items` (undefined when there are none). */
  one<T>(items: readonly T[]): T | undefined;
  chance(probability: number): boolean;
}

export function createPicker(seed: number): Picker {
  const rng = createRng(seed);
  return {
    int: (min, max) => min + Math.floor(rng() * (max - min + 1)),
    one: (items) => items[Math.floor(rng() * items.length)],
    chance: (probability) => rng() < probability,
  };
}
