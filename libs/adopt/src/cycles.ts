/** An edge of the package graph, by index; `weak` when only devDependencies or peerDependencies name it. */
export interface Edge {
  readonly from: number;
  readonly to: number;
  readonly weak: boolean;
}

/**
 * The edges to leave out so the graph has no cycle (BUILD.json allows none), fewest first:
 * inside each strongly connected component, weak edges (dev and peer dependencies, which
 * npm tolerates in cycles) go first, then, if a cycle remains, the edges a depth-first
 * search finds closing one. Acyclic graphs, the usual case, cost one linear pass.
 */
export function edgesClosingCycles<E extends Edge>(count: number, edges: readonly E[]): E[] {
  let kept = [...edges];
  const dropped: E[] = [];
  for (const weakFirst of [true, false]) {
    const component = components(count, kept);
    const inCycle = (edge: E): boolean =>
      component[edge.from] === component[edge.to] &&
      (weakFirst ? edge.weak : true) &&
      edge.from !== edge.to;
    if (weakFirst) {
      dropped.push(...kept.filter(inCycle));
      kept = kept.filter((edge) => !inCycle(edge));
    } else {
      const back = backEdges(count, kept);
      dropped.push(...back);
      const closing = new Set(back);
      kept = kept.filter((edge) => !closing.has(edge));
    }
  }
  return dropped;
}

/** Tarjan's strongly connected components, iteratively: the component id of each node. */
function components(count: number, edges: readonly Edge[]): number[] {
  const out = adjacency(count, edges);
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const component = new Array<number>(count).fill(-1);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  let next = 0;
  let components = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1] as [number, number];
      const [node, at] = frame;
      if (at === 0) {
        index[node] = low[node] = next++;
        stack.push(node);
        onStack[node] = true;
      }
      const targets = out[node] ?? [];
      if (at < targets.length) {
        frame[1] = at + 1;
        const to = targets[at] as number;
        if (index[to] === -1) work.push([to, 0]);
        else if (onStack[to]) low[node] = Math.min(low[node] ?? 0, index[to] ?? 0);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[node] ?? 0);
      if (low[node] === index[node]) {
        let member: number | undefined;
        do {
          member = stack.pop() as number;
          onStack[member] = false;
          component[member] = components;
        } while (member !== node);
        components++;
      }
    }
  }
  return component;
}

/** Edges to a node still on the depth-first path: removing them all leaves no cycle. */
function backEdges<E extends Edge>(count: number, edges: readonly E[]): E[] {
  const out: E[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) out[edge.from]?.push(edge);
  const state = new Array<number>(count).fill(0); // 0 new, 1 on the path, 2 done
  const back: E[] = [];
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    const work: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1] as [number, number];
      const [node, at] = frame;
      const list = out[node] ?? [];
      if (at === list.length) {
        state[node] = 2;
        work.pop();
        continue;
      }
      frame[1] = at + 1;
      const edge = list[at] as E;
      if (state[edge.to] === 1) back.push(edge);
      else if (state[edge.to] === 0) {
        state[edge.to] = 1;
        work.push([edge.to, 0]);
      }
    }
  }
  return back;
}

function adjacency(count: number, edges: readonly Edge[]): number[][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) out[edge.from]?.push(edge.to);
  return out;
}
