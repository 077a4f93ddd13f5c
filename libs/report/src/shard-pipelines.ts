import { createRequire } from 'node:module';

/** How a runner of the matrix gets the plan and where it leaves its results. */
export interface ShardFiles {
  /** The plan file every shard reads (`--plan`), an artifact of the plan step. */
  readonly plan: string;
  /** The results folder of shard I (`--results`): the prefix, then I. */
  readonly resultsPrefix: string;
}

/**
 * The lines a GitHub Actions plan job appends to `$GITHUB_OUTPUT`: the matrix
 * (`matrix={"shard":[1,2,...]}`, for `fromJSON`) and the plan on one line, which each shard
 * writes to its plan file.
 */
export function githubShardOutputs(shardCount: number, plan: unknown): string {
  const shard = Array.from({ length: shardCount }, (_, i) => i + 1);
  return `matrix=${JSON.stringify({ shard })}\nplan=${JSON.stringify(plan)}\n`;
}

/**
 * A Buildkite dynamic pipeline (for `buildkite-agent pipeline upload`): one step per shard
 * running `mainline test --shard I/N` on the plan the plan step uploaded, then, failed
 * shards or not, one step merging their results into one JUnit report.
 */
export function buildkiteShardPipeline(shardCount: number, files: ShardFiles): string {
  // By require, not import(): the CLI runs from a V8 code cache, where import() cannot work.
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const mainline = 'node_modules/.bin/mainline';
  const shards = Array.from({ length: shardCount }, (_, i) => {
    const index = i + 1;
    const results = `${files.resultsPrefix}${index}`;
    return {
      label: `mainline shard ${index}/${shardCount}`,
      key: `mainline-shard-${index}`,
      command: [
        'npm ci',
        `buildkite-agent artifact download ${files.plan} .`,
        `${mainline} test --shard ${index}/${shardCount} --plan ${files.plan} --results ${results}`,
      ],
      artifact_paths: `${results}/**/*`,
    };
  });
  const merge = {
    label: 'mainline results',
    key: 'mainline-results',
    command: [
      'npm ci',
      `buildkite-agent artifact download '${files.resultsPrefix}*/**/*' .`,
      `${mainline} results merge ${files.resultsPrefix}* --junit mainline.xml`,
    ],
    artifact_paths: 'mainline.xml',
  };
  // One line per command (no folding), as a person would write the pipeline.
  return stringify(
    { steps: [...shards, { wait: null, continue_on_failure: true }, merge] },
    { lineWidth: 0 },
  );
}
