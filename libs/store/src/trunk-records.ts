import type { Connection } from './connection.ts';
import {
  type Breakage,
  type BreakageRow,
  type BreakageState,
  breakageColumns,
  type Decision,
  type FlakeRate,
  type MarkedTest,
  type NewDecision,
  type SearchRunRecord,
  toBreakage,
  type TestMark,
  type TrunkCommit,
  type TrunkResult,
} from './trunk-rows.ts';
import {
  type DecisionOutcome,
  insertDecision,
  selectDecision,
  selectDecisions,
  updateDecision,
} from './trunk-decisions.ts';
import { insertSearchRun, selectSearchRuns } from './search-runs.ts';
import { selectTestMarks, writeTestMark } from './test-marks.ts';

/**
 * What the trunk loop keeps (schema version 5): trunk's commits, results per (commit,
 * target), breakages with every culprit-search run, decisions, and test outcomes for flake
 * rates; and (version 7) a person's marks on tests and snoozes of breakages. Each method is one short transaction (see Store). Reached through `store.trunk`.
 */
export class TrunkRecords {
  constructor(
    private readonly conn: Connection,
    private readonly use: <T>(call: () => T) => T,
  ) {}

  meta(key: string): string | undefined {
    return this.use(
      () =>
        this.conn
          .statement<{ value: string }>('SELECT value FROM trunk_meta WHERE key = ?')
          .get(key)?.value,
    );
  }

  setMeta(key: string, value: string): void {
    this.use(() =>
      this.conn.write(() =>
        this.conn
          .statement(
            'INSERT INTO trunk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          )
          .run(key, value),
      ),
    );
  }

  /** Appends commits to trunk's line (those already known are skipped), in order. */
  recordCommits(commits: readonly Pick<TrunkCommit, 'sha' | 'time' | 'subject'>[]): void {
    this.use(() =>
      this.conn.write(() => {
        const last = this.conn
          .statement<{ seq: number | null }>('SELECT max(seq) AS seq FROM trunk_commits')
          .get();
        let seq = last?.seq ?? 0;
        const insert = this.conn.statement(
          'INSERT INTO trunk_commits (sha, seq, time, subject) VALUES (?, ?, ?, ?) ON CONFLICT (sha) DO NOTHING',
        );
        for (const commit of commits) {
          if (insert.run(commit.sha, seq + 1, commit.time, commit.subject).changes > 0) seq++;
        }
      }),
    );
  }

  commit(sha: string): TrunkCommit | undefined {
    return this.use(() => {
      const row = this.conn
        .statement<{
          sha: string;
          seq: number;
          time: number;
          subject: string;
          tested_at: number | null;
        }>('SELECT sha, seq, time, subject, tested_at FROM trunk_commits WHERE sha = ?')
        .get(sha);
      if (row === undefined) return undefined;
      const { tested_at, ...rest } = row;
      return { ...rest, testedAt: tested_at ?? undefined };
    });
  }

  /** Records the results of a tested commit (a batch tip) and marks it tested. */
  recordResults(sha: string, results: readonly Omit<TrunkResult, 'sha'>[]): void {
    this.use(() =>
      this.conn.write(() => {
        const insert = this.conn.statement(
          `INSERT INTO trunk_results (sha, target, status, failing, run_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (sha, target) DO UPDATE SET status = excluded.status, failing = excluded.failing, run_id = excluded.run_id`,
        );
        for (const result of results) {
          insert.run(
            sha,
            result.target,
            result.status,
            JSON.stringify(result.failing),
            result.runId ?? null,
          );
        }
        this.conn
          .statement('UPDATE trunk_commits SET tested_at = ? WHERE sha = ?')
          .run(this.conn.now(), sha);
      }),
    );
  }

  /**
   * The target's latest tested result on trunk, by trunk order: whether it is green or red
   * now, and since which commit.
   */
  latestResult(target: string): TrunkResult | undefined {
    return this.use(() => {
      const row = this.conn
        .statement<{ sha: string; status: string; failing: string; run_id: number | null }>(
          `SELECT r.sha, r.status, r.failing, r.run_id FROM trunk_results r
           JOIN trunk_commits c ON c.sha = r.sha WHERE r.target = ? ORDER BY c.seq DESC LIMIT 1`,
        )
        .get(target);
      return row === undefined
        ? undefined
        : {
            sha: row.sha,
            target,
            status: row.status,
            failing: JSON.parse(row.failing) as string[],
            runId: row.run_id ?? undefined,
          };
    });
  }

  /** The newest tested trunk commit, if any. */
  lastTested(): TrunkCommit | undefined {
    const sha = this.use(
      () =>
        this.conn
          .statement<{ sha: string }>(
            'SELECT sha FROM trunk_commits WHERE tested_at IS NOT NULL ORDER BY seq DESC LIMIT 1',
          )
          .get()?.sha,
    );
    return sha === undefined ? undefined : this.commit(sha);
  }

  openBreakage(breakage: {
    readonly target: string;
    readonly lastGreen: string | undefined;
    readonly firstRed: string;
    readonly tests: readonly string[];
  }): Breakage {
    return this.use(() =>
      this.conn.write(() => {
        const row = this.conn
          .statement<BreakageRow>(
            `INSERT INTO breakages (target, last_green, first_red, tests, state, opened_at)
             VALUES (?, ?, ?, ?, 'open', ?) RETURNING ${breakageColumns}`,
          )
          .get(
            breakage.target,
            breakage.lastGreen ?? null,
            breakage.firstRed,
            JSON.stringify(breakage.tests),
            this.conn.now(),
          );
        return toBreakage(row as BreakageRow);
      }),
    );
  }

  /** Breakages not closed yet, oldest first. */
  openBreakages(): Breakage[] {
    return this.use(() =>
      this.conn
        .statement<BreakageRow>(
          `SELECT ${breakageColumns} FROM breakages WHERE closed_at IS NULL ORDER BY id`,
        )
        .all()
        .map(toBreakage),
    );
  }

  /** Breakages, newest first. */
  breakages(limit = 50): Breakage[] {
    return this.use(() =>
      this.conn
        .statement<BreakageRow>(`SELECT ${breakageColumns} FROM breakages ORDER BY id DESC LIMIT ?`)
        .all(limit)
        .map(toBreakage),
    );
  }

  /** Freezes a breakage's culprit-search input (once: a resumed search finds it). */
  setSearch(id: number, search: string): void {
    this.use(() =>
      this.conn.write(() =>
        this.conn
          .statement('UPDATE breakages SET search = ? WHERE id = ? AND search IS NULL')
          .run(search, id),
      ),
    );
  }

  breakage(id: number): Breakage | undefined {
    return this.use(() => {
      const row = this.conn
        .statement<BreakageRow>(`SELECT ${breakageColumns} FROM breakages WHERE id = ?`)
        .get(id);
      return row === undefined ? undefined : toBreakage(row);
    });
  }

  /** Snoozes a breakage until a time (ms), or wakes it (`undefined`); an unknown id is no-op. */
  snoozeBreakage(id: number, until: number | undefined): void {
    this.use(() =>
      this.conn.write(() =>
        this.conn
          .statement('UPDATE breakages SET snoozed_until = ? WHERE id = ?')
          .run(until ?? null, id),
      ),
    );
  }

  /** Marks a test (one mark per test: a new one replaces it), or clears it (`undefined`). */
  markTest(target: string, test: string, mark: TestMark | undefined): void {
    this.use(() => this.conn.write(() => writeTestMark(this.conn, target, test, mark)));
  }

  /** Every marked test, by target and test. */
  testMarks(): MarkedTest[] {
    return this.use(() => selectTestMarks(this.conn));
  }

  /** `decided` stays open while red; `fixed` and `flaky` close it. */
  setBreakageState(id: number, state: BreakageState): void {
    const closed = state === 'fixed' || state === 'flaky';
    this.use(() =>
      this.conn.write(() =>
        this.conn
          .statement('UPDATE breakages SET state = ?, closed_at = ? WHERE id = ?')
          .run(state, closed ? this.conn.now() : null, id),
      ),
    );
  }

  /** Appends a run to a breakage's search, with the test outcomes it saw. */
  recordSearchRun(
    breakageId: number,
    target: string,
    sha: string,
    run: Omit<SearchRunRecord, 'seq'>,
  ): void {
    this.use(() =>
      this.conn.write(() => {
        insertSearchRun(this.conn, breakageId, run);
        this.insertOutcomes(target, sha, run.failed, run.passed);
      }),
    );
  }

  searchRuns(breakageId: number): SearchRunRecord[] {
    return this.use(() => selectSearchRuns(this.conn, breakageId));
  }

  /**
   * Each test's flake rate: over the commits where it passed at least once, its failed runs
   * divided by its runs. A test never seen passing and failing at one commit is absent.
   */
  flakeRates(target?: string): FlakeRate[] {
    return this.use(() =>
      this.conn
        .statement<FlakeRate>(
          `WITH per_commit AS (
             SELECT target, test, sha, count(*) AS runs, sum(failed) AS failures,
                    max(recorded_at) AS last_seen
             FROM test_outcomes ${target === undefined ? '' : 'WHERE target = ?'}
             GROUP BY target, test, sha HAVING sum(failed) < count(*)
           )
           SELECT target, test, CAST(sum(failures) AS REAL) / sum(runs) AS rate, sum(runs) AS runs,
                  max(last_seen) AS lastSeen
           FROM per_commit GROUP BY target, test HAVING sum(failures) > 0 ORDER BY rate DESC`,
        )
        .all(...(target === undefined ? [] : [target])),
    );
  }

  recordDecision(decision: NewDecision): Decision {
    return this.use(() => this.conn.write(() => insertDecision(this.conn, decision)));
  }

  /** Rewrites a decision's outcome (a revert in flight that was pushed, or held back after all). */
  updateDecision(id: number, outcome: DecisionOutcome): void {
    this.use(() => this.conn.write(() => updateDecision(this.conn, id, outcome)));
  }

  /** Decisions, newest first; with `since`, only those made since then. */
  decisions(options: { readonly since?: number; readonly limit?: number } = {}): Decision[] {
    return this.use(() => selectDecisions(this.conn, options.since ?? 0, options.limit ?? 100));
  }

  decision(id: number): Decision | undefined {
    return this.use(() => selectDecision(this.conn, id));
  }

  private insertOutcomes(
    target: string,
    sha: string,
    failed: readonly string[],
    passed: readonly string[],
  ): void {
    const insert = this.conn.statement(
      'INSERT INTO test_outcomes (target, test, sha, failed, recorded_at) VALUES (?, ?, ?, ?, ?)',
    );
    const now = this.conn.now();
    for (const test of failed) insert.run(target, test, sha, 1, now);
    for (const test of passed) insert.run(target, test, sha, 0, now);
  }
}
