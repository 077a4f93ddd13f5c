import { isMainlineError, type TestCaseResult } from '@mainline/core';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { openStore, type Store, type TestCaseStatus } from '../src/index.ts';

function open(): Store {
  let now = 5_000;
  return openStore({ stateDir: makeTempDir('store'), now: () => (now += 1) });
}

const test = (
  name: string,
  status: TestCaseStatus,
  extra: Partial<TestCaseResult> = {},
): TestCaseResult => ({
  file: 'libs/a/test/a.test.ts',
  name,
  status,
  durationMs: 2,
  attempts: 1,
  ...extra,
});

describe('target results', () => {
  it('records several results in one call, in order, and refuses them all for a bad one', () => {
    const store = open();
    const first = store.startRun({ kind: 'test', argv: [] });
    store.recordTargetResult(first.id, {
      target: 'libs/a',
      phase: 'test',
      status: 'passed',
      cacheKey: 'ka',
      durationMs: 3,
    });
    const run = store.startRun({ kind: 'test', argv: [] });
    const cached = (target: string, phase: 'build' | 'test') => ({
      target,
      phase,
      status: 'cached' as const,
      cacheKey: `k-${target}`,
      cachedFromRunId: first.id,
      durationMs: 0,
    });
    const batch = [cached('libs/a', 'build'), cached('libs/b', 'build'), cached('libs/a', 'test')];
    expect(store.recordTargetResults(run.id, batch)).toBe(3);
    // Held as one at a time would have recorded them, in order.
    const recorded = store.targetResults(run.id);
    expect(recorded.map((r) => [r.target, r.phase, r.cachedFromRunId])).toEqual([
      ['libs/a', 'build', first.id],
      ['libs/b', 'build', first.id],
      ['libs/a', 'test', first.id],
    ]);
    const one = store.startRun({ kind: 'test', argv: [] });
    for (const result of batch) store.recordTargetResult(one.id, result);
    const fields = ({ id, runId, recordedAt, ...result }: (typeof recorded)[number]) => result;
    expect(store.targetResults(one.id).map(fields)).toEqual(recorded.map(fields));
    // All or nothing: a result naming a run that does not exist rolls back the batch.
    expect(() =>
      store.recordTargetResults(run.id, [
        cached('libs/c', 'build'),
        { ...cached('libs/d', 'build'), cachedFromRunId: 999 },
      ]),
    ).toThrow();
    expect(store.targetResults(run.id)).toHaveLength(3);
    store.close();
  });

  it('records and reads back a run’s results in order', () => {
    const store = open();
    const run = store.startRun({ kind: 'build', argv: ['build', '--all'] });
    const built = store.recordTargetResult(run.id, {
      target: 'libs/a',
      phase: 'build',
      status: 'passed',
      cacheKey: 'fp-a',
      durationMs: 12.6,
    });
    expect(built).toEqual({
      id: built.id,
      runId: run.id,
      target: 'libs/a',
      phase: 'build',
      status: 'passed',
      cacheKey: 'fp-a',
      cachedFromRunId: undefined,
      durationMs: 13,
      message: undefined,
      recordedAt: built.recordedAt,
    });
    store.recordTargetResult(run.id, {
      target: 'libs/b',
      phase: 'build',
      status: 'failed',
      durationMs: 1,
      message: 'src/x.ts:3:1: error',
    });
    expect(store.targetResults(run.id).map((r) => [r.target, r.status, r.message])).toEqual([
      ['libs/a', 'passed', undefined],
      ['libs/b', 'failed', 'src/x.ts:3:1: error'],
    ]);
    expect(store.targetResults(run.id + 1)).toEqual([]);
    store.close();
  });

  it('refuses results for an unknown run, or cached from one', () => {
    const store = open();
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isMainlineError(error) ? error.code : String(error);
      }
      return 'no error';
    };
    const result = { target: 'x', phase: 'test', status: 'passed', durationMs: 0 } as const;
    expect(codeOf(() => store.recordTargetResult(3, result))).toBe('storeUnknownRun');
    const run = store.startRun({ kind: 'test', argv: [] });
    expect(
      codeOf(() =>
        store.recordTargetResult(run.id, { ...result, status: 'cached', cachedFromRunId: 77 }),
      ),
    ).toBe('storeUnknownRun');
    expect(codeOf(() => store.recordTestResults(3, 'libs/a', [test('t', 'passed')]))).toBe(
      'storeUnknownRun',
    );
    expect(store.targetResults(run.id)).toEqual([]);
    store.close();
  });

  it('finds the latest outcome for a cache key, skipping reuses and what did not run', () => {
    const store = open();
    const first = store.startRun({ kind: 'test', argv: [] });
    store.recordTargetResult(first.id, {
      target: 'libs/a',
      phase: 'test',
      status: 'passed',
      cacheKey: 'k1',
      durationMs: 900,
    });
    store.finishRun(first.id, { status: 'passed' });

    const second = store.startRun({ kind: 'test', argv: [] });
    const original = store.latestResultByKey('libs/a', 'test', 'k1');
    expect(original).toMatchObject({ runId: first.id, status: 'passed', durationMs: 900 });
    store.recordTargetResult(second.id, {
      target: 'libs/a',
      phase: 'test',
      status: 'cached',
      cacheKey: 'k1',
      cachedFromRunId: original?.runId,
      durationMs: 0,
    });
    for (const status of ['skipped', 'not-run'] as const) {
      store.recordTargetResult(second.id, {
        target: 'libs/a',
        phase: 'test',
        status,
        cacheKey: 'k1',
        durationMs: 0,
      });
    }
    expect(store.latestResultByKey('libs/a', 'test', 'k1')?.id).toBe(original?.id);
    expect(store.targetResults(second.id)[0]?.cachedFromRunId).toBe(first.id);

    // Other keys, phases and targets do not match.
    expect(store.latestResultByKey('libs/a', 'test', 'k2')).toBeUndefined();
    expect(store.latestResultByKey('libs/a', 'build', 'k1')).toBeUndefined();
    expect(store.latestResultByKey('libs/b', 'test', 'k1')).toBeUndefined();

    // A later failure with the same key is the latest outcome.
    const third = store.startRun({ kind: 'test', argv: [] });
    store.recordTargetResult(third.id, {
      target: 'libs/a',
      phase: 'test',
      status: 'failed',
      cacheKey: 'k1',
      durationMs: 5,
    });
    expect(store.latestResultByKey('libs/a', 'test', 'k1')).toMatchObject({
      runId: third.id,
      status: 'failed',
    });
    store.close();
  });

  it('keeps a result recorded by a run that later ended without finishing', () => {
    const store = open();
    const run = store.startRun({ kind: 'test', argv: [] });
    store.recordTargetResult(run.id, {
      target: 'libs/a',
      phase: 'test',
      status: 'passed',
      cacheKey: 'k',
      durationMs: 1,
    });
    store.finishRun(run.id, { status: 'interrupted' });
    expect(store.latestResultByKey('libs/a', 'test', 'k')?.runId).toBe(run.id);
    store.close();
  });
});

describe('test results and flakiness', () => {
  it('records test cases with messages, locations and attempts, and reads them back', () => {
    const store = open();
    const run = store.startRun({ kind: 'test', argv: [] });
    const failure = {
      message: 'expected 1 to be 2',
      location: { file: 'libs/a/test/a.test.ts', line: 12, column: 5 },
    };
    const count = store.recordTestResults(run.id, 'libs/a', [
      test('parser > reads', 'passed'),
      test('parser > fails', 'failed', { durationMs: 7.4, ...failure }),
      test('retried', 'flaky', { attempts: 3, message: 'timed out' }),
    ]);
    expect(count).toBe(3);
    store.recordTestResults(run.id, 'libs/b', [
      { file: 'libs/b/test/b.test.ts', name: 'b', status: 'skipped', durationMs: 0, attempts: 1 },
    ]);
    const results = store.testResults(run.id);
    expect(results.map((r) => [r.target, r.name, r.status, r.attempts])).toEqual([
      ['libs/a', 'parser > reads', 'passed', 1],
      ['libs/a', 'parser > fails', 'failed', 1],
      ['libs/a', 'retried', 'flaky', 3],
      ['libs/b', 'b', 'skipped', 1],
    ]);
    // A recorded test reads back as core's TestCaseResult, plus its ids and target.
    expect(results[1]).toEqual({
      id: results[1]?.id,
      runId: run.id,
      target: 'libs/a',
      file: 'libs/a/test/a.test.ts',
      name: 'parser > fails',
      status: 'failed',
      durationMs: 7,
      attempts: 1,
      ...failure,
    });
    expect(results[0]).not.toHaveProperty('message');
    expect(results[0]).not.toHaveProperty('location');
    expect(results[2]).toMatchObject({ message: 'timed out' });
    expect(store.testResults(run.id, 'libs/b').map((r) => r.name)).toEqual(['b']);
    store.close();
  });

  it('counts how often a test failed then passed over its recent results', () => {
    const store = open();
    const outcomes: TestCaseStatus[] = ['passed', 'flaky', 'passed', 'failed', 'flaky', 'passed'];
    for (const status of outcomes) {
      const run = store.startRun({ kind: 'nightly', argv: [] });
      store.recordTestResults(run.id, 'libs/a', [
        test('sometimes', status),
        test('always', 'passed'),
      ]);
      store.finishRun(run.id, { status: 'passed' });
    }
    const id = { target: 'libs/a', file: 'libs/a/test/a.test.ts', name: 'sometimes' };
    expect(store.testFlakiness(id)).toEqual({
      test: id,
      results: 6,
      passed: 3,
      failed: 1,
      flaky: 2,
      skipped: 0,
      recent: [...outcomes].reverse(),
    });
    expect(store.testFlakiness(id, 2)).toMatchObject({ results: 2, flaky: 1, passed: 1 });
    expect(store.testFlakiness({ ...id, name: 'unknown' }).results).toBe(0);

    const flaky = store.flakyTests();
    expect(flaky).toEqual([{ ...id, flakyResults: 2, lastFlakyRunId: 5 }]);
    const lateRun = store.getRun(5);
    expect(store.flakyTests({ since: (lateRun?.startedAt ?? 0) + 1 })).toEqual([]);
    store.close();
  });
});

describe('results of many targets at once', () => {
  it('are what the one-target queries say, in the order asked', () => {
    const store = open();
    const one = store.startRun({ kind: 'test', argv: [] });
    const two = store.startRun({ kind: 'test', argv: [] });
    const result = (target: string, cacheKey: string, status: 'passed' | 'failed' | 'cached') => ({
      target,
      phase: 'test' as const,
      status,
      cacheKey,
      durationMs: 1,
    });
    store.recordTargetResult(one.id, result('libs/a', 'ka', 'passed'));
    store.recordTargetResult(one.id, result('libs/b', 'kb', 'failed'));
    store.recordTargetResult(two.id, result('libs/b', 'kb', 'passed'));
    store.recordTargetResult(two.id, {
      ...result('libs/a', 'ka', 'cached'),
      cachedFromRunId: one.id,
    });
    // Recorded out of name order, with every optional field and awkward text.
    store.recordTestResults(one.id, 'libs/a', [
      test('z last by name', 'passed'),
      test('a "quoted" \u0000 name \u{1f600}', 'flaky', {
        message: 'failed once:\n\texpected 1',
        location: { file: 'libs/a/test/a.test.ts', line: 3 },
        attempts: 2,
      }),
      test('with column', 'passed', { location: { file: 'x.ts', line: 1, column: 7 } }),
    ]);
    store.recordTestResults(two.id, 'libs/b', [test('b', 'passed')]);

    const keys = [
      { target: 'libs/b', cacheKey: 'kb' },
      { target: 'libs/c', cacheKey: 'kc' },
      { target: 'libs/a', cacheKey: 'ka' },
      { target: 'libs/a', cacheKey: 'other' },
    ];
    const latest = store.latestResultsByKeys('test', keys);
    expect(latest).toEqual(
      keys.map(({ target, cacheKey }) => store.latestResultByKey(target, 'test', cacheKey)),
    );
    expect(latest.map((found) => found?.status)).toEqual([
      'passed',
      undefined,
      'passed',
      undefined,
    ]);

    // Each with the cases its run recorded, as testResults reads them without the ids.
    const outcomes = store.latestTestOutcomes(keys);
    expect(outcomes.map((found) => found?.result)).toEqual(latest);
    const cases = (runId: number, target: string) =>
      store.testResults(runId, target).map(({ id, runId, target, ...test }) => test);
    expect(outcomes.map((found) => found?.tests)).toEqual([
      cases(two.id, 'libs/b'),
      undefined,
      cases(one.id, 'libs/a'),
      undefined,
    ]);
    expect(outcomes[2]?.tests?.map((t) => t.name)).toEqual([
      'z last by name',
      'a "quoted" \u0000 name \u{1f600}',
      'with column',
    ]);
    expect(store.latestResultsByKeys('test', [])).toEqual([]);
    expect(store.latestTestOutcomes([])).toEqual([]);
    // A result whose cases were never written (its run killed in between) has none to reuse.
    store.recordTargetResult(two.id, result('libs/d', 'kd', 'passed'));
    const [bare] = store.latestTestOutcomes([{ target: 'libs/d', cacheKey: 'kd' }]);
    expect(bare).toMatchObject({ result: { status: 'passed' }, tests: undefined });
    store.close();
  });
});
