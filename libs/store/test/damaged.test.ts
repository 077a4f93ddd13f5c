import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, type StoreRepair } from '../src/index.ts';
import { migrations } from '../src/migrations.ts';
import { thrown } from './thrown.ts';

/** A state folder whose store holds one run with a few results, closed (checkpointed). */
function storeWithHistory(): { stateDir: string; file: string } {
  const stateDir = makeTempDir('store');
  const store = openStore({ stateDir });
  const run = store.startRun({ kind: 'test', argv: [] });
  for (let i = 0; i < 200; i++) {
    store.recordTargetResult(run.id, {
      target: `libs/t${i}`,
      phase: 'test',
      status: 'passed',
      cacheKey: `key-${i}`.repeat(8),
      durationMs: i,
    });
  }
  store.close();
  return { stateDir, file: join(stateDir, 'mainline.db') };
}

/** The databases moved aside (their -wal and -shm beside them are not counted). */
function asideFiles(stateDir: string): string[] {
  return readdirSync(stateDir)
    .filter((name) => /\.damaged-[^-]+$/.test(name))
    .sort();
}

/** Opens, expecting one repair found at open: the fresh store is empty and usable. */
function openRepaired(stateDir: string): StoreRepair {
  const repairs: StoreRepair[] = [];
  const store = openStore({ stateDir, onRepair: (repair) => repairs.push(repair) });
  expect(store.migration).toEqual({ from: 0, to: migrations.length });
  expect(store.listRuns()).toEqual([]);
  store.startRun({ kind: 'build', argv: [] });
  store.close();
  expect(repairs).toHaveLength(1);
  const [repair] = repairs;
  expect(repair?.found).toBe('open');
  expect(repair?.file).toBe(join(stateDir, 'mainline.db'));
  expect(repair?.movedTo).toMatch(/mainline\.db\.damaged-\d{8}T\d{6}Z$/);
  return repair as StoreRepair;
}

describe('a damaged mainline.db', () => {
  it.each([
    ['garbage bytes', (file: string) => writeFileSync(file, 'garbage '.repeat(600))],
    ['a truncated file', (file: string) => truncateSync(file, statSync(file).size / 2)],
    ['a file cut inside its header', (file: string) => truncateSync(file, 50)],
    [
      'a zeroed header',
      (file: string) => {
        const bytes = readFileSync(file);
        bytes.fill(0, 0, 100);
        writeFileSync(file, bytes);
      },
    ],
  ])('is moved aside, bytes kept, and a fresh store started: %s', (_, damage) => {
    const { stateDir, file } = storeWithHistory();
    damage(file);
    const damaged = readFileSync(file);
    const repair = openRepaired(stateDir);
    expect(repair.reason).toMatch(/not a database|malformed/);
    expect(readFileSync(repair.movedTo)).toEqual(damaged);
    expect(asideFiles(stateDir)).toEqual([repair.movedTo.slice(stateDir.length + 1)]);
  });

  it('takes its -wal and -shm along, under the same name (SQLite would delete them)', () => {
    const stateDir = makeTempDir('store');
    const file = join(stateDir, 'mainline.db');
    writeFileSync(file, 'garbage '.repeat(600));
    writeFileSync(`${file}-wal`, 'wal bytes');
    writeFileSync(`${file}-shm`, 'shm bytes');
    const repair = openRepaired(stateDir);
    expect(readFileSync(`${repair.movedTo}-wal`, 'utf8')).toBe('wal bytes');
    // The shared-memory index is SQLite's scratch, rebuilt from the WAL: kept, not compared.
    expect(existsSync(`${repair.movedTo}-shm`)).toBe(true);
    expect(existsSync(`${stateDir}/mainline.db-wal`)).toBe(false);
  });

  it('is moved aside when it, or its -wal, is a folder, with what the folder holds', () => {
    for (const name of ['mainline.db', 'mainline.db-wal']) {
      const stateDir = makeTempDir('store');
      mkdirSync(join(stateDir, name));
      writeFileSync(join(stateDir, name, 'inside'), 'kept');
      const repair = openRepaired(stateDir);
      expect(repair.reason).toBe(`${name} is a folder`);
      const moved = name === 'mainline.db' ? repair.movedTo : `${repair.movedTo}-wal`;
      expect(readFileSync(join(moved, 'inside'), 'utf8')).toBe('kept');
    }
  });

  it('found by a query, is moved aside then: the call and every later one fail, the next open is fresh', () => {
    const { stateDir, file } = storeWithHistory();
    // The pages of the runs table: opening reads only the schema, a query reads these.
    const db = new Database(file, { readonly: true });
    const root = db
      .prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_schema WHERE name = 'runs'")
      .get()?.rootpage;
    db.close();
    const bytes = readFileSync(file);
    bytes.fill(0xa5, ((root ?? 2) - 1) * 4096, (root ?? 2) * 4096);
    writeFileSync(file, bytes);

    const repairs: StoreRepair[] = [];
    const store = openStore({ stateDir, onRepair: (repair) => repairs.push(repair) });
    expect(repairs).toEqual([]);
    const error = thrown(() => store.listRuns());
    expect(error.code).toBe('storeCorrupt');
    expect(repairs).toHaveLength(1);
    expect(repairs[0]?.found).toBe('query');
    expect(error.message).toBe(
      `${file} is damaged (database disk image is malformed): moved it aside to ${repairs[0]?.movedTo}`,
    );
    expect(error.hint).toMatch(/run the command again/);
    expect(thrown(() => store.latestResultByKey('libs/a', 'test', 'k'))).toBe(error);
    store.close();
    expect(readFileSync(repairs[0]?.movedTo ?? '')).toEqual(bytes);
    expect(existsSync(file)).toBe(false);
    openStore({ stateDir }).close();
  });

  it('is not confused with a database from a newer mainline, which is refused untouched', () => {
    const { stateDir, file } = storeWithHistory();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(file);
    const repairs: StoreRepair[] = [];
    const error = thrown(() => openStore({ stateDir, onRepair: (r) => repairs.push(r) }));
    expect(error.code).toBe('storeTooNew');
    expect(repairs).toEqual([]);
    expect(readFileSync(file)).toEqual(before);
    expect(asideFiles(stateDir)).toEqual([]);
  });

  it('waits for another process repairing it, then opens what that one left', () => {
    const stateDir = makeTempDir('store');
    const file = join(stateDir, 'mainline.db');
    writeFileSync(file, 'garbage '.repeat(600));
    // A lock held by a live process (this one, as another process would hold it).
    const lock = `${file}.repairing`;
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: 'elsewhere', key: 'k' }));
    const error = thrown(() => openStore({ stateDir, busyTimeoutMs: 100 }));
    expect(error.code).toBe('storeBusy');
    expect(error.hint).toContain(lock);
    expect(readFileSync(file, 'utf8')).toMatch(/^garbage/);
    // A lock left by a dead process of this host is taken over.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), key: 'gone' }));
    openRepaired(stateDir);
    expect(existsSync(lock)).toBe(false);
  });
});
