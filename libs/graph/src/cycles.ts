/**
 * Finds cycles with an iterative depth-first search (recursion would overflow on deep
 * graphs). Each back edge closes one cycle, reported once, rotated to start at its
 * smallest name so the output is stable whatever the iteration order.
 */
export function findCycles(
  nodes: readonly string[],
  successors: (node: string) => readonly string[],
): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const cycles = new Map<string, string[]>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const pending: string[][] = [[...successors(start)]];
    state.set(start, 'active');
    while (path.length > 0) {
      const next = (pending[pending.length - 1] as string[]).pop();
      if (next === undefined) {
        state.set(path.pop() as string, 'done');
        pending.pop();
        continue;
      }
      const seen = state.get(next);
      if (seen === 'active') {
        const cycle = canonical(path.slice(path.indexOf(next)));
        cycles.set(cycle.join('\u0000'), [...cycle, cycle[0] as string]);
      } else if (seen === undefined) {
        state.set(next, 'active');
        path.push(next);
        pending.push([...successors(next)]);
      }
    }
  }
  return [...cycles.values()];
}

function canonical(cycle: string[]): string[] {
  let smallest = 0;
  cycle.forEach((name, i) => {
    if (name < (cycle[smallest] as string)) smallest = i;
  });
  return [...cycle.slice(smallest), ...cycle.slice(0, smallest)];
}
