import { hostname } from 'node:os';
import { openLocalCache } from '@mainline/cache';
import { openStateStore } from '@mainline/state';
import { createWorkspaceRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { type PipelineRequest, runPipeline } from '../src/index.ts';
import { fakeExecutor } from './fake-executor.ts';

describe('shareTests', () => {
  it('takes a test pass another machine stored, with where it ran; never a red result', async () => {
    const repo = createWorkspaceRepo();
    // Two machines: their own state (store, local cache), one shared cache between them.
    const shared = openLocalCache(makeTempDir('shared'));
    const request = (state: string): Omit<PipelineRequest, 'executor'> => ({
      kind: 'test',
      command: 'test',
      cwd: repo.dir,
      env: {},
      state,
      selection: { names: [], all: true },
      typecheck: false,
      cache: shared,
      shareTests: true,
    });
    const first = fakeExecutor(new Set(['libs/b']));
    const ran = await runPipeline({ ...request(makeTempDir('first')), executor: first });
    expect(first.tested.sort()).toEqual(['libs/a', 'libs/b']);

    const secondState = makeTempDir('second');
    const second = fakeExecutor();
    const run = await runPipeline({ ...request(secondState), executor: second });
    expect(second.compiled).toEqual([]);
    // libs/a passed on the first machine; libs/b failed there, so it runs here.
    expect(second.tested).toEqual(['libs/b']);
    const status = Object.fromEntries(run.summary.tests.map((test) => [test.target, test.status]));
    expect(status).toMatchObject({ 'libs/a': 'cached', 'libs/b': 'passed' });
    const cachedA = run.summary.tests.find((test) => test.target === 'libs/a');
    expect(cachedA?.tests.map((test) => test.status)).toEqual(['passed']);
    const store = openStateStore(secondState);
    try {
      const recorded = store.targetResults(run.runId).find((result) => result.phase === 'test');
      expect(recorded).toMatchObject({
        target: 'libs/a',
        status: 'cached',
        message: `passed on ${hostname()} run ${ran.runId} (shared cache)`,
      });
    } finally {
      store.close();
    }
  });
});
