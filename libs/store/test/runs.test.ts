import { hostname } from 'node:os';
import { isMainlineError } from '@mainline/core';
import { makeTempDir } from '@mainline/test-utils';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/index.ts';

function clock(start = 1_000): () => number {
  let now = start;
  return () => {
    now += 10;
    return now;
  };
}

function openAt(stateDir = makeTempDir('store')): Store {
  return openStore({ stateDir, now: clock() });
}

describe('runs', () => {
  it('records a run from start to finish', () => {
    const store = openAt();
    const run = store.startRun({
      kind: 'test',
      argv: ['test', '--affected', 'a b'],
      baseSha: 'b'.repeat(40),
      headSha: 'h'.repeat(40),
      treeSha: 't'.repeat(40),
    });
    expect(run).toEqual({
      id: 1,
      kind: 'test',
      status: 'running',
      startedAt: 1010,
      finishedAt: undefined,
      baseSha: 'b'.repeat(40),
      headSha: 'h'.repeat(40),
      treeSha: 't'.repeat(40),
      argv: ['test', '--affected', 'a b'],
      pid: process.pid,
      host: hostname(),
      message: undefined,
    });
    const done = store.finishRun(run.id, { status: 'failed', message: '2 targets failed' });
    expect(done).toMatchObject({ status: 'failed', finishedAt: 1020, message: '2 targets failed' });
    expect(store.getRun(run.id)).toEqual(done);
    expect(store.getRun(99)).toBeUndefined();
    store.close();
  });

  it('records a run interrupted by Ctrl-C as the caller says', () => {
    const store = openAt();
    const run = store.startRun({ kind: 'build', argv: ['build'] });
    expect(store.finishRun(run.id, { status: 'interrupted' }).status).toBe('interrupted');
    store.close();
  });

  it('lists runs newest first, by kind, status and page', () => {
    const store = openAt();
    const ids = (['build', 'test', 'test', 'nightly'] as const).map(
      (kind) => store.startRun({ kind, argv: [kind] }).id,
    );
    store.finishRun(ids[1] ?? 0, { status: 'passed' });
    expect(store.listRuns().map((run) => run.id)).toEqual([...ids].reverse());
    expect(store.listRuns({ kind: 'test' }).map((run) => run.id)).toEqual([ids[2], ids[1]]);
    expect(store.listRuns({ status: 'running' }).map((run) => run.id)).toEqual([
      ids[3],
      ids[2],
      ids[0],
    ]);
    expect(store.listRuns({ limit: 2 }).map((run) => run.id)).toEqual([ids[3], ids[2]]);
    expect(store.listRuns({ beforeId: ids[2], limit: 1 }).map((run) => run.id)).toEqual([ids[1]]);
    store.close();
  });

  it('refuses to finish an unknown run', () => {
    const store = openAt();
    try {
      store.finishRun(7, { status: 'passed' });
      expect.unreachable();
    } catch (error) {
      expect(isMainlineError(error) && error.code).toBe('storeUnknownRun');
      expect(String(error)).toContain(store.file);
    }
    store.close();
  });

  it('never reuses a run id, even after the newest run is deleted', () => {
    const store = openAt();
    const first = store.startRun({ kind: 'build', argv: [] });
    const db = new Database(store.file);
    db.prepare('DELETE FROM runs WHERE id = ?').run(first.id);
    db.close();
    expect(store.startRun({ kind: 'build', argv: [] }).id).toBe(first.id + 1);
    store.close();
  });
});

describe('recoverAbandonedRuns', () => {
  /** Rewrites who owns a run, as if another process had started it. */
  function setOwner(
    store: Store,
    runId: number,
    owner: { pid: number; host?: string; key: string },
  ) {
    const db = new Database(store.file);
    db.prepare(
      'UPDATE runs SET pid = ?, host = coalesce(?, host), process_key = ? WHERE id = ?',
    ).run(owner.pid, owner.host ?? null, owner.key, runId);
    db.close();
  }

  it('leaves the runs of this process alone', () => {
    const store = openAt();
    const run = store.startRun({ kind: 'test', argv: [] });
    expect(store.recoverAbandonedRuns()).toEqual([]);
    expect(store.getRun(run.id)?.status).toBe('running');
    store.close();
  });

  it('leaves alone a run of this process opened through another connection', () => {
    const stateDir = makeTempDir('store');
    const first = openAt(stateDir);
    const second = openAt(stateDir);
    const run = first.startRun({ kind: 'watch', argv: [] });
    expect(second.recoverAbandonedRuns()).toEqual([]);
    expect(first.getRun(run.id)?.status).toBe('running');
    first.close();
    second.close();
  });

  it('marks a run with our pid but an earlier process key as interrupted', () => {
    const store = openAt();
    const run = store.startRun({ kind: 'test', argv: [] });
    store.recordTargetResult(run.id, {
      target: 'libs/a',
      phase: 'build',
      status: 'passed',
      durationMs: 3,
    });
    setOwner(store, run.id, { pid: process.pid, key: 'random:an-earlier-process' });
    const [recovered, ...more] = store.recoverAbandonedRuns();
    expect(more).toEqual([]);
    expect(recovered).toMatchObject({ id: run.id, status: 'interrupted' });
    // Its end is its last recorded activity, not the time of recovery.
    expect(recovered?.finishedAt).toBe(store.targetResults(run.id)[0]?.recordedAt);
    expect(recovered?.message).toContain(`process ${process.pid}`);
    expect(store.recoverAbandonedRuns()).toEqual([]);
    store.close();
  });

  it('marks a run whose pid is not alive as interrupted', () => {
    const store = openAt();
    const run = store.startRun({ kind: 'test', argv: [] });
    setOwner(store, run.id, { pid: 2 ** 22 + 1, key: 'random:gone' });
    expect(store.recoverAbandonedRuns().map((r) => r.id)).toEqual([run.id]);
    store.close();
  });

  it('keeps a run of a live process (our parent) but not one whose pid was reused', () => {
    const store = openAt();
    const live = store.startRun({ kind: 'test', argv: [] });
    const reused = store.startRun({ kind: 'test', argv: [] });
    // A random key cannot be checked against the live pid: the run is presumed alive.
    setOwner(store, live.id, { pid: process.ppid, key: 'random:parent' });
    const linuxKey = process.platform === 'linux' ? 'linux:another-boot:123' : 'random:x';
    setOwner(store, reused.id, { pid: process.ppid, key: linuxKey });
    const recovered = store.recoverAbandonedRuns().map((r) => r.id);
    expect(recovered).toEqual(process.platform === 'linux' ? [reused.id] : []);
    expect(store.getRun(live.id)?.status).toBe('running');
    store.close();
  });

  it('never judges the runs of another host', () => {
    const store = openAt();
    const run = store.startRun({ kind: 'trunk', argv: [] });
    setOwner(store, run.id, { pid: 2 ** 22 + 1, host: 'elsewhere', key: 'random:x' });
    expect(store.recoverAbandonedRuns()).toEqual([]);
    expect(store.getRun(run.id)?.status).toBe('running');
    store.close();
  });
});
