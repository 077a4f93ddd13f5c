import type { RunEvent } from '@mainline/core';
import { openStore } from '@mainline/store';
import { createWorkspaceRepo, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { type PipelineRequest, runPipeline } from '../src/index.ts';
import { fakeExecutor } from './fake-executor.ts';

describe('the engine, in-process with a fake executor', () => {
  it('runs what is not cached, records the run with its kind, tree and commit, and stamps every event', async () => {
    const repo = createWorkspaceRepo();
    const state = makeTempDir('engine-state');
    const events: RunEvent[] = [];
    const executor = fakeExecutor();
    const request: PipelineRequest = {
      kind: 'trunk',
      command: 'test',
      cwd: repo.dir,
      env: {},
      state,
      commit: repo.head(),
      selection: { names: [], all: true },
      typecheck: false,
      executor,
      emit: (event) => events.push(event),
    };
    const first = await runPipeline(request);
    expect(first.summary.status).toBe('passed');
    expect(executor.compiled.sort()).toEqual(['libs/a', 'libs/b', 'properties/app']);
    expect(executor.tested.sort()).toEqual(['libs/a', 'libs/b']);
    expect(events.map((event) => event.type)).toContain('run-finished');
    expect(
      events.every((event) => event.runId === first.runId && event.commit === repo.head()),
    ).toBe(true);
    const store = openStore({ stateDir: state });
    expect(store.getRun(first.runId)).toMatchObject({
      kind: 'trunk',
      status: 'passed',
      headSha: repo.head(),
      treeSha: repo.git('rev-parse', 'HEAD^{tree}'),
    });
    store.close();

    // Unchanged: every build and test comes from the cache, nothing is asked of the tools.
    const again = fakeExecutor();
    const cached = await runPipeline({ ...request, executor: again });
    expect(cached.summary.tests.map((test) => [test.target, test.status])).toEqual([
      ['libs/a', 'cached'],
      ['libs/b', 'cached'],
      ['properties/app', 'no-tests'], // it has no test file
    ]);
    expect(again.compiled).toEqual([]);
    expect(again.tested).toEqual([]);

    // A culprit search runs the tests again (builds stay cached).
    const rerun = fakeExecutor(new Set(['libs/b']));
    const searched = await runPipeline({
      ...request,
      kind: 'culprit',
      executor: rerun,
      rerunTests: true,
    });
    expect(rerun.compiled).toEqual([]);
    expect(rerun.tested.sort()).toEqual(['libs/a', 'libs/b']);
    expect(searched.summary.status).toBe('failed');
  });
});
