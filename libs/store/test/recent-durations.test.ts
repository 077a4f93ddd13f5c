import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { openStore, type Phase, type TargetStatus } from '../src/index.ts';

describe('recentDurations', () => {
  it("gives each target's newest passing builds and tests, leaving out cached and red ones", () => {
    const store = openStore({ stateDir: makeTempDir('store') });
    const result = (target: string, phase: Phase, status: TargetStatus, durationMs: number) => {
      const run = store.startRun({ kind: 'test', argv: [] });
      store.recordTargetResult(run.id, { target, phase, status, durationMs });
    };
    for (const ms of [100, 200, 300]) result('libs/a', 'build', 'passed', ms);
    result('libs/a', 'build', 'cached', 0);
    result('libs/a', 'test', 'failed', 9000);
    result('libs/a', 'test', 'flaky', 700);
    result('libs/b', 'test', 'skipped', 5);
    expect(store.recentDurations(2)).toEqual(
      new Map([['libs/a', { build: [300, 200], test: [700] }]]),
    );
    store.close();
  });
});
