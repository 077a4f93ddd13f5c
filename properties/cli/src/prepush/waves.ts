import type { AffectedTarget } from '@mainline/core';

/**
 * The affected targets in waves by distance from the change: first the ones the change
 * touches itself (one of their files, their BUILD.json entry, a package they import),
 * then the ones that depend on those, and so on, each wave in report order. With a time
 * budget, the pre-push check runs wave by wave, so the properties nearest to the change
 * are checked first and what the budget leaves out is what lies furthest from it.
 */
export function wavesByDistance(affected: readonly AffectedTarget[]): string[][] {
  const placed = new Set<string>();
  const waves: string[][] = [];
  const link = (type: string): boolean => type === 'dep' || type === 'test-dep';
  let wave = affected.filter((target) => target.reasons.some((reason) => !link(reason.type)));
  while (wave.length > 0) {
    const names = wave.map((target) => target.name);
    for (const name of names) placed.add(name);
    waves.push(names);
    const previous = new Set(names);
    wave = affected.filter(
      (target) =>
        !placed.has(target.name) &&
        target.reasons.some(
          (reason) => 'target' in reason && link(reason.type) && previous.has(reason.target),
        ),
    );
  }
  // A target whose reasons name no placed dep would be a bug upstream: checked last, not lost.
  const rest = affected.filter((target) => !placed.has(target.name)).map((target) => target.name);
  if (rest.length > 0) waves.push(rest);
  return waves;
}
