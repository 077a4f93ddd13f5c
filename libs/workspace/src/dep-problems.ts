import { didYouMean } from './did-you-mean.ts';
import { type Problem, shown } from './problem.ts';

const depWords = { dep: 'dep', itself: 'depends on itself', unknown: 'depends on unknown target' };
const testDepWords = {
  dep: 'test dep',
  itself: 'lists itself in testDeps',
  unknown: 'has a test dep on unknown target',
};

// Past this many deps, repeats are found with a set: indexOf on each would be quadratic.
const scanUpTo = 32;

/**
 * Checks one target's deps (unknown, itself, repeated) and appends the deps that make
 * graph edges to `edges`, as indexes into `names` (known, distinct, not `self`, the
 * target's own index). Returns the largest index appended (-1 for none). `testDeps` are
 * checked the same way; their edges make no build cycle (a test dep may depend on the
 * target: it is built after it), so the caller keeps them out of the cycle check.
 */
export function checkDeps(
  target: string,
  self: number,
  deps: unknown,
  targetIndex: ReadonlyMap<string, number>,
  names: readonly string[],
  problems: Problem[],
  edges: number[],
  field: 'deps' | 'testDeps' = 'deps',
): number {
  const words = field === 'deps' ? depWords : testDepWords;
  let latest = -1;
  if (!Array.isArray(deps)) return latest;
  const seen = deps.length > scanUpTo ? new Set<unknown>() : undefined;
  for (let i = 0; i < deps.length; i++) {
    const dep: unknown = deps[i];
    if (typeof dep !== 'string') continue;
    const index = targetIndex.get(dep);
    const repeated = seen === undefined ? deps.indexOf(dep) < i : seen.has(dep);
    seen?.add(dep);
    if (index !== undefined && index !== self && !repeated) {
      edges.push(index); // the common case, first: no allocation at all
      if (index > latest) latest = index;
      continue;
    }
    const at = { path: ['targets', target, field, i] };
    if (repeated) {
      problems.push({
        code: 'repeatedDep',
        at,
        message: () => `target ${shown(target)} lists ${words.dep} ${shown(dep)} more than once`,
        hint: 'remove the repeated entry',
      });
    } else if (index === self) {
      problems.push({
        code: 'selfDep',
        at,
        message: () => `target ${shown(target)} ${words.itself}`,
        hint: () => `remove ${shown(dep)} from its ${field}`,
      });
    } else {
      problems.push({
        code: 'unknownDep',
        at,
        message: () => `target ${shown(target)} ${words.unknown} ${shown(dep)}`,
        // Searching every name costs: only for the problems shown.
        hint: () => {
          const guess = didYouMean(dep, names);
          return guess
            ? `did you mean ${shown(guess)}?`
            : `declare ${shown(dep)} in "targets", or remove it from the ${field}`;
        },
      });
    }
  }
  return latest;
}
