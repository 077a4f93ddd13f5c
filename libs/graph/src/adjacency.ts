/**
 * Edges as compressed sparse rows: the neighbours of node `i` are
 * `targets[offsets[i]] .. targets[offsets[i + 1] - 1]`. Three typed arrays for the whole
 * graph instead of an array per node: cheap to build cold, and nothing for the GC.
 */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** The same edges, reversed: a counting pass, then a filling pass; integers only. */
export function reversed(edges: Adjacency): Adjacency {
  const nodes = edges.offsets.length - 1;
  const counts = new Int32Array(nodes + 1);
  for (let e = 0; e < edges.targets.length; e++) {
    const to = (edges.targets[e] as number) + 1;
    counts[to] = (counts[to] as number) + 1;
  }
  for (let i = 0; i < nodes; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const offsets = counts.slice();
  const targets = new Int32Array(edges.targets.length);
  const next = counts; // reused as the fill cursor of each row
  for (let from = 0; from < nodes; from++) {
    for (let e = edges.offsets[from] as number; e < (edges.offsets[from + 1] as number); e++) {
      const to = edges.targets[e] as number;
      targets[next[to] as number] = from;
      next[to] = (next[to] as number) + 1;
    }
  }
  return { offsets, targets };
}

/** Every node reachable from `starts` (included), as a membership array. */
export function reach(edges: Adjacency, starts: readonly number[]): Uint8Array {
  const seen = new Uint8Array(edges.offsets.length - 1);
  const stack: number[] = [];
  for (const start of starts) {
    if (seen[start] === 1) continue;
    seen[start] = 1;
    stack.push(start);
  }
  while (stack.length > 0) {
    const node = stack.pop() as number;
    for (let e = edges.offsets[node] as number; e < (edges.offsets[node + 1] as number); e++) {
      const next = edges.targets[e] as number;
      if (seen[next] === 1) continue;
      seen[next] = 1;
      stack.push(next);
    }
  }
  return seen;
}
