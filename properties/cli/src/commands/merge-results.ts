import type { RunStatus, RunSummary, TargetBuildResult } from '@mainline/core';
import type { ShardResults } from './shard-results.ts';

export interface MergedResults {
  readonly summary: RunSummary;
  /** Shards of the plan no folder held (`--shard I/N` counted N), in order. */
  readonly missingShards: readonly number[];
  /** The plan ids the shards came from (more than one: shards of different plans). */
  readonly plans: readonly string[];
}

/**
 * The shards' runs as one: every target's test result (a target is in one shard), and each
 * build once (a dep builds in every shard that needs it: a red build wins, else the first).
 * Red when a shard was or is missing; the duration is the longest shard's, as the shards ran side by side.
 */
export function mergeResults(shards: readonly ShardResults[]): MergedResults {
  const builds = new Map<string, TargetBuildResult>();
  for (const { summary } of shards) {
    for (const build of summary.builds) {
      const seen = builds.get(build.target);
      if (seen === undefined || (build.status === 'failed' && seen.status !== 'failed'))
        builds.set(build.target, build);
    }
  }
  const tests = new Map(shards.flatMap(({ summary }) => summary.tests.map((t) => [t.target, t])));
  const counts = new Set(shards.flatMap(({ shard }) => (shard ? [shard.count] : [])));
  const seen = new Set(shards.flatMap(({ shard }) => (shard ? [shard.index] : [])));
  const count = Math.max(0, ...counts);
  const missingShards = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  // A missing shard's targets went untested: the merged run is red, as a red shard makes it.
  const statuses = new Set<RunStatus>(shards.map(({ summary }) => summary.status));
  const status: RunStatus =
    statuses.has('failed') || missingShards.length > 0
      ? 'failed'
      : statuses.has('interrupted')
        ? 'interrupted'
        : 'passed';
  return {
    summary: {
      command: 'test',
      status,
      durationMs: Math.max(0, ...shards.map(({ summary }) => summary.durationMs)),
      builds: [...builds.values()],
      tests: [...tests.values()],
    },
    missingShards,
    plans: [...new Set(shards.flatMap(({ plan }) => (plan ? [plan] : [])))],
  };
}
