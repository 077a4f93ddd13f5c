import type { GlobIndex } from './glob-index.ts';
import type { Owner } from './ownership-index.ts';

/**
 * Owners from the numbers glob matches carry (`2 * target position + 1 for a tests glob`):
 * sorted, so owners come in BUILD.json order and a target's srcs value (even) comes before
 * its tests value, and the first one wins.
 */
export function ownersFromValues(values: number[], nameOf: (target: number) => string): Owner[] {
  values.sort((a, b) => a - b);
  const owners: Owner[] = [];
  let previous = -1;
  for (const value of values) {
    const target = value >> 1;
    if (target === previous) continue;
    previous = target;
    owners.push({ target: nameOf(target), role: value & 1 ? 'test' : 'src' });
  }
  return owners;
}

/** Whether any glob of `index` matches `path`. */
export function anyMatch(index: GlobIndex<undefined>, path: string): boolean {
  let matched = false;
  index.forEachMatch(path, () => {
    matched = true;
    return true;
  });
  return matched;
}
