import type { RunSummary, TargetBuildResult, TargetTestResult } from '@mainline/core';
import { type PipelineRequest, runPipeline } from './run-pipeline.ts';

/**
 * Runs `test` for each wave of targets in turn (see wavesByDistance), as one summary.
 * Once the signal fires (the budget ran out), the waves not started are reported
 * `not-run`, like the targets the interrupted wave did not reach.
 */
export async function runWaves(
  waves: readonly (readonly string[])[],
  request: Omit<PipelineRequest, 'selection'>,
): Promise<RunSummary> {
  const started = performance.now();
  const builds = new Map<string, TargetBuildResult>();
  const tests: TargetTestResult[] = [];
  let status: RunSummary['status'] = 'passed';
  for (const wave of waves) {
    if (request.signal?.aborted) {
      for (const target of wave) tests.push(notRun(target));
      status = 'interrupted';
      continue;
    }
    const { summary } = await runPipeline({ ...request, selection: { names: wave } });
    // A later wave rebuilds (from the cache) what an earlier one built: the first result counts.
    for (const build of summary.builds)
      if (!builds.has(build.target)) builds.set(build.target, build);
    for (const test of summary.tests) tests.push(test);
    if (summary.status === 'interrupted' || status === 'interrupted') status = 'interrupted';
    else if (summary.status === 'failed') status = 'failed';
  }
  return {
    command: 'test',
    status,
    durationMs: performance.now() - started,
    builds: [...builds.values()],
    tests,
  };
}

function notRun(target: string): TargetTestResult {
  return { target, status: 'not-run', durationMs: 0, tests: [], fileErrors: [] };
}
