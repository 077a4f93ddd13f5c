import {
  nextStep,
  type SearchOutcome,
  type SearchSettings,
  type Suspect,
  type TestRun,
} from '@mainline/culprit';
import type { Breakage, TrunkRecords } from '@mainline/store';
import { buildTest, type TargetOutcome } from './target-outcome.ts';
import type { TrunkEvent } from './trunk-events.ts';

/** A search's input, frozen when it starts and kept with its breakage (see TrunkRecords.setSearch). */
export interface FrozenSearch {
  readonly suspects: readonly Suspect[];
  readonly failingTests: readonly string[];
  readonly flakeRates: readonly (readonly [string, number])[];
  readonly settings: Partial<SearchSettings>;
  /** Failing tests a person marked flaky: left out of `failingTests`, decided `flaky`. */
  readonly markedFlaky?: readonly string[];
}

export interface SearchContext {
  readonly records: TrunkRecords;
  /** The target's tests run again at a commit (never read from the cache). */
  readonly runAt: (commit: string, target: string) => Promise<TargetOutcome>;
  readonly emit: (event: TrunkEvent) => void;
  readonly signal: AbortSignal;
}

/**
 * Runs (or resumes) the flake-aware culprit search of a breakage. The search core is a pure
 * stepper over the runs so far; each run is recorded before the next step is asked for, so
 * a loop killed mid-search takes it up exactly where it stopped. Undefined when stopped by
 * the signal before the end.
 */
export async function searchCulprit(
  context: SearchContext,
  breakage: Breakage & { readonly lastGreen: string },
  frozen: FrozenSearch,
): Promise<SearchOutcome | undefined> {
  const { records } = context;
  const commitAt = (at: number): string =>
    at < 0 ? breakage.lastGreen : (frozen.suspects[at]?.id ?? breakage.firstRed);
  const record = (run: TestRun, runId?: number): void =>
    records.recordSearchRun(breakage.id, breakage.target, commitAt(run.at), {
      ...run,
      runId,
    });
  if (records.searchRuns(breakage.id).length === 0) {
    // What the loop saw opens the search: green at the last green commit, red at the first red.
    record({ at: -1, failed: [], passed: frozen.failingTests, origin: 'trunk' });
    record({
      at: frozen.suspects.length - 1,
      failed: frozen.failingTests,
      passed: [],
      origin: 'trunk',
    });
  }
  for (;;) {
    const runs: TestRun[] = records.searchRuns(breakage.id).map((run) => ({
      at: run.at,
      failed: run.failed,
      passed: run.passed,
      origin: run.origin as TestRun['origin'],
    }));
    const step = nextStep({
      suspects: frozen.suspects,
      failingTests: frozen.failingTests,
      flakeRates: new Map(frozen.flakeRates),
      runs,
      settings: frozen.settings,
    });
    if (step.kind === 'done') return step.outcome;
    if (context.signal.aborted) return undefined;
    const commit = commitAt(step.at);
    const outcome = await context.runAt(commit, breakage.target);
    const { failed, passed } = resultsFor(step.tests, outcome);
    record({ at: step.at, failed, passed, origin: step.purpose }, outcome.runId);
    context.emit({
      type: 'search-step',
      breakage: breakage.id,
      target: breakage.target,
      commit,
      why: step.why,
      failed,
      passed,
    });
  }
}

/**
 * Which of `tests` failed and passed in a run. A broken build gives no test results (only
 * `(build)` failed); a test missing at that commit passed (it cannot have failed there); a
 * test whose whole file failed to load failed.
 */
export function resultsFor(
  tests: readonly string[],
  outcome: TargetOutcome,
): { failed: string[]; passed: string[] } {
  if (outcome.status === 'build-failed') {
    return { failed: tests.filter((test) => test === buildTest), passed: [] };
  }
  const failing = new Set(outcome.failing);
  const failed = tests.filter(
    (test) => failing.has(test) || failing.has(test.split(' > ')[0] as string),
  );
  return { failed, passed: tests.filter((test) => !failed.includes(test)) };
}
