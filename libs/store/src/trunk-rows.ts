// The trunk loop's records as the store hands them out, and how their rows read back.

/** A trunk commit as the loop saw it, in trunk order (`seq`). */
export interface TrunkCommit {
  readonly sha: string;
  readonly seq: number;
  readonly time: number;
  readonly subject: string;
  /** When the loop tested it (as a batch tip); undefined when it only passed through. */
  readonly testedAt: number | undefined;
}

/** A target's result at a trunk commit the loop tested. */
export interface TrunkResult {
  readonly sha: string;
  readonly target: string;
  /** A TestStatus, or the build's when the build did not pass. */
  readonly status: string;
  /** Failing test names (`file > suite > test`), `(build)` when the build failed. */
  readonly failing: readonly string[];
  readonly runId: number | undefined;
}

export type BreakageState = 'open' | 'decided' | 'fixed' | 'flaky';

/** A target that turned red on trunk, and what became of it. */
export interface Breakage {
  readonly id: number;
  readonly target: string;
  /** The last commit it was green at; undefined when it was red from the first test (a red baseline). */
  readonly lastGreen: string | undefined;
  /** The first tested commit it was red at. */
  readonly firstRed: string;
  readonly tests: readonly string[];
  readonly state: BreakageState;
  readonly openedAt: number;
  readonly closedAt: number | undefined;
  /** The culprit search's input, frozen when it started (JSON the trunk loop writes). */
  readonly search: string | undefined;
  /** Until when a person snoozed it (ms); a time past means awake again. */
  readonly snoozedUntil: number | undefined;
}

/**
 * A person's mark on a test: `flaky` (known flaky: never searched, never reverted for) or
 * `quarantined` (its failure does not make its target red on trunk).
 */
export type TestMark = 'flaky' | 'quarantined';

export const testMarks: readonly TestMark[] = ['flaky', 'quarantined'];

export interface MarkedTest {
  readonly target: string;
  /** The failing-test name as trunk records it: `file > suite > test`. */
  readonly test: string;
  readonly mark: TestMark;
  /** When it was marked (ms). */
  readonly markedAt: number;
}

/** One run of a culprit search, as it was recorded: the search resumes from these. */
export interface SearchRunRecord {
  readonly seq: number;
  readonly at: number;
  readonly failed: readonly string[];
  readonly passed: readonly string[];
  readonly origin: string;
  readonly runId: number | undefined;
}

export interface NewDecision {
  readonly breakageId: number | undefined;
  readonly target: string;
  readonly culprit?: string;
  readonly confidence?: number;
  readonly tests: readonly string[];
  /** `reverted`, `candidate`, `flaky`, `no-culprit`, `fixed`. */
  readonly kind: string;
  /** For a candidate: the rule that held it back. */
  readonly rule?: string;
  readonly detail: string;
  readonly revertSha?: string;
  /** Where the revert went: the trunk branch, or a `mainline/revert/...` branch. */
  readonly revertRef?: string;
}

export interface Decision extends NewDecision {
  readonly id: number;
  readonly decidedAt: number;
}

/** A test seen failing and passing at one commit, with how often it fails where it also passes. */
export interface FlakeRate {
  readonly target: string;
  readonly test: string;
  readonly rate: number;
  readonly runs: number;
  readonly lastSeen: number;
}

export interface BreakageRow {
  id: number;
  target: string;
  last_green: string | null;
  first_red: string;
  tests: string;
  state: string;
  opened_at: number;
  closed_at: number | null;
  search: string | null;
  snoozed_until: number | null;
}

export const breakageColumns =
  'id, target, last_green, first_red, tests, state, opened_at, closed_at, search, snoozed_until';

export function toBreakage(row: BreakageRow): Breakage {
  return {
    id: row.id,
    target: row.target,
    lastGreen: row.last_green ?? undefined,
    firstRed: row.first_red,
    tests: JSON.parse(row.tests) as string[],
    state: row.state as BreakageState,
    openedAt: row.opened_at,
    closedAt: row.closed_at ?? undefined,
    search: row.search ?? undefined,
    snoozedUntil: row.snoozed_until ?? undefined,
  };
}
