import { MainlineError } from '@mainline/core';
import { buildkiteShardPipeline, githubShardOutputs } from '@mainline/report';
import type { Io } from '../io.ts';
import { count } from './run-targets.ts';
import { currentShardPlan, type ShardSelection } from './shard-plan.ts';

export interface PlanOptions extends ShardSelection {
  readonly shards?: string;
  readonly format?: string;
}

/** The file names the generated Buildkite pipeline uses (the README's workflow uses the same). */
export const shardFiles = { plan: 'mainline-plan.json', resultsPrefix: 'mainline-shard-' };

/**
 * `mainline plan --shards N`: the selection split into N shards balanced by recorded
 * durations, as JSON, GitHub Actions outputs or a Buildkite pipeline.
 */
export async function planCommand(options: PlanOptions, io: Io): Promise<number> {
  if (options.shards === undefined) {
    throw new MainlineError('usage', '--shards is required', {
      hint: 'e.g. mainline plan --shards 4 --format json',
    });
  }
  const shards = count('--shards', options.shards, 1, 1);
  const plan = await currentShardPlan(io, options, shards, true);
  const format = options.format ?? 'json';
  if (format === 'github') io.stdout(githubShardOutputs(shards, plan));
  else if (format === 'buildkite') io.stdout(buildkiteShardPipeline(shards, shardFiles));
  else io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
  return 0;
}
