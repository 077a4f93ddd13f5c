import { createWorkspaceRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { type PipelineRequest, runPipeline } from '../src/index.ts';
import { fakeExecutor } from './fake-executor.ts';

describe('freshBuilds', () => {
  it('builds every target again though its outputs are in place and cached, and stores them', async () => {
    const repo = createWorkspaceRepo();
    const state = makeTempDir('engine-state');
    const request: Omit<PipelineRequest, 'executor'> = {
      kind: 'test',
      command: 'build',
      cwd: repo.dir,
      env: {},
      state,
      selection: { names: [], all: true },
      typecheck: false,
    };
    await runPipeline({ ...request, executor: fakeExecutor() });
    const cached = await runPipeline({ ...request, executor: fakeExecutor() });
    expect(cached.summary.builds.map((build) => build.status)).toEqual([
      'cached',
      'cached',
      'cached',
    ]);

    const fresh = fakeExecutor();
    const run = await runPipeline({
      ...request,
      kind: 'nightly',
      freshBuilds: true,
      executor: fresh,
    });
    expect(run.summary.builds.map((build) => build.status)).toEqual(['passed', 'passed', 'passed']);
    expect([...fresh.compiled].sort()).toEqual(['libs/a', 'libs/b', 'properties/app']);

    // What the fresh run built is in the cache for the runs after it.
    const after = fakeExecutor();
    await runPipeline({ ...request, executor: after });
    expect(after.compiled).toEqual([]);
  });
});
