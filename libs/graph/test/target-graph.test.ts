import { describe, expect, it } from 'vitest';
import { TargetGraph } from '../src/index.ts';

const diamond = TargetGraph.fromTargets([
  { name: 'core', deps: [] },
  { name: 'a', deps: ['core'] },
  { name: 'b', deps: ['core'] },
  { name: 'app', deps: ['a', 'b'] },
  { name: 'lonely', deps: ['missing'] },
]);

describe('TargetGraph', () => {
  it('knows direct dependencies and dependents', () => {
    expect([...diamond.dependencies('app')].sort()).toEqual(['a', 'b']);
    expect([...diamond.dependents('core')].sort()).toEqual(['a', 'b']);
    expect(diamond.dependencies('lonely')).toEqual([]);
  });

  it('computes transitive closures including the start', () => {
    expect([...diamond.dependentsClosure(['core'])].sort()).toEqual(['a', 'app', 'b', 'core']);
    expect([...diamond.dependentsClosure(['a'])].sort()).toEqual(['a', 'app']);
    expect([...diamond.dependenciesClosure(['app'])].sort()).toEqual(['a', 'app', 'b', 'core']);
    expect([...diamond.dependentsClosure(['nope'])]).toEqual([]);
  });

  it('orders layers deps first', async () => {
    const layers = (await diamond.layers()).map((layer) => layer.sort());
    expect(layers).toEqual([['core', 'lonely'], ['a', 'b'], ['app']]);
  });

  it('orders layers of targets named like Object.prototype members', async () => {
    // graphology keyed by name refused `libs/a -> constructor` as an edge already there.
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const graph = TargetGraph.fromTargets([
      { name: 'libs/a', deps: [] },
      ...names.map((name) => ({ name, deps: ['libs/a'] })),
      { name: 'app', deps: names },
    ]);
    const layers = (await graph.layers()).map((layer) => layer.sort());
    expect(layers).toEqual([['libs/a'], [...names].sort(), ['app']]);
  });

  it('reports each cycle once, as a dependency chain', () => {
    const graph = TargetGraph.fromTargets([
      { name: 'a', deps: ['b'] },
      { name: 'b', deps: ['c'] },
      { name: 'c', deps: ['a'] },
      { name: 'd', deps: ['e'] },
      { name: 'e', deps: ['d'] },
      { name: 'f', deps: ['a'] },
    ]);
    const cycles = graph.findCycles().map((c) => c.join(' -> '));
    expect(cycles.sort()).toEqual(['a -> b -> c -> a', 'd -> e -> d']);
    expect(diamond.findCycles()).toEqual([]);
  });

  it('handles deep chains without recursion limits', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({
      name: `t${i}`,
      deps: i === 0 ? [] : [`t${i - 1}`],
    }));
    const graph = TargetGraph.fromTargets(chain);
    expect(graph.findCycles()).toEqual([]);
    expect(graph.dependentsClosure(['t0']).size).toBe(20_000);
  });
});

describe('TargetGraph with invalid input (as validation sees it)', () => {
  it('ignores unknown deps, self deps and repeats, and keeps the first of a repeated name', () => {
    const graph = TargetGraph.fromTargets([
      { name: 'a', deps: ['a', 'b', 'b', 'ghost'] },
      { name: 'b', deps: [] },
      { name: 'a', deps: ['c'] },
      { name: 'c', deps: ['a'] },
    ]);
    expect(graph.size).toBe(3);
    expect(graph.dependencies('a')).toEqual(['b']);
    expect([...graph.dependents('a')]).toEqual(['c']);
    expect([...graph.dependentsClosure(['b'])].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('TargetGraph.fromAdjacency', () => {
  it('is the same graph as fromTargets, from compressed rows', () => {
    // app -> a, b; a -> core; b -> core
    const names = ['core', 'a', 'b', 'app'];
    const graph = TargetGraph.fromAdjacency(
      names,
      Int32Array.from([0, 0, 1, 2, 4]),
      Int32Array.from([0, 0, 1, 2]),
    );
    const expected = TargetGraph.fromTargets([
      { name: 'core', deps: [] },
      { name: 'a', deps: ['core'] },
      { name: 'b', deps: ['core'] },
      { name: 'app', deps: ['a', 'b'] },
    ]);
    for (const name of names) {
      expect(graph.dependencies(name)).toEqual(expected.dependencies(name));
      expect(graph.dependents(name)).toEqual(expected.dependents(name));
      expect([...graph.dependentsClosure([name])].sort()).toEqual(
        [...expected.dependentsClosure([name])].sort(),
      );
    }
  });
});

describe('TargetGraph: test deps', () => {
  const nodes = [
    { name: 'core', deps: [], testDeps: ['helpers'] },
    { name: 'helpers', deps: ['core'] },
    { name: 'app', deps: ['core'], testDeps: ['helpers', 'core'] },
  ];

  it('keeps test deps apart from the build edges, from targets and from adjacency alike', () => {
    const graphs = [
      TargetGraph.fromTargets(nodes),
      TargetGraph.fromAdjacency(
        ['core', 'helpers', 'app'],
        Int32Array.from([0, 0, 1, 2]),
        Int32Array.from([0, 0]),
        nodes.map((node) => node.testDeps ?? []),
      ),
    ];
    for (const graph of graphs) {
      expect(graph.dependents('helpers')).toEqual([]);
      expect(graph.findCycles()).toEqual([]);
      expect(graph.testDependencies('app')).toEqual(['helpers', 'core']);
      expect([...graph.testDependents(new Set(['helpers']))].sort()).toEqual(['app', 'core']);
      expect([...graph.testDependents(new Set(['app']))]).toEqual([]);
    }
  });
});
