import { didYouMean } from './did-you-mean.ts';
import type { Problem } from './problem.ts';

/**
 * Checks one target's deps (unknown, itself, repeated) and appends the deps that make
 * graph edges to `edges`, as indexes into `names` (known, distinct, not `self`, the
 * target's own index). Returns the largest index appended (-1 for none).
 */
export function checkDeps(
  target: string,
  self: number,
  deps: unknown,
  targetIndex: ReadonlyMap<string, number>,
  names: readonly string[],
  problems: Problem[],
  edges: number[],
): number {
  let latest = -1;
  if (!Array.isArray(deps)) return latest;
  for (let i = 0; i < deps.length; i++) {
    const dep: unknown = deps[i];
    if (typeof dep !== 'string') continue;
    const index = targetIndex.get(dep);
    if (index !== undefined && index !== self && deps.indexOf(dep) === i) {
      edges.push(index); // the common case, first: no allocation at all
      if (index > latest) latest = index;
      continue;
    }
    const at = { path: ['targets', target, 'deps', i] };
    if (deps.indexOf(dep) < i) {
      problems.push({
        at,
        message: `target '${target}' lists dep '${dep}' more than once`,
        hint: 'remove the repeated entry',
      });
    } else if (index === self) {
      problems.push({
        at,
        message: `target '${target}' depends on itself`,
        hint: `remove '${dep}' from its deps`,
      });
    } else {
      const guess = didYouMean(dep, names);
      problems.push({
        at,
        message: `target '${target}' depends on unknown target '${dep}'`,
        hint: guess
          ? `did you mean '${guess}'?`
          : `declare '${dep}' in "targets", or remove it from the deps`,
      });
    }
  }
  return latest;
}
