import type { DirectedGraph } from 'graphology';
import { type Adjacency, reach, reversed } from './adjacency.ts';
import { findCycles } from './cycles.ts';

export interface GraphNode {
  readonly name: string;
  readonly deps: readonly string[];
  /** Targets only its tests import: no build edges (see testDependencies). */
  readonly testDeps?: readonly string[];
}

/**
 * The target DAG. Queries on the hot path of `affected` (neighbours, closures, paths)
 * run on integer ids and compressed adjacency arrays: building a graphology graph of
 * 10,000 targets and 30,000 edges takes 60-200 ms, more than the whole `affected` budget
 * allows, and even a Map of arrays costs tens of milliseconds cold. The graphology graph
 * (edges from a dependency to its dependent) is loaded and built on first use, for the
 * algorithms that come from graphology-dag.
 */
export class TargetGraph {
  readonly #names: readonly string[];
  readonly #ids: ReadonlyMap<string, number>;
  readonly #deps: Adjacency;
  /** Test deps of the targets that have any: few, so a map, apart from the build edges. */
  readonly #testDeps: ReadonlyMap<string, readonly string[]>;
  #dependents: Adjacency | undefined;
  #graphology: DirectedGraph | undefined;

  private constructor(
    names: readonly string[],
    ids: ReadonlyMap<string, number>,
    deps: Adjacency,
    testDeps: ReadonlyMap<string, readonly string[]>,
  ) {
    this.#names = names;
    this.#ids = ids;
    this.#deps = deps;
    this.#testDeps = testDeps;
  }

  /** Builds the graph; deps naming unknown targets or the target itself are ignored (validation reports them). */
  static fromTargets(targets: Iterable<GraphNode>): TargetGraph {
    const nodes = [...targets];
    const ids = new Map<string, number>();
    const names: string[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const name = (nodes[i] as GraphNode).name;
      if (ids.has(name)) continue;
      ids.set(name, names.length);
      names.push(name);
    }
    // Rows are written in id order straight into one flat list: no array per node.
    const offsets = new Int32Array(names.length + 1);
    const flat: number[] = [];
    for (let i = 0, id = 0; i < nodes.length; i++) {
      const node = nodes[i] as GraphNode;
      if (ids.get(node.name) !== id) continue; // a repeated name: its first entry counts
      const rowStart = flat.length;
      offsets[id] = rowStart;
      for (let j = 0; j < node.deps.length; j++) {
        const dep = ids.get(node.deps[j] as string);
        if (dep === undefined || dep === id || flat.indexOf(dep, rowStart) !== -1) continue;
        flat.push(dep);
      }
      id++;
    }
    offsets[names.length] = flat.length;
    const testDeps = new Map<string, readonly string[]>();
    for (const node of nodes) {
      if (node.testDeps?.length && !testDeps.has(node.name)) testDeps.set(node.name, node.testDeps);
    }
    return new TargetGraph(names, ids, { offsets, targets: Int32Array.from(flat) }, testDeps);
  }

  /**
   * From names and dependency rows already in compressed form (a compiled workspace):
   * nothing to resolve, nothing to copy. Row `i` lists the ids target `i` depends on.
   */
  static fromAdjacency(
    names: readonly string[],
    offsets: Int32Array,
    deps: Int32Array,
    testDepsById: readonly (readonly string[])[] = [],
  ): TargetGraph {
    const ids = new Map<string, number>();
    for (let id = 0; id < names.length; id++) ids.set(names[id] as string, id);
    const testDeps = new Map<string, readonly string[]>();
    testDepsById.forEach((list, id) => {
      if (list.length > 0) testDeps.set(names[id] as string, list);
    });
    return new TargetGraph(names, ids, { offsets, targets: deps }, testDeps);
  }

  get size(): number {
    return this.#names.length;
  }

  has(name: string): boolean {
    return this.#ids.has(name);
  }

  names(): string[] {
    return [...this.#names];
  }

  dependencies(name: string): readonly string[] {
    return this.#neighbours(this.#deps, name);
  }

  dependents(name: string): readonly string[] {
    return this.#neighbours(this.#reverse(), name);
  }

  /** Its test deps: built before its tests run, never part of its build. */
  testDependencies(name: string): readonly string[] {
    return this.#testDeps.get(name) ?? [];
  }

  /** The targets whose tests depend on one of `names` (directly: a test dep's own test deps do not count). */
  testDependents(names: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    for (const [name, testDeps] of this.#testDeps) {
      if (testDeps.some((dep) => names.has(dep))) found.add(name);
    }
    return found;
  }

  /** The given targets and everything that depends on them, transitively. */
  dependentsClosure(names: Iterable<string>): Set<string> {
    return this.#closure(this.#reverse(), names);
  }

  /** The given targets and everything they depend on, transitively. */
  dependenciesClosure(names: Iterable<string>): Set<string> {
    return this.#closure(this.#deps, names);
  }

  /**
   * Generations in build order: each layer depends only on earlier ones. Throws on a cycle.
   * graphology is loaded here, on first use, so commands that never ask for layers
   * (`affected` among them) do not pay for loading it.
   */
  async layers(): Promise<string[][]> {
    const { topologicalGenerations } = commonJs(await import('graphology-dag'));
    const generations = topologicalGenerations(await this.#toGraphology());
    return generations.map((layer) => layer.map((key) => this.#names[Number(key)] as string));
  }

  /** Cycles found by a depth-first search (one per back edge, so at least one per tangle), each closed: ['a', 'b', 'a']. */
  findCycles(): string[][] {
    return findCycles(this.names(), (node) => this.dependencies(node));
  }

  #neighbours(edges: Adjacency, name: string): string[] {
    const id = this.#ids.get(name);
    if (id === undefined) return [];
    const found: string[] = [];
    for (let e = edges.offsets[id] as number; e < (edges.offsets[id + 1] as number); e++) {
      found.push(this.#names[edges.targets[e] as number] as string);
    }
    return found;
  }

  #closure(edges: Adjacency, names: Iterable<string>): Set<string> {
    const starts: number[] = [];
    for (const name of names) {
      const id = this.#ids.get(name);
      if (id !== undefined) starts.push(id);
    }
    const seen = reach(edges, starts);
    const closure = new Set<string>();
    for (let id = 0; id < seen.length; id++)
      if (seen[id] === 1) closure.add(this.#names[id] as string);
    return closure;
  }

  /** Dependents, built on first use from the dependencies. */
  #reverse(): Adjacency {
    this.#dependents ??= reversed(this.#deps);
    return this.#dependents;
  }

  /**
   * Nodes are keyed by id, not name: graphology keeps edges in plain objects, where a
   * target named `constructor` found Object.prototype's and was refused as a repeated edge.
   */
  async #toGraphology(): Promise<DirectedGraph> {
    if (this.#graphology) return this.#graphology;
    const { DirectedGraph } = await import('graphology');
    const graph = new DirectedGraph({ allowSelfLoops: false });
    for (let id = 0; id < this.#names.length; id++) graph.addNode(String(id));
    const { offsets, targets } = this.#deps;
    for (let id = 0; id < this.#names.length; id++) {
      for (let e = offsets[id] as number; e < (offsets[id + 1] as number); e++) {
        graph.addDirectedEdge(String(targets[e]), String(id));
      }
    }
    this.#graphology = graph;
    return graph;
  }
}

/**
 * graphology-dag is CommonJS: imported dynamically from an ES module bundle, its exports
 * arrive under `default`; under Node's own loader, or vitest's, as named exports.
 */
function commonJs<T extends object>(module: T): T {
  const wrapped = (module as { default?: unknown }).default;
  return typeof wrapped === 'object' && wrapped !== null ? (wrapped as T) : module;
}
