import { MainlineError } from '@mainline/core';
import { GitRepo } from '@mainline/git';
import { formatSummary, jsonReport, junitReport } from '@mainline/report';
import { openStateStore, stateDir } from '@mainline/state';
import type { NewTargetResult } from '@mainline/store';
import type { Io } from '../io.ts';
import { styleFor } from '../output/style.ts';
import { type MergedResults, mergeResults } from './merge-results.ts';
import { writableFile, writeReport } from './run-targets.ts';
import { readShardResults } from './shard-results.ts';

export interface ResultsMergeOptions {
  readonly junit?: string;
  readonly json?: boolean;
}

/**
 * `mainline results merge DIR...`: the shards' results (`test --results DIR`) as one run of
 * kind `merge` in this checkout's store, and one JUnit report. Exit 1 when a shard was red
 * or is missing, 0 when every shard is there and green.
 */
export async function resultsMergeCommand(
  dirs: readonly string[],
  options: ResultsMergeOptions,
  argv: readonly string[],
  io: Io,
): Promise<number> {
  // A report that cannot be written is found out before anything is recorded.
  const junitFile = options.junit === undefined ? undefined : writableFile(io.cwd, options.junit);
  const shards = dirs.map((dir) => readShardResults(io.cwd, dir));
  const merged = mergeResults(shards);
  if (merged.plans.length > 1) {
    throw new MainlineError(
      'resultsInvalid',
      `the results come from ${merged.plans.length} different plans (${merged.plans.join(', ')})`,
      { hint: 'merge the shards of one plan: every shard runs with the same --plan file' },
    );
  }
  const runId = await record(io, merged, argv);
  if (junitFile !== undefined) writeReport(junitFile, await junitReport(merged.summary));
  if (options.json) io.stdout(jsonReport(merged.summary, runId));
  else io.stdout(formatSummary(merged.summary, styleFor(io)));
  if (merged.missingShards.length > 0) {
    io.stderr(
      `mainline: no results for shard ${merged.missingShards.join(', ')} of ${shards.find((s) => s.shard)?.shard?.count}: their targets are untested\n  hint: pass results merge the results folder of every shard\n`,
    );
  }
  return merged.summary.status === 'passed' ? 0 : 1;
}

/** The merged run in the store, as a run of kind `merge`; its id. */
async function record(
  io: Io,
  { summary, missingShards: missing }: MergedResults,
  argv: readonly string[],
): Promise<number> {
  const repo = await GitRepo.open(io.cwd, { env: io.env });
  const store = openStateStore(stateDir(repo.root, io.env));
  try {
    const [head] = await repo.resolveCommits(['HEAD']);
    const run = store.startRun({ kind: 'merge', argv, ...(head ? { headSha: head } : {}) });
    const results: NewTargetResult[] = [
      ...summary.builds.map(({ target, status, durationMs }) => ({
        target,
        phase: 'build' as const,
        status,
        durationMs: Math.round(durationMs),
      })),
      ...summary.tests.map(({ target, status, durationMs }) => ({
        target,
        phase: 'test' as const,
        status,
        durationMs: Math.round(durationMs),
      })),
    ];
    store.recordTargetResults(run.id, results);
    // As a run records them: a cached result's cases belong to the run that ran them, and
    // counting them again would make a test look steadier than it is.
    for (const test of summary.tests) {
      if (test.status !== 'cached') store.recordTestResults(run.id, test.target, test.tests);
    }
    store.finishRun(run.id, {
      status: summary.status,
      ...(missing.length > 0 ? { message: `no results for shard ${missing.join(', ')}` } : {}),
    });
    return run.id;
  } finally {
    store.close();
  }
}
