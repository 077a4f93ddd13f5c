/**
 * The nightly's findings, as `nightly.json` holds them (version 1): what the HTML, JUnit
 * and Markdown reports render, and what the next nightly compares itself with. Plain
 * JSON data only: every field survives JSON.stringify and JSON.parse unchanged.
 */
export interface NightlyReport {
  readonly version: 1;
  /** The store's run id of this nightly. */
  readonly runId: number;
  /** The commit tested (the trunk tip with --trunk, else HEAD). */
  readonly commit: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** `failed` when any target is red (the command then exits 1). */
  readonly status: 'passed' | 'failed';
  /** The nightly compared with; absent for the first one. */
  readonly previous?: {
    readonly runId: number;
    readonly commit: string;
    readonly startedAt: string;
  };
  /** Every target of BUILD.json, in file order. */
  readonly targets: readonly NightlyTarget[];
  readonly counts: {
    readonly red: number;
    readonly flaky: number;
    readonly green: number;
    readonly skipped: number;
    readonly noTests: number;
  };
  /** Tests that failed then passed tonight, and tests above the flake threshold. */
  readonly flakyTests: readonly FlakyTestLine[];
  /** Flake threshold used for `quarantine` (a rate from 0 to 1). */
  readonly flakeThreshold: number;
  readonly comparison: NightlyComparison;
  /** Fresh results that disagree with a cached result of the same key. */
  readonly cacheHonesty: readonly HonestyFinding[];
  /** Targets red tonight, green last night, and not affected by the change in between. */
  readonly audit: readonly AuditFinding[];
}

/** One target's night. `status` folds build and tests: what the report colours it. */
export interface NightlyTarget {
  readonly name: string;
  readonly kind: 'lib' | 'property' | 'tool';
  readonly deps: readonly string[];
  readonly status: 'red' | 'flaky' | 'green' | 'skipped' | 'no-tests';
  readonly build: {
    readonly status: string;
    readonly durationMs: number;
    /** First lines of the build's errors (`file:line:col message`). */
    readonly messages: readonly string[];
  };
  readonly test?: {
    readonly status: string;
    readonly durationMs: number;
    readonly tests: readonly NightlyTestCase[];
    /** Files that failed as a whole (a crash, a timeout, an import error). */
    readonly fileErrors: readonly { readonly file: string; readonly message: string }[];
  };
}

export interface NightlyTestCase {
  readonly file: string;
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'flaky' | 'skipped';
  readonly durationMs: number;
  readonly attempts: number;
  readonly message?: string;
}

export interface FlakyTestLine {
  readonly target: string;
  readonly file: string;
  readonly name: string;
  /** Flaky over failed-or-flaky-or-passed results counted, nightly, trunk and local runs. */
  readonly rate: number;
  readonly results: number;
  readonly flakyTonight: boolean;
  /** Above the threshold: listed for quarantine. */
  readonly quarantine: boolean;
}

export interface NightlyComparison {
  readonly newlyRed: readonly string[];
  readonly fixed: readonly string[];
  readonly stillRed: readonly string[];
  readonly newlyFlaky: readonly {
    readonly target: string;
    readonly file: string;
    readonly name: string;
  }[];
  /** The slowest targets tonight (build plus tests), with last night's time when known. */
  readonly slowest: readonly {
    readonly target: string;
    readonly durationMs: number;
    readonly previousMs?: number;
  }[];
}

export interface HonestyFinding {
  readonly target: string;
  readonly phase: 'build' | 'test';
  readonly key: string;
  /** The cached result with the same key: its status and the run that recorded it. */
  readonly cached: { readonly status: string; readonly runId: number };
  readonly fresh: { readonly status: string };
  /** What a person should suspect: an input the key misses. */
  readonly hint: string;
}

export interface AuditFinding {
  readonly target: string;
  readonly suspicion: 'missing-edge' | 'non-hermetic';
  /** Files changed between the two nightlies' commits, nearest to the target first. */
  readonly changedFiles: readonly {
    readonly path: string;
    readonly owners: readonly string[];
    /** Graph distance from the target to the nearest owner (undirected); null: unowned or unreachable. */
    readonly distance: number | null;
  }[];
  /** Imports in the target's files of files owned by targets it does not declare. */
  readonly undeclaredImports: readonly {
    readonly file: string;
    readonly imported: string;
    readonly owner: string;
  }[];
  /** Files the target's tests read that no target owns (and that are not global inputs). */
  readonly unownedReads: readonly string[];
}
