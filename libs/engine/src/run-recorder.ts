import {
  isGreen,
  type RunStatus,
  type TargetBuildResult,
  type TargetTestResult,
} from '@mainline/core';
import type { NewTargetResult, Store } from '@mainline/store';
import { isStoreDamage } from '@mainline/state';
import type { ReadAhead } from './read-ahead.ts';

/**
 * Writes a run's results to the store as they happen, so a killed run loses no build or
 * test it reported running, and finds earlier test results by key. Damage the store finds
 * mid-run (it then moves the file aside and warns) costs only history: from then on the
 * run is not recorded and finds no earlier results, and it goes on.
 */
export interface RunRecorder {
  readonly runId: number;
  build(result: TargetBuildResult, key: string): void;
  /** `from`: where a pass taken from the shared cache ran (`host run 12`), kept as its message. */
  test(result: TargetTestResult, key: string, from?: string): void;
  /**
   * Of `wanted`, the targets whose test key last passed, with those tests (looked up
   * together); a flaky pass counts unless `strictFlakes`.
   */
  passedTests(
    wanted: readonly { readonly target: string; readonly key: string }[],
    strictFlakes: boolean,
  ): Map<string, TargetTestResult>;
  /** `error`: the run ended by a failure of the tool rather than a red result. */
  finish(status: RunStatus | 'error', message?: string): void;
}

export function storeRecorder(store: Store, runId: number, readAhead?: ReadAhead): RunRecorder {
  const cachedFrom = new Map<string, number>();
  let damaged = false;
  const use = <T>(call: () => T, otherwise: T): T => {
    if (damaged) return otherwise;
    try {
      return call();
    } catch (error) {
      if (!isStoreDamage(error)) throw error;
      damaged = true;
      return otherwise;
    }
  };
  // A cached result repeats one an earlier run recorded: losing it to a kill costs nothing
  // (the next run finds the same cache entry), so cached results are written together at
  // the next turn of the event loop rather than in a transaction each. Anything else is
  // written at once, after them, so the order stays the order things happened in.
  const pending: NewTargetResult[] = [];
  let flushQueued = false;
  const flush = (): void => {
    const batch = pending.splice(0);
    if (batch.length > 0) use(() => store.recordTargetResults(runId, batch), 0);
  };
  const record = (result: NewTargetResult): void => {
    if (result.status !== 'cached') {
      flush();
      use(() => store.recordTargetResult(runId, result), undefined);
      return;
    }
    pending.push(result);
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      flush();
    });
  };
  return {
    runId,
    build(result, key) {
      record({
        target: result.target,
        phase: 'build',
        status: result.status,
        cacheKey: key,
        durationMs: Math.round(result.durationMs),
        ...(result.diagnostics.length > 0 ? { message: summary(result) } : {}),
      });
    },
    test(result, key, remote) {
      const from = cachedFrom.get(result.target);
      record({
        target: result.target,
        phase: 'test',
        status: result.status,
        cacheKey: key,
        durationMs: Math.round(result.durationMs),
        ...(result.status === 'cached' && from !== undefined ? { cachedFromRunId: from } : {}),
        ...(remote === undefined ? {} : { message: `passed on ${remote} (shared cache)` }),
      });
      // A cached result's test cases stay with the run that ran them. Recorded even when
      // there are none: a result is reused only with its cases.
      if (result.status !== 'cached') {
        use(() => store.recordTestResults(runId, result.target, result.tests), 0);
      }
    },
    passedTests(wanted, strictFlakes) {
      const passed = new Map<string, TargetTestResult>();
      const asked = wanted.map(({ target, key }) => ({ target, cacheKey: key }));
      const latest = use(
        () =>
          readAhead ? readAhead.latestTestOutcomes(store, asked) : store.latestTestOutcomes(asked),
        [],
      );
      wanted.forEach(({ target }, index) => {
        const found = latest[index];
        // Without its cases (killed before they were written) a pass is not reused.
        if (!found || !isGreen(found.result.status, strictFlakes) || !found.tests) return;
        cachedFrom.set(target, found.result.runId);
        passed.set(target, {
          target,
          status: 'cached',
          durationMs: 0,
          tests: found.tests,
          fileErrors: [],
        });
      });
      return passed;
    },
    finish(status, message) {
      flush();
      use(
        () => store.finishRun(runId, { status, ...(message === undefined ? {} : { message }) }),
        undefined,
      );
    },
  };
}

function summary(result: TargetBuildResult): string {
  return result.diagnostics
    .slice(0, 20)
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)
    .join('\n');
}
