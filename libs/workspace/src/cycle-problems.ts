import { shownPerKind } from './bounded.ts';
import { type Problem, shownText } from './problem.ts';

/** Deps of target i: `edges[starts[i]]` up to `edges[starts[i + 1]]`, as indexes of targets. */
export interface FlatGraph {
  readonly starts: Int32Array;
  readonly edges: readonly number[];
}

const hint =
  'targets must not depend on themselves through their deps: remove one dep of the cycle';

/**
 * Dependency cycles, each reported at its first edge, as a path `a -> b -> c -> a`. The
 * graph holds only deps that make edges (known, distinct, not itself; the others are
 * reported on their own). One depth-first search over integers finds a cycle per edge
 * that closes one (at most one per edge, so never more than the file has deps); only the
 * first few are spelled out, the others are counted (see bounded.ts).
 */
export function cycleProblems(
  names: readonly string[],
  graph: FlatGraph,
  indexOfDep: (target: string, dep: string) => number,
  problems: Problem[],
): void {
  let found = 0;
  forEachCycle(graph, (stack, first, last) => {
    found++;
    // Beyond those shown and the one the count line points at, only the number matters.
    if (found > shownPerKind + 1) return;
    problems.push(describeCycle(Array.from(stack.subarray(first, last + 1)), names, indexOfDep));
  });
  const more = found - shownPerKind - 1;
  if (more > 0) {
    const message = `${more.toLocaleString('en-US')} more dependency cycles`;
    problems.push({ code: 'cycle', at: { path: ['targets'] }, message, hint, count: more });
  }
}

function describeCycle(
  cycle: readonly number[],
  names: readonly string[],
  indexOfDep: (target: string, dep: string) => number,
): Problem {
  // From the smallest name, so the same cycle always reads the same.
  let start = 0;
  for (let i = 1; i < cycle.length; i++) {
    if ((names[cycle[i] as number] as string) < (names[cycle[start] as number] as string))
      start = i;
  }
  const ids = [...cycle.slice(start), ...cycle.slice(0, start)];
  const from = names[ids[0] as number] as string;
  const to = names[ids[1 % ids.length] as number] as string;
  return {
    code: 'cycle',
    at: { path: ['targets', from, 'deps', indexOfDep(from, to)] },
    message: `dependency cycle: ${cyclePath(ids.map((id) => names[id] as string))}`,
    hint,
  };
}

/** `a -> b -> c -> a`; a long cycle keeps its first and last names and counts the rest. */
function cyclePath(cycle: readonly string[]): string {
  const names = cycle.map(shownText);
  const closed = [...names, names[0] as string];
  if (closed.length <= 12) return closed.join(' -> ');
  const hidden = closed.length - 9;
  return [
    ...closed.slice(0, 6),
    `(${hidden.toLocaleString('en-US')} more)`,
    ...closed.slice(-3),
  ].join(' -> ');
}

const unvisited = 0;
const onPath = 1;
const done = 2;

/**
 * Calls `found` for every edge that closes a cycle in a depth-first search (at most once
 * per edge): the cycle is `stack[first..last]`, in dep order, the first not repeated. The
 * stack is lent, not copied: a 10,000-target chain closed by every target costs no more
 * than its edges.
 */
export function forEachCycle(
  { starts, edges }: FlatGraph,
  found: (stack: Int32Array, first: number, last: number) => void,
): void {
  const count = starts.length - 1;
  const state = new Uint8Array(count);
  const stack = new Int32Array(count);
  const depthOf = new Int32Array(count);
  const next = new Int32Array(count);
  for (let start = 0; start < count; start++) {
    if (state[start] !== unvisited) continue;
    let depth = 0;
    stack[0] = start;
    depthOf[start] = 0;
    next[0] = starts[start] as number;
    state[start] = onPath;
    while (depth >= 0) {
      const node = stack[depth] as number;
      const edge = next[depth] as number;
      if (edge === starts[node + 1]) {
        state[node] = done;
        depth--;
        continue;
      }
      next[depth] = edge + 1;
      const dep = edges[edge] as number;
      if (state[dep] === onPath) {
        found(stack, depthOf[dep] as number, depth);
      } else if (state[dep] === unvisited) {
        depth++;
        stack[depth] = dep;
        depthOf[dep] = depth;
        next[depth] = starts[dep] as number;
        state[dep] = onPath;
      }
    }
  }
}
