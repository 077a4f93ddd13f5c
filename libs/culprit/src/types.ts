import type { SearchSettings } from './settings.ts';

/** A commit in the regression range that affects the red target. */
export interface Suspect {
  /** The commit's sha (the search only carries it through). */
  readonly id: string;
  /**
   * Graph hops from the commit's changed files to the red target: 0 when it changed the
   * target's own files, d when it changed a dep d hops away. Weighs its prior (2^-d).
   */
  readonly distance: number;
}

/**
 * One run of the target's tests at one commit: every failing test it gave a result for.
 * The search's whole state is the list of these, so the trunk loop stores each one as it
 * comes and, after a crash, rebuilds the exact search from them.
 */
export interface TestRun {
  /** Suspect index; -1 is the last green commit (the first suspect's parent). */
  readonly at: number;
  readonly failed: readonly string[];
  readonly passed: readonly string[];
  /**
   * `trunk`: a run of the loop's own that opened the search (the first red run at the last
   * suspect, the last green run at -1). `search` and `confirm`: a run nextStep asked for,
   * with the step's `purpose`; they count against the run budget, even one with no
   * results (the build broke). Only `confirm` runs, asked for once a suspect stood out,
   * can confirm it: earlier runs chose it, so they cannot vouch for it.
   */
  readonly origin: 'trunk' | RunPurpose;
}

export interface SearchInput {
  /** Oldest first; the last is the first red commit, -1 (last green) is the first's parent. */
  readonly suspects: readonly Suspect[];
  /** The tests red at the first red commit. Results of other tests are ignored. */
  readonly failingTests: readonly string[];
  /** Each test's flake rate from its history, in [0, 1]; a missing test has no history. */
  readonly flakeRates: ReadonlyMap<string, number>;
  /** Every run so far, in order: the trunk's own first (see TestRun.origin). */
  readonly runs: readonly TestRun[];
  readonly settings?: Partial<SearchSettings>;
}

export type RunPurpose = 'search' | 'confirm';

export type Step =
  | {
      readonly kind: 'run';
      /** Suspect index to run at (-1: the last green commit). */
      readonly at: number;
      /** Record the run with this origin. */
      readonly purpose: RunPurpose;
      /** The tests this run is for; one run of the target's tests gives them all. */
      readonly tests: readonly string[];
      /** One line for logs: why this commit. */
      readonly why: string;
    }
  | { readonly kind: 'done'; readonly outcome: SearchOutcome };

export interface SearchOutcome {
  readonly verdicts: readonly Verdict[];
  /** Tests seen both failing and passing at one commit: flaky, whatever the verdict. */
  readonly flaky: readonly FlakyEvidence[];
  /** Runs the search made (origin `search` or `confirm`). */
  readonly searchRuns: number;
}

export type Verdict =
  | {
      readonly kind: 'culprit';
      readonly at: number;
      readonly tests: readonly string[];
      /** The lowest posterior probability of `at` among `tests`. */
      readonly confidence: number;
      /** Failed at `at` and passed at its parent often enough to rule out their flake rates. */
      readonly confirmed: boolean;
    }
  /** Nothing broke these tests: the red was a flake. */
  | { readonly kind: 'flake'; readonly tests: readonly string[]; readonly confidence: number }
  /** The run budget ran out first; `best` is the leading suspect, never a verdict. */
  | {
      readonly kind: 'inconclusive';
      readonly tests: readonly string[];
      readonly best?: { readonly at: number; readonly confidence: number };
    }
  /** Flake rate above the cap: not searched, a quarantine candidate. */
  | { readonly kind: 'quarantine'; readonly tests: readonly string[]; readonly flakeRate: number };

export interface FlakyEvidence {
  readonly test: string;
  readonly at: number;
  readonly runs: number;
  readonly failures: number;
}
