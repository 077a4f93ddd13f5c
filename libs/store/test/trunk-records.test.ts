import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/index.ts';

describe('the trunk records', () => {
  it('keeps trunk in order, results per commit and target, and the latest result of each', () => {
    const store = openStore({ stateDir: makeTempDir('store') });
    const { trunk } = store;
    trunk.recordCommits([
      { sha: 'a', time: 1, subject: 'one' },
      { sha: 'b', time: 2, subject: 'two' },
    ]);
    trunk.recordCommits([
      { sha: 'b', time: 2, subject: 'two' },
      { sha: 'c', time: 3, subject: 'three' },
    ]);
    expect([trunk.commit('a')?.seq, trunk.commit('b')?.seq, trunk.commit('c')?.seq]).toEqual([
      1, 2, 3,
    ]);
    trunk.recordResults('a', [
      { target: 'libs/x', status: 'passed', failing: [], runId: undefined },
    ]);
    trunk.recordResults('c', [
      { target: 'libs/x', status: 'failed', failing: ['t1'], runId: undefined },
    ]);
    expect(trunk.latestResult('libs/x')).toMatchObject({
      sha: 'c',
      status: 'failed',
      failing: ['t1'],
    });
    expect(trunk.lastTested()?.sha).toBe('c');
    trunk.setMeta('remote', 'origin');
    expect(trunk.meta('remote')).toBe('origin');
    store.close();
  });

  it('keeps a breakage with its search runs, and closes it', () => {
    const store = openStore({ stateDir: makeTempDir('store') });
    const { trunk } = store;
    const breakage = trunk.openBreakage({
      target: 'libs/x',
      lastGreen: 'a',
      firstRed: 'c',
      tests: ['t1'],
    });
    trunk.setSearch(breakage.id, '{"frozen":1}');
    trunk.setSearch(breakage.id, '{"frozen":2}'); // frozen once
    trunk.recordSearchRun(breakage.id, 'libs/x', 'c', {
      at: 1,
      failed: ['t1'],
      passed: [],
      origin: 'trunk',
      runId: undefined,
    });
    trunk.recordSearchRun(breakage.id, 'libs/x', 'b', {
      at: 0,
      failed: [],
      passed: ['t1'],
      origin: 'search',
      runId: undefined,
    });
    expect(trunk.openBreakages()).toMatchObject([{ id: breakage.id, search: '{"frozen":1}' }]);
    expect(trunk.searchRuns(breakage.id).map((run) => [run.seq, run.at, run.origin])).toEqual([
      [1, 1, 'trunk'],
      [2, 0, 'search'],
    ]);
    trunk.setBreakageState(breakage.id, 'fixed');
    expect(trunk.openBreakages()).toEqual([]);
    expect(trunk.breakages()[0]).toMatchObject({ state: 'fixed' });
    store.close();
  });

  it('rates flakes over the commits where a test also passed, and counts decisions since a time', () => {
    let now = 1_000;
    const store = openStore({ stateDir: makeTempDir('store'), now: () => now });
    const { trunk } = store;
    const breakage = trunk.openBreakage({
      target: 't',
      lastGreen: undefined,
      firstRed: 'x',
      tests: ['f'],
    });
    const run = (sha: string, failed: boolean) =>
      trunk.recordSearchRun(breakage.id, 't', sha, {
        at: 0,
        failed: failed ? ['f'] : [],
        passed: failed ? [] : ['f'],
        origin: 'search',
        runId: undefined,
      });
    // At x it failed once and passed three times; at y it always failed (broken there).
    run('x', true);
    for (let i = 0; i < 3; i++) run('x', false);
    run('y', true);
    run('y', true);
    expect(trunk.flakeRates('t')).toEqual([
      { target: 't', test: 'f', rate: 0.25, runs: 4, lastSeen: 1_000 },
    ]);
    trunk.recordDecision({
      breakageId: breakage.id,
      target: 't',
      tests: ['f'],
      kind: 'flaky',
      detail: 'a flake',
    });
    now = 5_000;
    trunk.recordDecision({
      breakageId: undefined,
      target: 't',
      tests: [],
      kind: 'reverted',
      detail: 'x',
      revertSha: 'r',
    });
    expect(trunk.decisions({ since: 2_000 }).map((d) => d.kind)).toEqual(['reverted']);
    expect(trunk.decisions().map((d) => d.kind)).toEqual(['reverted', 'flaky']);
    const first = trunk.decisions()[1];
    expect(first && trunk.decision(first.id)).toEqual(first);
    expect(trunk.decision(99)).toBeUndefined();
    store.close();
  });

  it('keeps one mark per test (the last one), clears it, and snoozes and wakes a breakage', () => {
    let now = 1_000;
    const store = openStore({ stateDir: makeTempDir('store'), now: () => now });
    const { trunk } = store;
    trunk.markTest('libs/x', 'a.test.ts > s > one', 'flaky');
    now = 2_000;
    trunk.markTest('libs/x', 'a.test.ts > s > one', 'quarantined');
    trunk.markTest('libs/a', 'b.test.ts > two', 'flaky');
    trunk.markTest('libs/a', 'gone', 'flaky');
    trunk.markTest('libs/a', 'gone', undefined);
    trunk.markTest('libs/a', 'never marked', undefined);
    expect(trunk.testMarks()).toEqual([
      { target: 'libs/a', test: 'b.test.ts > two', mark: 'flaky', markedAt: 2_000 },
      { target: 'libs/x', test: 'a.test.ts > s > one', mark: 'quarantined', markedAt: 2_000 },
    ]);

    const breakage = trunk.openBreakage({
      target: 'libs/x',
      lastGreen: 'a',
      firstRed: 'b',
      tests: [],
    });
    expect(breakage.snoozedUntil).toBeUndefined();
    trunk.snoozeBreakage(breakage.id, 9_000);
    expect(trunk.openBreakages()).toMatchObject([{ id: breakage.id, snoozedUntil: 9_000 }]);
    expect(trunk.breakage(breakage.id)?.snoozedUntil).toBe(9_000);
    trunk.snoozeBreakage(breakage.id, undefined);
    expect(trunk.breakage(breakage.id)?.snoozedUntil).toBeUndefined();
    expect(trunk.breakage(breakage.id + 1)).toBeUndefined();
    store.close();
  });
});
