import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, storeFileName } from '../src/index.ts';
import { migrate, userVersion } from '../src/migrate.ts';
import { migrations } from '../src/migrations.ts';
import { thrown } from './thrown.ts';

/** The schema as version 1 shipped it, frozen: a migration must bring this file forward. */
const schemaV1 = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, status TEXT NOT NULL,
  started_at INTEGER NOT NULL, finished_at INTEGER, base_sha TEXT, head_sha TEXT,
  argv TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL, process_key TEXT NOT NULL,
  message TEXT, CHECK ((status = 'running') = (finished_at IS NULL))
) STRICT;
CREATE INDEX runs_by_kind ON runs (kind, id);
CREATE INDEX runs_running ON runs (host) WHERE status = 'running';
CREATE TABLE target_results (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  target TEXT NOT NULL, phase TEXT NOT NULL, status TEXT NOT NULL, cache_key TEXT,
  cached_from_run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  duration_ms INTEGER NOT NULL, message TEXT, recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX target_results_by_run ON target_results (run_id, target, phase);
CREATE INDEX target_results_by_key ON target_results (target, phase, cache_key);
CREATE INDEX target_results_by_target ON target_results (target, phase, run_id);
CREATE INDEX target_results_cached_from ON target_results (cached_from_run_id)
  WHERE cached_from_run_id IS NOT NULL;
PRAGMA user_version = 1;
`;

function raw(stateDir: string): Database.Database {
  return new Database(join(stateDir, storeFileName));
}

describe('openStore', () => {
  it('creates the state folder and the schema from nothing, in WAL mode', () => {
    const stateDir = join(makeTempDir('store'), 'nested', '.mainline');
    const store = openStore({ stateDir });
    expect(store.file).toBe(join(stateDir, 'mainline.db'));
    expect(store.migration).toEqual({ from: 0, to: migrations.length });
    store.close();

    const db = raw(stateDir);
    expect(userVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining(['runs', 'target_results', 'tests', 'test_results']),
    );
    db.close();
  });

  it('opens an up-to-date database without migrating', () => {
    const stateDir = makeTempDir('store');
    openStore({ stateDir }).close();
    const again = openStore({ stateDir });
    expect(again.migration).toEqual({ from: migrations.length, to: migrations.length });
    again.close();
  });

  it('finds the last outcome of a key through an index that leaves cached rows out', () => {
    const stateDir = makeTempDir('store');
    openStore({ stateDir }).close();
    const db = raw(stateDir);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM target_results
         WHERE target = ? AND phase = ? AND cache_key = ? AND status IN ('passed', 'failed', 'flaky')
         ORDER BY id DESC LIMIT 1`,
      )
      .all('libs/a', 'test', 'k') as { detail: string }[];
    db.close();
    expect(plan.map((step) => step.detail).join('\n')).toContain('target_results_outcomes');
  });

  it('migrates a version 1 database, keeping its data', () => {
    const stateDir = makeTempDir('store');
    const db = raw(stateDir);
    db.exec(schemaV1);
    db.exec(`INSERT INTO runs (kind, status, started_at, finished_at, head_sha, argv, pid, host, process_key)
             VALUES ('build', 'passed', 1000, 2000, 'tree1', '["build"]', 1, 'h', 'k')`);
    db.exec(`INSERT INTO target_results (run_id, target, phase, status, cache_key, duration_ms, recorded_at)
             VALUES (1, 'libs/a', 'build', 'passed', 'fp', 5, 1500)`);
    db.close();

    const store = openStore({ stateDir });
    expect(store.migration).toEqual({ from: 1, to: migrations.length });
    expect(store.getRun(1)).toMatchObject({ kind: 'build', status: 'passed', argv: ['build'] });
    // Version 4: what head_sha held (the snapshot's tree) is its tree_sha.
    expect(store.getRun(1)).toMatchObject({ headSha: undefined, treeSha: 'tree1' });
    // Found through the version 3 index of outcomes.
    expect(store.latestResultByKey('libs/a', 'build', 'fp')).toMatchObject({ runId: 1 });
    // The version 2 tables work.
    const run = store.startRun({ kind: 'test', argv: [] });
    store.recordTestResults(run.id, 'libs/a', [
      { file: 'a.test.ts', name: 'x', status: 'passed', durationMs: 1, attempts: 1 },
    ]);
    expect(store.testResults(run.id)).toHaveLength(1);
    store.close();
  });

  it('migrates a version 6 database to test marks and snoozes, keeping its breakages', () => {
    const stateDir = makeTempDir('store');
    const db = raw(stateDir);
    migrate(db, storeFileName, migrations.slice(0, 6));
    db.exec(`INSERT INTO breakages (target, last_green, first_red, tests, state, opened_at)
             VALUES ('libs/a', 'g', 'r', '["t"]', 'open', 1000)`);
    db.close();

    const store = openStore({ stateDir });
    expect(store.migration).toEqual({ from: 6, to: migrations.length });
    expect(store.trunk.openBreakages()).toMatchObject([
      { target: 'libs/a', firstRed: 'r', tests: ['t'], snoozedUntil: undefined },
    ]);
    store.trunk.markTest('libs/a', 't', 'quarantined');
    expect(store.trunk.testMarks()).toMatchObject([{ target: 'libs/a', mark: 'quarantined' }]);
    store.close();
  });

  it('refuses a database from a newer mainline, naming the file and both versions', () => {
    const stateDir = makeTempDir('store');
    openStore({ stateDir }).close();
    const db = raw(stateDir);
    db.pragma('user_version = 99');
    db.close();

    const error = thrown(() => openStore({ stateDir }));
    const file = join(stateDir, 'mainline.db');
    expect(error.code).toBe('storeTooNew');
    expect(error.message).toContain(file);
    expect(error.message).toContain('version 99');
    expect(error.message).toContain(`up to ${migrations.length}`);
    expect(error.hint).toMatch(/upgrade mainline/);
    expect(error.hint).toMatch(/MAINLINE_HOME/);

    const after = raw(stateDir);
    expect(userVersion(after)).toBe(99);
    after.close();
  });

  it('reports a state folder that cannot be created', () => {
    const parent = makeTempDir('store');
    writeFileSync(join(parent, 'file'), '');
    const error = thrown(() => openStore({ stateDir: join(parent, 'file', 'state') }));
    expect(error.code).toBe('storeFailed');
    expect(error.message).toContain(join(parent, 'file', 'state'));
  });
});

describe('locking', () => {
  it('waits for another writer up to the busy timeout, then says the file is locked', () => {
    const stateDir = makeTempDir('store');
    const store = openStore({ stateDir, busyTimeoutMs: 200 });
    const run = store.startRun({ kind: 'test', argv: [] });
    const other = raw(stateDir);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const error = thrown(() => store.finishRun(run.id, { status: 'passed' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(error.code).toBe('storeBusy');
    expect(error.message).toContain(store.file);
    // In WAL mode a writer does not block readers.
    expect(store.getRun(run.id)?.status).toBe('running');
    other.exec('ROLLBACK');
    other.close();
    expect(store.finishRun(run.id, { status: 'passed' }).status).toBe('passed');
    store.close();
  });
});

describe('migrate', () => {
  it('applies pending steps in one transaction: a failing step leaves the file as it was', () => {
    const db = new Database(join(makeTempDir('store'), 'm.db'));
    const steps = [
      { version: 1, description: 'a', up: (d: Database.Database) => d.exec('CREATE TABLE a (x)') },
      { version: 2, description: 'b', up: (d: Database.Database) => d.exec('CREATE TABLE b (x)') },
      {
        version: 3,
        description: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE c (x); INSERT INTO nowhere VALUES (1)'),
      },
    ];
    expect(migrate(db, 'm.db', steps.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(() => migrate(db, 'm.db', steps)).toThrow(/nowhere/);
    expect(userVersion(db)).toBe(1);
    const names = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(names).toEqual(['a']);
    expect(migrate(db, 'm.db', steps.slice(0, 2))).toEqual({ from: 1, to: 2 });
    db.close();
  });

  it('numbers the shipped steps 1, 2, 3... with a description each', () => {
    migrations.forEach((step, index) => {
      expect(step.version).toBe(index + 1);
      expect(step.description).not.toBe('');
    });
  });
});
