import type { TestMark } from '@mainline/store';

// What the sheriff's screen shows: the store read into five panels' worth of plain data.

export interface Dashboard {
  /** When it was read (ms): ages on screen count from here. */
  readonly at: number;
  readonly trunk: TrunkSummary;
  readonly breakages: readonly BreakageGroup[];
  readonly candidates: readonly Candidate[];
  readonly flaky: readonly FlakyTestRow[];
  readonly runs: readonly RecentRun[];
}

/** Whether a trunk loop holds this state folder's lock (`<state>/trunk/lock`), and its pid. */
export interface LoopState {
  readonly running: boolean;
  readonly pid?: number;
}

export interface TrunkSummary {
  /** The newest commit the loop tested; undefined before its first pass. */
  readonly tip:
    | { readonly sha: string; readonly subject: string; readonly green: boolean }
    | undefined;
  /** The tip when green; else the last commit before the oldest open breakage. */
  readonly lastGreen: string | undefined;
  readonly loop: LoopState;
  /** When the loop last ran (its latest run's start), if ever. */
  readonly lastRan: number | undefined;
}

/** Open breakages sharing one regression range (last green..first red). */
export interface BreakageGroup {
  readonly lastGreen: string | undefined;
  readonly firstRed: string;
  readonly breakageIds: readonly number[];
  readonly targets: readonly string[];
  readonly tests: readonly string[];
  /** When the first of them opened (ms). */
  readonly since: number;
  /** Until when they are all snoozed; undefined when any is awake. */
  readonly snoozedUntil: number | undefined;
}

export type CandidateStatus = 'reverted' | 'verifying' | 'held';

/** A culprit the loop named, and what became of it (its latest decision). */
export interface Candidate {
  readonly decisionId: number;
  readonly breakageId: number | undefined;
  readonly target: string;
  readonly culprit: string;
  readonly author: string | undefined;
  readonly subject: string | undefined;
  readonly confidence: number | undefined;
  /** How many failing tests blame it. */
  readonly tests: number;
  readonly status: CandidateStatus;
  /** For `held`: the rule that held it back. */
  readonly rule: string | undefined;
  readonly detail: string;
  readonly revertSha: string | undefined;
  readonly decidedAt: number;
}

/** A test seen flaky on trunk, or marked by a person. */
export interface FlakyTestRow {
  readonly target: string;
  /** As trunk names it: `file > suite > test`. */
  readonly test: string;
  /** Failed runs over runs where it also passed; undefined for a mark with no history. */
  readonly rate: number | undefined;
  readonly runs: number;
  readonly lastSeen: number | undefined;
  readonly mark: TestMark | undefined;
}

/** How people name the runs: the CLI's test, build and watch are `local`. */
export type RunLabel = 'pre-push' | 'nightly' | 'trunk' | 'culprit' | 'revert' | 'local' | 'ci';

export interface RecentRun {
  readonly id: number;
  readonly label: RunLabel;
  readonly status: string;
  readonly startedAt: number;
  /** Undefined while running. */
  readonly durationMs: number | undefined;
  readonly passed: number;
  readonly failed: number;
  readonly flaky: number;
  readonly cached: number;
}
