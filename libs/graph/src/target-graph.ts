import type { DirectedGraph } from 'graphology';
import { findCycles } from './cycles.ts';

export interface GraphNode {
  readonly name: string;
  readonly deps: readonly string[];
}

/**
 * The target DAG. Queries on the hot path of `affected` (neighbours, closures, paths)
 * run on plain adjacency maps: building a graphology graph of 10,000 targets and
 * 30,000 edges takes 60-200 ms, more than the whole `affected` budget allows. The
 * graphology graph (edges from a dependency to its dependent) is loaded and built on
 * first use, for the algorithms that come from graphology-dag.
 */
export class TargetGraph {
  readonly #deps: ReadonlyMap<string, readonly string[]>;
  #dependents: Map<string, string[]> | undefined;
  #graphology: DirectedGraph | undefined;

  private constructor(deps: ReadonlyMap<string, readonly string[]>) {
    this.#deps = deps;
  }

  /** Builds the graph; deps naming unknown targets or the target itself are ignored (validation reports them). */
  static fromTargets(targets: Iterable<GraphNode>): TargetGraph {
    const nodes = [...targets];
    const known = new Set<string>();
    for (const node of nodes) known.add(node.name);
    const deps = new Map<string, readonly string[]>();
    for (const node of nodes) {
      const valid = node.deps.every(
        (dep, i) => dep !== node.name && known.has(dep) && node.deps.indexOf(dep) === i,
      );
      // The common case (a validated BUILD.json) shares the target's own array.
      deps.set(
        node.name,
        valid
          ? node.deps
          : [...new Set(node.deps)].filter((dep) => dep !== node.name && known.has(dep)),
      );
    }
    return new TargetGraph(deps);
  }

  get size(): number {
    return this.#deps.size;
  }

  has(name: string): boolean {
    return this.#deps.has(name);
  }

  names(): string[] {
    return [...this.#deps.keys()];
  }

  dependencies(name: string): readonly string[] {
    return this.#deps.get(name) ?? [];
  }

  dependents(name: string): readonly string[] {
    return this.#reverse().get(name) ?? [];
  }

  /** The given targets and everything that depends on them, transitively. */
  dependentsClosure(names: Iterable<string>): Set<string> {
    return this.#closure(names, 'out');
  }

  /** The given targets and everything they depend on, transitively. */
  dependenciesClosure(names: Iterable<string>): Set<string> {
    return this.#closure(names, 'in');
  }

  /**
   * Generations in build order: each layer depends only on earlier ones. Throws on a cycle.
   * graphology is loaded here, on first use, so commands that never ask for layers
   * (`affected` among them) do not pay for loading it.
   */
  async layers(): Promise<string[][]> {
    const { topologicalGenerations } = commonJs(await import('graphology-dag'));
    return topologicalGenerations(await this.#toGraphology());
  }

  /** Every elementary cycle found by a depth-first search, each closed: ['a', 'b', 'a']. */
  findCycles(): string[][] {
    return findCycles(this.names(), (node) => this.dependencies(node));
  }

  /**
   * The shortest chain `from -> ... -> to` where each step is a dependency of the
   * previous one, or undefined when `from` does not depend on `to`.
   */
  dependencyPath(from: string, to: string): string[] | undefined {
    if (!this.has(from) || !this.has(to)) return undefined;
    const previous = new Map<string, string | null>([[from, null]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i] as string;
      if (node === to) break;
      for (const dep of this.dependencies(node)) {
        if (previous.has(dep)) continue;
        previous.set(dep, node);
        queue.push(dep);
      }
    }
    if (!previous.has(to)) return undefined;
    const path: string[] = [];
    for (let node: string | null | undefined = to; node != null; node = previous.get(node)) {
      path.push(node);
    }
    return path.reverse();
  }

  #closure(names: Iterable<string>, direction: 'in' | 'out'): Set<string> {
    const edges = direction === 'out' ? this.#reverse() : this.#deps;
    const seen = new Set<string>();
    const stack: string[] = [];
    for (const name of names) {
      if (edges.has(name) && !seen.has(name)) {
        seen.add(name);
        stack.push(name);
      }
    }
    while (stack.length > 0) {
      for (const next of edges.get(stack.pop() as string) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return seen;
  }

  /** Dependents, built on first use: one pass over every dep. */
  #reverse(): ReadonlyMap<string, readonly string[]> {
    if (this.#dependents) return this.#dependents;
    const dependents = new Map<string, string[]>();
    for (const [name, deps] of this.#deps) {
      for (const dep of deps) {
        const list = dependents.get(dep);
        if (list === undefined) dependents.set(dep, [name]);
        else list.push(name);
      }
    }
    this.#dependents = dependents;
    return dependents;
  }

  async #toGraphology(): Promise<DirectedGraph> {
    if (this.#graphology) return this.#graphology;
    const { DirectedGraph } = await import('graphology');
    const graph = new DirectedGraph({ allowSelfLoops: false });
    for (const name of this.#deps.keys()) graph.addNode(name);
    for (const [name, deps] of this.#deps) {
      for (const dep of deps) graph.addDirectedEdge(dep, name);
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
