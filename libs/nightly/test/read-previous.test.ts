import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@mainline/store';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { lastNightlyRun, readPreviousNight } from '../src/read-previous.ts';

describe('the previous nightly', () => {
  it("is the store's last finished nightly, read from the store, or from its nightly.json", () => {
    const store = openStore({ stateDir: makeTempDir('state') });
    try {
      const night = store.startRun({ kind: 'nightly', argv: ['nightly'], headSha: 'c1' });
      store.recordTargetResults(night.id, [
        { target: 'libs/a', phase: 'build', status: 'passed', durationMs: 100 },
        { target: 'libs/a', phase: 'test', status: 'flaky', durationMs: 50 },
        { target: 'libs/b', phase: 'build', status: 'failed', durationMs: 10 },
        { target: 'libs/b', phase: 'test', status: 'skipped', durationMs: 0 },
      ]);
      store.recordTestResults(night.id, 'libs/a', [
        {
          file: 'libs/a/test/a.test.ts',
          name: 'flips',
          status: 'flaky',
          durationMs: 5,
          attempts: 2,
        },
        {
          file: 'libs/a/test/a.test.ts',
          name: 'holds',
          status: 'passed',
          durationMs: 5,
          attempts: 1,
        },
      ]);
      store.finishRun(night.id, { status: 'failed' });
      // Neither a test run nor a nightly still running is the previous nightly.
      store.startRun({ kind: 'nightly', argv: ['nightly'] });
      store.finishRun(store.startRun({ kind: 'test', argv: ['test'] }).id, { status: 'passed' });

      const last = lastNightlyRun(store);
      expect(last?.id).toBe(night.id);
      if (last === undefined) return;
      const fromStore = readPreviousNight(store, last, []);
      expect(fromStore).toMatchObject({ runId: night.id, commit: 'c1' });
      expect([...fromStore.targets]).toEqual([
        ['libs/a', { status: 'flaky', durationMs: 150 }],
        ['libs/b', { status: 'red', durationMs: 10 }],
      ]);
      expect(fromStore.flakyTests).toEqual([
        { target: 'libs/a', file: 'libs/a/test/a.test.ts', name: 'flips' },
      ]);

      // Its own report, when found, is read instead; another run's is not.
      const folder = makeTempDir('reports');
      const report = (runId: number) =>
        JSON.stringify({
          version: 1,
          runId,
          targets: [
            {
              name: 'libs/a',
              status: 'green',
              build: { durationMs: 7 },
              test: { durationMs: 3, tests: [] },
            },
          ],
        });
      writeFileSync(join(folder, 'nightly.json'), report(night.id + 100));
      expect(readPreviousNight(store, last, [folder]).targets.get('libs/a')?.status).toBe('flaky');
      writeFileSync(join(folder, 'nightly.json'), report(night.id));
      expect([...readPreviousNight(store, last, [folder]).targets]).toEqual([
        ['libs/a', { status: 'green', durationMs: 10 }],
      ]);
    } finally {
      store.close();
    }
  });
});
