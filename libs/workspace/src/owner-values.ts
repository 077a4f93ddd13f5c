import type { GlobIndex } from './glob-index.ts';
import type { Owner } from './ownership-index.ts';

/**
 * The ownership rule, in one place: a path belongs to a target when its `srcs` or its
 * `tests` hold it, and it is a test of that target whenever its `tests` hold it, even when
 * its `srcs` hold it too (`srcs: ["src/**"]`, `tests: ["src/**\/*.test.ts"]`). So a test
 * file is never built as a source, and a test edit never reaches dependents.
 */
export function ownerRole(inSrcs: boolean, inTests: boolean): Owner['role'] | undefined {
  return inTests ? 'test' : inSrcs ? 'src' : undefined;
}

/**
 * Owners from the numbers that matching positive globs carry (`2 * target position + 1 for
 * a tests glob`): sorted, so owners come in BUILD.json order. `holds(value)` confirms that
 * the list behind a value still holds the path once its negations are read (see
 * glob-list.ts); it is only asked about lists that have some.
 */
export function ownersFromValues(
  values: number[],
  nameOf: (target: number) => string,
  holds: (value: number) => boolean,
): Owner[] {
  values.sort((a, b) => a - b);
  const owners: Owner[] = [];
  for (let i = 0; i < values.length; ) {
    const target = (values[i] as number) >> 1;
    let inSrcs = false;
    let inTests = false;
    for (let previous = -1; i < values.length && (values[i] as number) >> 1 === target; i++) {
      const value = values[i] as number;
      if (value === previous) continue; // several globs of one list matched
      previous = value;
      if (value & 1) inTests ||= holds(value);
      else inSrcs ||= holds(value);
    }
    const role = ownerRole(inSrcs, inTests);
    if (role !== undefined) owners.push({ target: nameOf(target), role });
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
