import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FingerprintMemo, SnapshotFingerprints } from '@mainline/change';
import { openStore } from '@mainline/store';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { outputFolder } from '../src/index.ts';
import { ReadAhead } from '../src/read-ahead.ts';

/** A memo whose newest tree remembers keys for libs/a and libs/b (the run reads its real one). */
function memoWithKeys(): FingerprintMemo {
  const remembered: SnapshotFingerprints = {
    build: new Map(),
    full: new Map(),
    tested: new Set(),
    keys: {
      id: 'tools',
      build: new Map([
        ['libs/a', 'build-a'],
        ['libs/b', 'build-b'],
      ]),
      test: new Map([['libs/a', 'test-a']]),
    },
  };
  const memo: Pick<FingerprintMemo, 'newestTree' | 'read'> = {
    newestTree: () => 'tree',
    read: (tree) => (tree === 'tree' ? remembered : undefined),
  };
  return memo as FingerprintMemo;
}

describe('ReadAhead', () => {
  it('reads the newest tree’s markers and test outcomes early, and anything else when asked', () => {
    const state = makeTempDir('read-ahead');
    const markerOf = (target: string) => join(outputFolder(state, target), '.mainline-key');
    mkdirSync(outputFolder(state, 'libs/a'), { recursive: true });
    writeFileSync(markerOf('libs/a'), 'build-a\n');
    mkdirSync(outputFolder(state, 'libs/c'), { recursive: true });
    writeFileSync(markerOf('libs/c'), 'build-c\n');
    const store = openStore({ stateDir: state });
    const run = store.startRun({ kind: 'test', argv: [] });
    const passed = { phase: 'test' as const, status: 'passed' as const, durationMs: 1 };
    store.recordTargetResult(run.id, { ...passed, target: 'libs/a', cacheKey: 'test-a' });
    store.recordTestResults(run.id, 'libs/a', []);

    const ahead = ReadAhead.during(state, memoWithKeys(), store);
    // What changes later is not seen for what was read ahead (a run reads it once)...
    rmSync(markerOf('libs/a'));
    const later = store.startRun({ kind: 'test', argv: [] });
    store.recordTargetResult(later.id, { ...passed, target: 'libs/c', cacheKey: 'test-c' });
    store.recordTestResults(later.id, 'libs/c', []);
    expect(ahead.marker(outputFolder(state, 'libs/a'))).toBe('build-a');
    expect(ahead.marker(outputFolder(state, 'libs/b'))).toBeUndefined();
    // ...and what was not read ahead is read when asked.
    expect(ahead.marker(outputFolder(state, 'libs/c'))).toBe('build-c');
    const outcomes = ahead.latestTestOutcomes(store, [
      { target: 'libs/c', cacheKey: 'test-c' },
      { target: 'libs/a', cacheKey: 'test-a' },
      { target: 'libs/a', cacheKey: 'other' },
    ]);
    expect(outcomes.map((outcome) => outcome?.result.runId)).toEqual([later.id, run.id, undefined]);
    store.close();
  });

  it('reads nothing ahead without a remembered tree, and still answers', () => {
    const state = makeTempDir('read-ahead-none');
    const memo = {
      newestTree: () => undefined,
      read: () => undefined,
    } as unknown as FingerprintMemo;
    const ahead = ReadAhead.during(state, memo, undefined);
    expect(ahead.marker(outputFolder(state, 'libs/a'))).toBeUndefined();
  });
});
