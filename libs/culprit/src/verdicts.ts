import type { SearchState, TestState } from './assess.ts';
import { confirmation } from './confirmation.ts';
import type { SearchOutcome, Verdict } from './types.ts';

export interface CulpritGroup {
  readonly at: number;
  readonly members: readonly TestState[];
}

/**
 * The settled tests that blame a suspect, one group per suspect, oldest first: tests
 * whose posteriors settle on different suspects are different breakages.
 */
export function culpritGroups(state: SearchState): CulpritGroup[] {
  const groups = new Map<number, TestState[]>();
  for (const test of state.tests) {
    if (!test.settled || typeof test.best !== 'number') continue;
    const group = groups.get(test.best) ?? [];
    group.push(test);
    groups.set(test.best, group);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([at, members]) => ({ at, members }));
}

/** What the search concludes now: culprits (confirmed or not), flakes, what stays open. */
export function outcomeOf(state: SearchState): SearchOutcome {
  const verdicts: Verdict[] = culpritGroups(state).map(({ at, members }) => ({
    kind: 'culprit',
    at,
    tests: members.map((member) => member.test),
    confidence: lowest(members),
    confirmed: confirmation(at, members, state.settings).confirmed,
  }));
  const flakes = state.tests.filter((test) => test.settled && test.best === 'flake');
  if (flakes.length > 0) {
    verdicts.push({
      kind: 'flake',
      tests: flakes.map((test) => test.test),
      confidence: lowest(flakes),
    });
  }
  const open = new Map<number | 'none', TestState[]>();
  for (const test of state.tests) {
    if (test.quarantined || test.settled) continue;
    const key = leadingSuspect(test) ?? 'none';
    const group = open.get(key) ?? [];
    group.push(test);
    open.set(key, group);
  }
  for (const [key, members] of open) {
    const tests = members.map((member) => member.test);
    if (typeof key !== 'number') {
      verdicts.push({ kind: 'inconclusive', tests });
      continue;
    }
    const confidence = members.reduce(
      (low, member) => Math.min(low, member.posterior?.suspects[key] ?? 0),
      1,
    );
    verdicts.push({ kind: 'inconclusive', tests, best: { at: key, confidence } });
  }
  for (const test of state.tests) {
    if (test.quarantined)
      verdicts.push({ kind: 'quarantine', tests: [test.test], flakeRate: test.rate });
  }
  return { verdicts, flaky: state.flaky, searchRuns: state.searchRuns };
}

/** The suspect with the highest posterior, whatever P(flake) is. */
function leadingSuspect(test: TestState): number | undefined {
  const suspects = test.posterior?.suspects ?? [];
  let leading: number | undefined;
  let top = 0;
  for (let at = 0; at < suspects.length; at++) {
    const probability = suspects[at] as number;
    if (probability > top) {
      top = probability;
      leading = at;
    }
  }
  return leading;
}

function lowest(members: readonly TestState[]): number {
  return members.reduce((low, member) => Math.min(low, member.bestProbability), 1);
}
