import { describe, expect, it } from 'vitest';
import { ReadyQueue } from '../../src/scheduler/ready-queue.ts';

describe('ReadyQueue', () => {
  it('gives tasks highest priority first, then by name, as a full sort would', () => {
    // Seeded, so that a failure can be replayed.
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const priorities = new Map<string, number>();
    const queue = new ReadyQueue((name) => priorities.get(name) ?? 0);
    const expected: string[] = [];
    const byOrder = (a: string, b: string) =>
      (priorities.get(b) ?? 0) - (priorities.get(a) ?? 0) || (a < b ? -1 : 1);
    for (let step = 0; step < 2000; step++) {
      if (random(3) > 0) {
        const name = `t${step}`;
        priorities.set(name, random(5));
        queue.push(name);
        expected.push(name);
      } else {
        expected.sort(byOrder);
        expect(queue.shift()).toBe(expected.shift());
      }
      expect(queue.size).toBe(expected.length);
    }
    expected.sort(byOrder);
    const rest: (string | undefined)[] = [];
    while (queue.size > 0) rest.push(queue.shift());
    expect(rest).toEqual(expected);
    expect(queue.shift()).toBeUndefined();
  });
});
