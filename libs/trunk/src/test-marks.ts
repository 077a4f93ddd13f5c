import type { Breakage, MarkedTest, NewDecision, TestMark } from '@mainline/store';
import type { TargetOutcome } from './target-outcome.ts';

/** A target's marked tests of one kind, by name. */
export function markedTests(
  marks: readonly MarkedTest[],
  target: string,
  mark: TestMark,
): ReadonlySet<string> {
  return new Set(marks.filter((m) => m.target === target && m.mark === mark).map((m) => m.test));
}

/**
 * A target's outcome on trunk with its quarantined tests' failures set aside: they do not
 * make it red (a person said they say nothing about trunk) and open no breakage. The
 * failures stay in `failing` of what is recorded (`quarantinedFailing`), so they are shown.
 * A broken build is never set aside.
 */
export function setAsideQuarantined(
  outcome: TargetOutcome,
  quarantined: ReadonlySet<string>,
): TargetOutcome & { readonly quarantinedFailing: readonly string[] } {
  if (outcome.status === 'build-failed' || quarantined.size === 0) {
    return { ...outcome, quarantinedFailing: [] };
  }
  const failing = outcome.failing.filter((test) => !quarantined.has(test));
  const quarantinedFailing = outcome.failing.filter((test) => quarantined.has(test));
  const red = outcome.red && failing.length > 0;
  return {
    ...outcome,
    red,
    status: outcome.red && !red ? 'passed' : outcome.status,
    failing,
    quarantinedFailing,
  };
}

/** The decision about a breakage's tests a person marked flaky: never searched, never reverted for. */
export function markedFlakyDecision(breakage: Breakage, tests: readonly string[]): NewDecision {
  return {
    breakageId: breakage.id,
    target: breakage.target,
    tests,
    kind: 'flaky',
    detail: `marked flaky by a person (mainline trunk mark): not searched, never grounds for a revert`,
  };
}
