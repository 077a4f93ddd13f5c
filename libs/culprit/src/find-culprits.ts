import { nextStep } from './next-step.ts';
import type { SearchInput, SearchOutcome, TestRun } from './types.ts';

/** Runs the failing tests at a suspect (-1: the last green commit): test -> failed. */
export type RunTests = (
  at: number,
  tests: readonly string[],
) => Promise<ReadonlyMap<string, boolean>>;

export interface FindCulpritsOptions {
  /** Called with each run before the next step: the place to persist it. */
  readonly record?: (run: TestRun) => Promise<void> | void;
}

export interface FindCulpritsResult extends SearchOutcome {
  /** The runs this call made, in order. */
  readonly runs: readonly TestRun[];
}

/** Loops nextStep and `run` until the search is done. */
export async function findCulprits(
  input: SearchInput,
  run: RunTests,
  options: FindCulpritsOptions = {},
): Promise<FindCulpritsResult> {
  const made: TestRun[] = [];
  for (;;) {
    const step = nextStep({ ...input, runs: [...input.runs, ...made] });
    if (step.kind === 'done') return { ...step.outcome, runs: made };
    const results = await run(step.at, step.tests);
    const failed: string[] = [];
    const passed: string[] = [];
    for (const [test, didFail] of results) (didFail ? failed : passed).push(test);
    const testRun: TestRun = { at: step.at, failed, passed, origin: step.purpose };
    await options.record?.(testRun);
    made.push(testRun);
  }
}
