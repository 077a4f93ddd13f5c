import type Database from 'better-sqlite3';

/**
 * One schema step. The database's `PRAGMA user_version` is the number of steps applied.
 * Steps are append-only: a shipped step is never edited, a change is a new step.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: (db: Database.Database) => void;
}

/*
 * Conventions: times are INTEGER milliseconds since the epoch; enumerations are TEXT
 * without CHECK constraints (SQLite cannot alter a CHECK without rebuilding the table; the
 * typed API guards writes, and a database with values this binary does not know has a newer
 * user_version and is refused). Tables are STRICT. Run ids are AUTOINCREMENT: never reused,
 * so reports and links may cite them.
 */

const v1 = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  base_sha TEXT,
  head_sha TEXT,
  argv TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  process_key TEXT NOT NULL,
  message TEXT,
  CHECK ((status = 'running') = (finished_at IS NULL))
) STRICT;
CREATE INDEX runs_by_kind ON runs (kind, id);
CREATE INDEX runs_running ON runs (host) WHERE status = 'running';

CREATE TABLE target_results (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  phase TEXT NOT NULL,
  status TEXT NOT NULL,
  cache_key TEXT,
  cached_from_run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  duration_ms INTEGER NOT NULL,
  message TEXT,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX target_results_by_run ON target_results (run_id, target, phase);
CREATE INDEX target_results_by_key ON target_results (target, phase, cache_key);
CREATE INDEX target_results_by_target ON target_results (target, phase, run_id);
CREATE INDEX target_results_cached_from ON target_results (cached_from_run_id)
  WHERE cached_from_run_id IS NOT NULL;
`;

const v2 = `
CREATE TABLE tests (
  id INTEGER PRIMARY KEY,
  target TEXT NOT NULL,
  file TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (target, file, name)
) STRICT;

CREATE TABLE test_results (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  test_id INTEGER NOT NULL REFERENCES tests (id),
  status TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  message TEXT,
  location_file TEXT,
  location_line INTEGER,
  location_column INTEGER
) STRICT;
CREATE INDEX test_results_by_run ON test_results (run_id);
CREATE INDEX test_results_by_test ON test_results (test_id, run_id);
CREATE INDEX test_results_flaky ON test_results (run_id, test_id) WHERE status = 'flaky';
`;

// Finding the last outcome of a key skipped over every `cached` row of it: one per run
// that reused the result, so each lookup slowed with the store's age.
const v3 = `
CREATE INDEX target_results_outcomes ON target_results (target, phase, cache_key, id)
  WHERE status IN ('passed', 'failed', 'flaky');
`;

// A run records the commit it tested (head_sha) apart from the snapshot's tree (tree_sha):
// until now head_sha held the tree id of the working tree that build and test read.
const v4 = `
ALTER TABLE runs ADD COLUMN tree_sha TEXT;
UPDATE runs SET tree_sha = head_sha, head_sha = NULL;
`;

// The trunk loop: trunk's commits as it saw them, each tested target's result per commit,
// breakages with their frozen search input and every search run (a search resumes from
// these after a crash), decisions, and test outcomes seen both ways at one commit (flakes).
const v5 = `
CREATE TABLE trunk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE trunk_commits (
  sha TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  time INTEGER NOT NULL,
  subject TEXT NOT NULL,
  tested_at INTEGER
) STRICT;
CREATE TABLE trunk_results (
  sha TEXT NOT NULL,
  target TEXT NOT NULL,
  status TEXT NOT NULL,
  failing TEXT NOT NULL,
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  PRIMARY KEY (sha, target)
) STRICT;
CREATE TABLE breakages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target TEXT NOT NULL,
  last_green TEXT,
  first_red TEXT NOT NULL,
  tests TEXT NOT NULL,
  state TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  search TEXT
) STRICT;
CREATE INDEX breakages_open ON breakages (target) WHERE closed_at IS NULL;
CREATE TABLE search_runs (
  breakage_id INTEGER NOT NULL REFERENCES breakages (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  failed TEXT NOT NULL,
  passed TEXT NOT NULL,
  origin TEXT NOT NULL,
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (breakage_id, seq)
) STRICT;
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  breakage_id INTEGER REFERENCES breakages (id) ON DELETE SET NULL,
  target TEXT NOT NULL,
  culprit TEXT,
  confidence REAL,
  tests TEXT NOT NULL,
  kind TEXT NOT NULL,
  rule TEXT,
  detail TEXT NOT NULL,
  revert_sha TEXT,
  revert_ref TEXT,
  decided_at INTEGER NOT NULL
) STRICT;
CREATE INDEX decisions_by_time ON decisions (decided_at);
CREATE TABLE test_outcomes (
  target TEXT NOT NULL,
  test TEXT NOT NULL,
  sha TEXT NOT NULL,
  failed INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX test_outcomes_by_test ON test_outcomes (target, test, sha);
`;

// A fully cached run of 1,000 targets adds 2,000 rows. Indexes keyed by target put each
// row on a page of its own: on a store of some months, writing those pages was 0.3 s of a
// 0.7 s run. Cached rows are found through their run only; the outcomes index (v3) finds
// results by key, which the by-key index did too, and nothing read history by target.
// A test result keeps its test cases as one JSON text too: a cached run reuses them for
// 1,000 targets, and gathering them from test_results was a tenth of its time. Results
// recorded before have none, so they are not reused: their keys name an older mainline.
const v6 = `
DROP INDEX target_results_by_key;
DROP INDEX target_results_by_target;
ALTER TABLE target_results ADD COLUMN tests TEXT;
`;

// A person's word on the trunk loop's findings (the dashboard's keys, `mainline trunk mark`
// and `snooze`): a test marked flaky or quarantined, one mark per test; a breakage snoozed
// until a time (hidden from the screen's attention, still open and still searched).
const v7 = `
CREATE TABLE test_marks (
  target TEXT NOT NULL,
  test TEXT NOT NULL,
  mark TEXT NOT NULL,
  marked_at INTEGER NOT NULL,
  PRIMARY KEY (target, test)
) STRICT;
ALTER TABLE breakages ADD COLUMN snoozed_until INTEGER;
`;

/** Every schema step, in order; the last version is the one this binary writes. */
export const migrations: readonly Migration[] = [
  { version: 1, description: 'runs and target results', up: (db) => db.exec(v1) },
  { version: 2, description: 'tests and test results (flaky history)', up: (db) => db.exec(v2) },
  {
    version: 3,
    description: 'an index of outcomes by cache key (cached rows left out)',
    up: (db) => db.exec(v3),
  },
  {
    version: 4,
    description: 'the tested commit apart from the snapshot tree; culprit and revert runs',
    up: (db) => db.exec(v4),
  },
  { version: 5, description: 'the trunk loop', up: (db) => db.exec(v5) },
  {
    version: 6,
    description: 'no index of results by target; test cases kept with their test result',
    up: (db) => db.exec(v6),
  },
  {
    version: 7,
    description: 'test marks (flaky, quarantined); snoozed breakages',
    up: (db) => db.exec(v7),
  },
];
