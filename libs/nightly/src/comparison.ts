import { targetDuration } from './night-targets.ts';
import type { NightlyComparison, NightlyTarget } from './nightly-report.ts';
import { type TestName, testId } from './flake-lines.ts';
import type { PreviousNight } from './previous-night.ts';

/** How many of the slowest targets the comparison lists. */
export const slowestListed = 10;

/**
 * Tonight against the previous nightly: targets newly red, fixed (red then, green, flaky or
 * without tests now) and still red; tests newly flaky; the slowest targets with their time
 * then. Without a previous nightly, only the slowest targets.
 */
export function compareNights(
  targets: readonly NightlyTarget[],
  flakyTonight: readonly TestName[],
  previous: PreviousNight | undefined,
): NightlyComparison {
  const before = (name: string) => previous?.targets.get(name);
  const wasRed = (name: string) => before(name)?.status === 'red';
  const red = targets.filter((target) => target.status === 'red').map((target) => target.name);
  const flakyBefore = new Set((previous?.flakyTests ?? []).map(testId));
  const slowest = [...targets]
    .sort((a, b) => targetDuration(b) - targetDuration(a) || a.name.localeCompare(b.name))
    .slice(0, slowestListed)
    .map((target) => {
      const previousMs = before(target.name)?.durationMs;
      return {
        target: target.name,
        durationMs: targetDuration(target),
        ...(previousMs === undefined ? {} : { previousMs }),
      };
    });
  if (previous === undefined) {
    return { newlyRed: [], fixed: [], stillRed: [], newlyFlaky: [], slowest };
  }
  return {
    newlyRed: red.filter((name) => !wasRed(name)),
    fixed: targets
      .filter((t) => wasRed(t.name) && ['green', 'flaky', 'no-tests'].includes(t.status))
      .map((t) => t.name),
    stillRed: red.filter(wasRed),
    newlyFlaky: flakyTonight
      .filter((test) => !flakyBefore.has(testId(test)))
      .map(({ target, file, name }) => ({ target, file, name })),
    slowest,
  };
}
