import type { Target } from './types.ts';

/** The targets `from` and everything they depend on, transitively (unknown names kept, not followed). */
export function dependencyClosure(
  targets: ReadonlyMap<string, Target>,
  from: Iterable<string>,
): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    for (const dep of targets.get(name)?.deps ?? []) stack.push(dep);
  }
  return seen;
}
