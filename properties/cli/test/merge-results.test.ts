import type { RunSummary, TargetBuildResult, TargetTestResult } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { mergeResults } from '../src/commands/merge-results.ts';
import type { ShardResults } from '../src/commands/shard-results.ts';

const build = (target: string, status: TargetBuildResult['status']): TargetBuildResult => ({
  target,
  status,
  durationMs: 10,
  diagnostics: [],
});
const test = (target: string, status: TargetTestResult['status']): TargetTestResult => ({
  target,
  status,
  durationMs: 5,
  tests: [],
  fileErrors: [],
});
const shard = (index: number, summary: Omit<RunSummary, 'command'>): ShardResults => ({
  version: 1,
  shard: { index, count: 2 },
  plan: 'p1',
  runId: index,
  summary: { command: 'test', ...summary },
});

describe('mergeResults', () => {
  it('keeps each build once (a red one wins), every test, the longest duration, and red when a shard is', () => {
    const merged = mergeResults([
      shard(1, {
        status: 'passed',
        durationMs: 900,
        builds: [build('core', 'passed'), build('ui', 'passed')],
        tests: [test('ui', 'passed')],
      }),
      shard(2, {
        status: 'failed',
        durationMs: 400,
        builds: [build('core', 'failed'), build('api', 'skipped')],
        tests: [test('api', 'skipped')],
      }),
    ]);
    expect(merged.summary).toMatchObject({ status: 'failed', durationMs: 900 });
    expect(merged.summary.builds.map((b) => [b.target, b.status])).toEqual([
      ['core', 'failed'],
      ['ui', 'passed'],
      ['api', 'skipped'],
    ]);
    expect(merged.summary.tests.map((t) => t.target)).toEqual(['ui', 'api']);
    expect(merged).toMatchObject({ missingShards: [], plans: ['p1'] });
  });

  it('is green when every shard is there and green, red when one is missing', () => {
    const green = shard(2, { status: 'passed', durationMs: 1, builds: [], tests: [] });
    expect(mergeResults([shard(1, green.summary), green]).summary.status).toBe('passed');
    const partial = mergeResults([green]);
    expect(partial).toMatchObject({ missingShards: [1], summary: { status: 'failed' } });
  });
});
