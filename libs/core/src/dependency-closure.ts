import type { Target } from './types.ts';

/**
 * The targets `from` and everything they depend on, transitively (unknown names kept, not
 * followed); with `testDeps`, through test deps too (what testing them needs built).
 */
export function dependencyClosure(
  targets: ReadonlyMap<string, Target>,
  from: Iterable<string>,
  options: { readonly testDeps?: boolean } = {},
): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const target = targets.get(name);
    for (const dep of target?.deps ?? []) stack.push(dep);
    if (options.testDeps) for (const dep of target?.testDeps ?? []) stack.push(dep);
  }
  return seen;
}
