import type { NightlyTarget } from '@mainline/nightly';

/** The part of the graph around tonight's red targets that the picture draws node by node. */
export interface Neighbourhood {
  /** Red targets first, then those one step away, then two; each with its step. */
  readonly nodes: readonly { readonly target: NightlyTarget; readonly step: 0 | 1 | 2 }[];
  /** `from` depends on `to`, both drawn. */
  readonly edges: readonly { readonly from: string; readonly to: string }[];
  /** Targets within two steps of a red target (red ones included) left out to stay readable. */
  readonly omitted: number;
}

/** A diagram of more nodes than this is a hairball: the rest is counted, not drawn. */
export const mostNodes = 40;

/**
 * Red targets, then their deps and dependents, then theirs (two steps, either direction),
 * until `limit` nodes are drawn. At each step the targets that explain most come first: not
 * green ones, then deps (what a red target builds on) before dependents, then BUILD.json
 * order. Linear in targets plus edges, but for sorting each step.
 */
export function redNeighbourhood(
  targets: readonly NightlyTarget[],
  limit: number = mostNodes,
): Neighbourhood {
  const byName = new Map(targets.map((target) => [target.name, target]));
  const position = new Map(targets.map((target, index) => [target.name, index]));
  const dependents = new Map<string, string[]>();
  for (const target of targets)
    for (const dep of target.deps) {
      const list = dependents.get(dep);
      if (list) list.push(target.name);
      else dependents.set(dep, [target.name]);
    }
  const neighbours = (name: string) => [
    ...(byName.get(name)?.deps ?? []).map((other) => ({ other, isDep: true })),
    ...(dependents.get(name) ?? []).map((other) => ({ other, isDep: false })),
  ];

  // Every target within two steps of a red one, with its step: what `omitted` counts.
  const reds = targets.filter((target) => target.status === 'red').map((target) => target.name);
  const steps = new Map<string, number>(reds.map((name) => [name, 0]));
  let frontier = reds;
  for (const step of [1, 2]) {
    const next: string[] = [];
    for (const name of frontier)
      for (const { other } of neighbours(name))
        if (byName.has(other) && !steps.has(other)) {
          steps.set(other, step);
          next.push(other);
        }
    frontier = next;
  }

  // Drawn: step by step, only targets next to one already drawn, so the diagram stays connected.
  const drawn = new Map<string, 0 | 1 | 2>();
  for (const name of reds.slice(0, limit)) drawn.set(name, 0);
  for (const step of [1, 2] as const) {
    const rank = new Map<string, number>();
    for (const [name, at] of drawn) {
      if (at !== step - 1) continue;
      for (const { other, isDep } of neighbours(name)) {
        if (steps.get(other) !== step) continue;
        const green = byName.get(other)?.status === 'green';
        const score = (green ? 2 : 0) + (isDep ? 0 : 1);
        rank.set(other, Math.min(score, rank.get(other) ?? score));
      }
    }
    const order = (name: string) => position.get(name) ?? 0;
    const candidates = [...rank.keys()].sort(
      (a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || order(a) - order(b),
    );
    for (const name of candidates) if (drawn.size < limit) drawn.set(name, step);
  }

  const nodes = [...drawn].flatMap(([name, step]) => {
    const target = byName.get(name);
    return target ? [{ target, step }] : [];
  });
  const edges = nodes.flatMap(({ target }) =>
    target.deps.filter((dep) => drawn.has(dep)).map((dep) => ({ from: target.name, to: dep })),
  );
  return { nodes, edges, omitted: steps.size - drawn.size };
}
