import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildkiteShardPipeline, githubShardOutputs } from '../src/index.ts';

describe('shard pipelines', () => {
  it('gives GitHub Actions the matrix and the plan, one output a line', () => {
    const plan = { version: 1, plan: 'abc', shards: [] };
    expect(githubShardOutputs(3, plan)).toBe(
      'matrix={"shard":[1,2,3]}\nplan={"version":1,"plan":"abc","shards":[]}\n',
    );
  });

  it('gives Buildkite a step per shard, then a merge that runs whether shards failed or not', () => {
    const text = buildkiteShardPipeline(2, { plan: 'p.json', resultsPrefix: 'r-' });
    const { steps } = parse(text) as { steps: Record<string, unknown>[] };
    expect(steps.map((step) => step.label ?? step)).toEqual([
      'mainline shard 1/2',
      'mainline shard 2/2',
      { wait: null, continue_on_failure: true },
      'mainline results',
    ]);
    expect(steps[1]?.command).toContain(
      'node_modules/.bin/mainline test --shard 2/2 --plan p.json --results r-2',
    );
    expect(steps[1]?.artifact_paths).toBe('r-2/**/*');
    expect(steps[3]?.command).toContain(
      'node_modules/.bin/mainline results merge r-* --junit mainline.xml',
    );
  });
});
