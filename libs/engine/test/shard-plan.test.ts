import type { Target, Workspace } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { partitionLongestFirst, planShards } from '../src/index.ts';

const item = (name: string, seconds: number) => ({ name, seconds });

describe('partitionLongestFirst', () => {
  it('places the longest first onto the least loaded shard: within 4/3 of the best split', () => {
    // The best split is 15/15 (a b, c d e); LPT finds 17/13, within 4/3 of it.
    const items = [item('a', 8), item('b', 7), item('c', 6), item('d', 5), item('e', 4)];
    const shards = partitionLongestFirst(items, 2);
    expect(shards.map((shard) => shard.targets)).toEqual([
      ['a', 'd', 'e'],
      ['b', 'c'],
    ]);
    expect(shards.map((shard) => shard.expectedSeconds)).toEqual([17, 13]);
  });

  it('gives one giant its own shard and spreads the rest', () => {
    const items = [item('giant', 100), ...Array.from({ length: 30 }, (_, i) => item(`t${i}`, 1))];
    const shards = partitionLongestFirst(items, 3);
    expect(shards[0]).toEqual({ index: 1, targets: ['giant'], expectedSeconds: 100 });
    expect(shards.slice(1).map((shard) => shard.expectedSeconds)).toEqual([15, 15]);
  });

  it('is the same split whatever order the items come in (ties go by name)', () => {
    const items = ['x', 'b', 'm', 'a', 'q', 'c'].map((name) => item(name, 2));
    const once = partitionLongestFirst(items, 4);
    expect(partitionLongestFirst([...items].reverse(), 4)).toEqual(once);
    expect(once.map((shard) => shard.targets)).toEqual([['a', 'q'], ['b', 'x'], ['c'], ['m']]);
  });

  it('counts a need once per shard, and puts an item where its needs are done already', () => {
    const needs = (entries: [string, number][]) => new Map(entries);
    const shards = partitionLongestFirst(
      [
        { name: 'ui', seconds: 2, needs: needs([['core', 10]]) },
        { name: 'api', seconds: 1, needs: needs([['core', 10]]) },
        { name: 'big', seconds: 12 },
        { name: 'small', seconds: 1 },
      ],
      2,
    );
    // big and ui (12 each) first; then api costs 1 beside ui (core is built there), 11
    // beside big; small evens them out.
    expect(shards).toEqual([
      { index: 1, targets: ['big', 'small'], expectedSeconds: 13 },
      { index: 2, targets: ['api', 'ui'], expectedSeconds: 13 },
    ]);
  });

  it('leaves shards empty when there are more shards than targets, and splits nothing', () => {
    expect(partitionLongestFirst([item('a', 1)], 3)).toEqual([
      { index: 1, targets: ['a'], expectedSeconds: 1 },
      { index: 2, targets: [], expectedSeconds: 0 },
      { index: 3, targets: [], expectedSeconds: 0 },
    ]);
    expect(partitionLongestFirst([], 2).map((shard) => shard.targets)).toEqual([[], []]);
  });
});

describe('planShards', () => {
  const target = (name: string, deps: string[] = [], tests = [`${name}/a.test.ts`]): Target => ({
    name,
    kind: 'lib',
    srcs: [],
    tests,
    deps,
  });
  const workspace: Workspace = {
    version: 1,
    globalInputs: [],
    targets: new Map(
      [target('core', [], []), target('ui', ['core']), target('api', ['core']), target('web')].map(
        (t) => [t.name, t],
      ),
    ),
  };

  it('counts the builds of deps, the median of recent passes, and the median for no history', () => {
    const history = new Map([
      ['core', { build: [4000, 2000, 9000], test: [] }],
      ['ui', { build: [1000], test: [10_000, 30_000] }],
      ['api', { build: [1000], test: [2000] }],
    ]);
    const plan = planShards({ workspace, asked: ['ui', 'api', 'web'], shards: 2, history });
    // ui: 4 (core) + 1 + 20; api: 4 + 1 + 2; web: build 1 (median of 4, 1, 1), test 11.
    expect(plan.shards).toEqual([
      { index: 1, targets: ['ui'], expectedSeconds: 25 },
      { index: 2, targets: ['api', 'web'], expectedSeconds: 19 },
    ]);
    expect(plan.version).toBe(1);
    expect(plan.plan).toMatch(/^[0-9a-f]{12}$/);
  });

  it('counts units without history, and names the same plan for the same split', () => {
    const plan = planShards({ workspace, asked: ['core', 'ui', 'api', 'web'], shards: 2 });
    expect(plan.shards.map((shard) => [shard.targets, shard.expectedSeconds])).toEqual([
      // core 1 (a build, no tests); ui and api 3 (two builds, a test); web 2. The shard
      // with core and ui builds core once: 3.
      [['api', 'web'], 5],
      [['core', 'ui'], 3],
    ]);
    expect(planShards({ workspace, asked: ['web', 'api', 'ui', 'core'], shards: 2 })).toEqual(plan);
    expect(planShards({ workspace, asked: [], shards: 2 }).shards).toEqual([
      { index: 1, targets: [], expectedSeconds: 0 },
      { index: 2, targets: [], expectedSeconds: 0 },
    ]);
  });
});
