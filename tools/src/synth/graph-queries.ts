import type { SynthRepo, SynthTarget } from './types.ts';

/** The target and every target that depends on it, directly or not. */
export function dependentClosure(targets: readonly SynthTarget[], name: string): Set<string> {
  const dependents = new Map<string, string[]>();
  for (const target of targets) {
    for (const dep of target.deps) {
      const list = dependents.get(dep);
      if (list) list.push(target.name);
      else dependents.set(dep, [target.name]);
    }
  }
  const seen = new Set<string>([name]);
  const queue = [name];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const dependent of dependents.get(next) ?? []) {
      if (!seen.has(dependent)) {
        seen.add(dependent);
        queue.push(dependent);
      }
    }
  }
  return seen;
}

/**
 * A lib in the middle layer, with the most dependents among a few candidates: a change
 * there ripples through a realistic part of the graph, neither a leaf nor everything.
 */
export function pickMidGraphLib(repo: SynthRepo): SynthTarget {
  const middle = Math.floor(repo.layers / 2);
  const candidates = repo.targets
    .filter((t) => t.kind === 'lib' && t.layer === middle)
    .slice(0, 25);
  let best: SynthTarget | undefined;
  let bestSize = -1;
  for (const candidate of candidates) {
    const size = dependentClosure(repo.targets, candidate.name).size;
    if (size > bestSize) {
      best = candidate;
      bestSize = size;
    }
  }
  if (!best) throw new Error('synth: the repository has no libs');
  return best;
}
