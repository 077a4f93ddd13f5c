import type { Verdict } from '@mainline/culprit';

/**
 * git bisect as a script would run it: one run per probe, no reruns; the target is red
 * when any of its failing tests fails. It always ends on a commit, named with full
 * confidence (it saw it red and its parent green).
 */
export function plainBisection(
  suspects: number,
  tests: readonly string[],
  run: (at: number) => ReadonlyMap<string, boolean>,
): { verdict: Verdict; runs: number } {
  let lo = -1;
  let hi = suspects - 1;
  let runs = 0;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    runs++;
    const red = [...run(mid).values()].some((failed) => failed);
    if (red) hi = mid;
    else lo = mid;
  }
  return { verdict: { kind: 'culprit', at: hi, tests, confidence: 1, confirmed: true }, runs };
}
