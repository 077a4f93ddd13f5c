import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/index.ts';

describe("the dashboard's reads", () => {
  it("dataVersion changes with another connection's commit, not with this one's", () => {
    const stateDir = makeTempDir('store');
    const reader = openStore({ stateDir });
    const writer = openStore({ stateDir });
    const before = reader.dataVersion();
    reader.startRun({ kind: 'test', argv: [] });
    expect(reader.dataVersion()).toBe(before);
    writer.startRun({ kind: 'test', argv: [] });
    expect(reader.dataVersion()).not.toBe(before);
    reader.close();
    writer.close();
  });

  it('runCounts counts each run’s results by phase and status, in one query', () => {
    const store = openStore({ stateDir: makeTempDir('store') });
    const one = store.startRun({ kind: 'nightly', argv: [] });
    const two = store.startRun({ kind: 'build', argv: [] });
    store.recordTargetResults(one.id, [
      { target: 'a', phase: 'build', status: 'passed', durationMs: 1 },
      { target: 'a', phase: 'test', status: 'passed', durationMs: 1 },
      { target: 'b', phase: 'test', status: 'failed', durationMs: 1 },
      { target: 'c', phase: 'test', status: 'failed', durationMs: 1 },
    ]);
    store.recordTargetResults(two.id, [
      { target: 'a', phase: 'build', status: 'cached', durationMs: 0 },
    ]);
    const counts = store.runCounts([one.id, two.id, 999]);
    expect(counts.get(one.id)).toEqual({ build: { passed: 1 }, test: { passed: 1, failed: 2 } });
    expect(counts.get(two.id)).toEqual({ build: { cached: 1 }, test: {} });
    expect(counts.has(999)).toBe(false);
    expect(store.runCounts([]).size).toBe(0);
    store.close();
  });
});
