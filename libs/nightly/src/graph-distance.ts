/**
 * How many edges separate `from` from every target it reaches, deps and dependents alike
 * (the graph taken as undirected): what "nearest in the graph" means for the audit.
 */
export function undirectedDistances(
  deps: ReadonlyMap<string, readonly string[]>,
  from: string,
): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    let list = neighbours.get(a);
    if (list === undefined) {
      list = [];
      neighbours.set(a, list);
    }
    list.push(b);
  };
  for (const [name, list] of deps) {
    for (const dep of list) {
      link(name, dep);
      link(dep, name);
    }
  }
  const distances = new Map([[from, 0]]);
  let frontier = [from];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const name of frontier) {
      for (const neighbour of neighbours.get(name) ?? []) {
        if (distances.has(neighbour)) continue;
        distances.set(neighbour, distance);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return distances;
}
