import { createHash } from 'node:crypto';
import { dependencyClosure, type Workspace } from '@mainline/core';
import { partitionLongestFirst, type Shard } from './shard-partition.ts';

/** What `mainline plan --format json` prints and `mainline test --shard I/N --plan FILE` reads. */
export interface ShardPlan {
  readonly version: 1;
  readonly shards: readonly Shard[];
  /** A hash of the shards: two runners with the same id run the same split. */
  readonly plan: string;
}

/** Recorded durations in milliseconds, newest first, per target (the store's recentDurations). */
export type DurationHistory = ReadonlyMap<
  string,
  { readonly build: readonly number[]; readonly test: readonly number[] }
>;

export interface ShardPlanRequest {
  readonly workspace: Workspace;
  /** The selected targets (all, names, or the affected ones). */
  readonly asked: readonly string[];
  readonly shards: number;
  /** Empty (or absent): counts only, every build and test is one unit, the same everywhere. */
  readonly history?: DurationHistory;
}

/**
 * The selection split into balanced shards. A target needs its test and the builds of
 * everything it needs built (itself, its deps and test deps, transitively): build outputs
 * are not shared between shards (unless a remote cache is on), so each shard builds its
 * targets' deps itself, once for all of them. A build or test with no recorded pass counts
 * as the median of those with one, or as 1 when none has any.
 */
export function planShards(request: ShardPlanRequest): ShardPlan {
  const { workspace, history = new Map() } = request;
  const expected = (phase: 'build' | 'test'): ((name: string) => number) => {
    const known = new Map<string, number>();
    for (const [name, durations] of history) {
      const middle = median(durations[phase]);
      if (middle !== undefined) known.set(name, middle / 1000);
    }
    const fallback = median([...known.values()]) ?? 1;
    return (name) => known.get(name) ?? fallback;
  };
  const build = expected('build');
  const test = expected('test');
  const items = request.asked.map((name) => {
    const target = workspace.targets.get(name);
    const tested = target !== undefined && (target.tests.length > 0 || !!target.testRunner);
    const needs = new Map<string, number>();
    for (const needed of dependencyClosure(workspace.targets, [name], { testDeps: true })) {
      needs.set(needed, build(needed));
    }
    return { name, seconds: tested ? test(name) : 0, needs };
  });
  const shards = partitionLongestFirst(items, request.shards).map((shard) => ({
    ...shard,
    expectedSeconds: Math.round(shard.expectedSeconds * 10) / 10,
  }));
  const plan = createHash('sha256').update(JSON.stringify(shards)).digest('hex').slice(0, 12);
  return { version: 1, shards, plan };
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const high = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? high : ((sorted[middle - 1] ?? 0) + high) / 2;
}
