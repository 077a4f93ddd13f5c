import type { RunEvent, RunSummary } from '@mainline/core';
import { loadCurrentWorkspace } from '@mainline/change';
import { type Executor, type PipelineRequest, prepareKeys, runPipeline } from '@mainline/engine';
import { GitRepo } from '@mainline/git';
import { openStateStore, stateDir } from '@mainline/state';
import type { Store } from '@mainline/store';
import { readSettings } from '@mainline/workspace';
import { type KeyedOutcome, honestyFindings } from './cache-honesty.ts';
import { compareNights } from './comparison.ts';
import { defaultFlakeThreshold, flakyTestLines, type TestName } from './flake-lines.ts';
import { gatherAudit } from './gather-audit.ts';
import { flakeHistories } from './gather-flakes.ts';
import { countStatuses, nightlyTargets } from './night-targets.ts';
import type { NightlyReport } from './nightly-report.ts';
import type { PreviousNight } from './previous-night.ts';
import { defaultReportDir, lastNightlyRun, readPreviousNight } from './read-previous.ts';
import { type NightPlace, trunkTip } from './trunk-tip.ts';

export interface NightlyRequest {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly executor: Executor;
  /** The remote cache: the nightly's fresh builds and passes go to it (it reads none). */
  readonly sharedCache?: PipelineRequest['sharedCache'];
  /** Reruns of a failed test; one that then passes is flaky. Default 2. */
  readonly retries?: number;
  /** Run at the remote trunk tip in mainline's own clone, not in the working tree. */
  readonly trunk?: boolean;
  /** Where the reports go, when given: the previous `nightly.json` may be there. */
  readonly reportDir?: string;
  readonly argv?: readonly string[];
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly emit?: (event: RunEvent) => void;
}

export interface NightlyOutcome {
  /** Undefined when the run was interrupted: there is no night to report. */
  readonly report: NightlyReport | undefined;
  readonly summary: RunSummary;
  readonly runId: number;
  readonly state: string;
}

/**
 * The nightly: every target of the checkout (or of the remote trunk tip), built and tested
 * afresh through the engine, with retries; recorded as a `nightly` run; then its report:
 * flakes and their rates, the cache's honesty, the comparison with the previous nightly,
 * and the audit of what the graph cannot explain.
 */
export async function runNightly(request: NightlyRequest): Promise<NightlyOutcome> {
  const startedAt = Date.now();
  const repo = await GitRepo.open(request.cwd, {
    env: request.env,
    readConfig: ['mainline.trunk'],
  });
  const state = stateDir(repo.root, request.env);
  const flakeThreshold = readSettings(repo.root).nightly?.flakeThreshold ?? defaultFlakeThreshold;
  const selection = { names: [], all: true };
  let place: NightPlace;
  let previous: PreviousNight | undefined;
  let cached: readonly Omit<KeyedOutcome, 'fresh'>[];
  const store = openStateStore(state);
  try {
    place = request.trunk
      ? await trunkTip(repo, state, store, request.env)
      : { dir: repo.root, commit: await repo.resolveCommit('HEAD'), env: request.env };
    const last = lastNightlyRun(store);
    if (last !== undefined) {
      const folders = [request.reportDir, defaultReportDir(state, last.id)];
      previous = readPreviousNight(
        store,
        last,
        folders.filter((f) => f !== undefined),
      );
    }
    // The keys of what is about to run, looked up before the run records its own results.
    const at = request.trunk ? place.commit : await repo.worktreeTree();
    const keys = await prepareKeys({ cwd: place.dir, env: place.env, state, selection, at });
    cached = cachedResults(store, keys);
  } finally {
    store.close();
  }
  const { runId, summary } = await runPipeline({
    kind: 'nightly',
    command: 'test',
    cwd: place.dir,
    env: place.env,
    state,
    selection,
    commit: place.commit,
    rerunTests: true,
    freshBuilds: true,
    // The files tests read: the audit's evidence of inputs no target owns.
    recordReads: true,
    retries: request.retries ?? 2,
    executor: request.executor,
    argv: request.argv ?? ['nightly'],
    ...(request.sharedCache ? { sharedCache: request.sharedCache } : {}),
    ...(request.concurrency ? { concurrency: request.concurrency } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.emit ? { emit: request.emit } : {}),
  });
  if (summary.status === 'interrupted') return { report: undefined, summary, runId, state };
  const { workspace } = await loadCurrentWorkspace(place.dir);
  const targets = nightlyTargets(workspace.targets.values(), summary.builds, summary.tests);
  const flakyTonight: TestName[] = summary.tests.flatMap((result) =>
    result.tests
      .filter((test) => test.status === 'flaky')
      .map(({ file, name }) => ({ target: result.target, file, name })),
  );
  const after = openStateStore(state);
  let report: NightlyReport;
  try {
    const fresh = new Map(
      after
        .targetResults(runId)
        .map((r) => [`${r.phase} ${r.target}`, { status: r.status, key: r.cacheKey }]),
    );
    const outcomes = cached.map(
      (before): KeyedOutcome => ({
        ...before,
        fresh: fresh.get(`${before.phase} ${before.target}`),
      }),
    );
    const counts = countStatuses(targets);
    report = {
      version: 1,
      runId,
      commit: place.commit,
      // The run's start as the store has it: what the next nightly reads back.
      startedAt: new Date(after.getRun(runId)?.startedAt ?? startedAt).toISOString(),
      durationMs: 0,
      status: counts.red > 0 ? 'failed' : 'passed',
      ...(previous
        ? {
            previous: {
              runId: previous.runId,
              commit: previous.commit,
              startedAt: previous.startedAt,
            },
          }
        : {}),
      targets,
      counts,
      flakyTests: flakyTestLines(flakyTonight, flakeHistories(after, flakyTonight), flakeThreshold),
      flakeThreshold,
      comparison: compareNights(targets, flakyTonight, previous),
      cacheHonesty: honestyFindings(outcomes),
      audit: previous
        ? await gatherAudit({ ...place, state }, workspace, targets, previous, readsOf(summary))
        : [],
    };
  } finally {
    after.close();
  }
  return {
    // Everything the command waited for: the keys, the run, and the findings after it.
    report: { ...report, durationMs: Math.round(Date.now() - startedAt) },
    summary,
    runId,
    state,
  };
}

/** The files each target's tests read tonight, as the test host recorded them. */
function readsOf(summary: RunSummary): Map<string, readonly string[]> {
  return new Map(summary.tests.map((result) => [result.target, result.reads ?? []]));
}

/**
 * The latest result recorded before the night for each target's build key and test key:
 * what the cache would have answered.
 */
function cachedResults(
  store: Store,
  keys: Awaited<ReturnType<typeof prepareKeys>>,
): Omit<KeyedOutcome, 'fresh'>[] {
  return (['build', 'test'] as const).flatMap((phase) => {
    const names = phase === 'build' ? keys.selected.builds : keys.selected.asked;
    const wanted = names.map((target) => ({
      target,
      cacheKey: keys.keys[phase].get(target) as string,
    }));
    return store.latestResultsByKeys(phase, wanted).map((result, index) => {
      const { target, cacheKey } = wanted[index] as { target: string; cacheKey: string };
      const cached = result && { status: result.status, runId: result.runId };
      return { target, phase, key: cacheKey, cached };
    });
  });
}
