import { join } from 'node:path';
import { loadChange } from '@mainline/change';
import type { Verdict } from '@mainline/culprit';
import { testCommit, type WorkTrees } from '@mainline/engine';
import { GitRepo, OwnClone } from '@mainline/git';
import type { Breakage, Decision, Store } from '@mainline/store';
import { cloneWorkTrees } from './clone-work-trees.ts';
import { type FrozenSearch, searchCulprit } from './culprit-search.ts';
import { decide } from './revert-decision.ts';
import { suspectsOf } from './suspects.ts';
import { type TargetOutcome, targetOutcomes } from './target-outcome.ts';
import type { TrunkOptions } from './trunk-options.ts';

/** What one pass of the loop did, and where trunk stands after it. */
export interface PassOutcome {
  readonly tip: string;
  readonly tested: number;
  readonly decisions: readonly Decision[];
  /** Targets left red at the tip (a revert pushed for one counts as made green). */
  readonly red: readonly string[];
}

/**
 * One pass of the trunk loop: fetch the trunk into the loop's own clone, test the new
 * commits in batches (the targets each batch affects, at its tip), open a breakage for
 * each target that turned red and close those that turned green, then search each open
 * breakage's culprit (resuming a search a killed loop left) and decide about it.
 */
export async function trunkPass(
  store: Store,
  state: string,
  options: TrunkOptions,
): Promise<PassOutcome> {
  const records = store.trunk;
  // What git reads in the clone (compiled BUILD.json files, fingerprints) stays in this state.
  options = { ...options, env: { ...options.env, MAINLINE_HOME: state } };
  const origin = await GitRepo.open(options.cwd, { env: options.env });
  const url = await OwnClone.remoteUrl(origin.root, options.remote, options.env);
  const clone = await OwnClone.at(join(state, 'trunk', 'clone'), url, options.env);
  const repo = await GitRepo.open(clone.dir, { env: options.env });
  const workTrees = cloneWorkTrees(clone, records, options.env);
  settleInterrupted(store);
  const tip = await clone.fetch(options.branch);
  const run = runner(repo, state, workTrees, options);
  const last = records.lastTested();
  const known = last !== undefined && (await repo.isAncestor(last.sha, tip));
  const line = known ? await repo.firstParentLine(last.sha, tip) : [tip];
  options.emit({ type: 'fetched', tip, newCommits: known ? line.length : 1 });
  const infos = await repo.commitInfos(line);
  records.recordCommits(infos.map(({ sha, time, subject }) => ({ sha, time, subject })));
  let base = known ? last.sha : undefined;
  let tested = 0;
  for (let i = options.batch - 1; i < line.length + options.batch - 1; i += options.batch) {
    if (options.signal.aborted) break;
    const batchTip = line[Math.min(i, line.length - 1)] as string;
    await testBatch(
      store,
      options,
      run,
      repo,
      base,
      batchTip,
      Math.min(options.batch, line.length - tested),
    );
    tested += Math.min(options.batch, line.length - tested);
    base = batchTip;
  }
  const decisions: Decision[] = [];
  const context = { records, clone, repo, options, runAt: run.rerun };
  for (const breakage of records.openBreakages()) {
    if (options.signal.aborted || breakage.state !== 'open') continue;
    decisions.push(...(await settle(store, context, breakage)));
  }
  const reverted = new Set(
    records
      .decisions({ limit: 1000 })
      .filter((decision) => decision.kind === 'reverted' && decision.revertRef === options.branch)
      .map((decision) => decision.breakageId),
  );
  const red = records
    .openBreakages()
    .filter((breakage) => !reverted.has(breakage.id))
    .map((breakage) => breakage.target);
  return { tip, tested, decisions, red: [...new Set(red)] };
}

interface Runner {
  /** The targets at a commit, cached results used (a batch of trunk). */
  batch(commit: string, targets: readonly string[]): Promise<TargetOutcome[] | 'cached'>;
  /** One target at a commit, its tests run again (a search step, a check at the tip). */
  rerun(commit: string, target: string): Promise<TargetOutcome>;
}

function runner(repo: GitRepo, state: string, workTrees: WorkTrees, options: TrunkOptions): Runner {
  const common = {
    repo,
    workTrees,
    state,
    env: options.env,
    executor: options.executor,
    typecheck: options.typecheck,
    signal: options.signal,
    emit: (event: Parameters<NonNullable<Parameters<typeof testCommit>[0]['emit']>>[0]) =>
      options.emit({ type: 'run', event }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
  };
  return {
    async batch(commit, targets) {
      const outcome = await testCommit({
        ...common,
        kind: 'trunk',
        argv: ['trunk', commit],
        commit,
        selection: { names: targets },
      });
      if (outcome.kind === 'cached') return 'cached';
      const runId = outcome.runId;
      return targetOutcomes(outcome.summary).map((o) =>
        runId === undefined ? o : { ...o, runId },
      );
    },
    async rerun(commit, target) {
      options.executor.prepareTests?.();
      const outcome = await testCommit({
        ...common,
        kind: 'culprit',
        argv: ['trunk', 'culprit', target, commit],
        commit,
        selection: { names: [target] },
        rerunTests: true,
      });
      const found =
        outcome.kind === 'ran'
          ? targetOutcomes(outcome.summary).find((result) => result.target === target)
          : undefined;
      const runId = outcome.kind === 'ran' ? outcome.runId : undefined;
      const result = found ?? { target, red: false, status: 'passed', failing: [], passing: [] };
      return runId === undefined ? result : { ...result, runId };
    },
  };
}

/** Tests the targets a batch affects at its tip; opens and closes breakages. */
async function testBatch(
  store: Store,
  options: TrunkOptions,
  run: Runner,
  repo: GitRepo,
  base: string | undefined,
  batchTip: string,
  commits: number,
): Promise<void> {
  const records = store.trunk;
  const targets =
    base === undefined
      ? undefined
      : (
          await loadChange({ cwd: repo.root, env: options.env, base, head: batchTip })
        ).report.affected.map((target) => target.name);
  const names = targets ?? (await allTargets(repo, batchTip, options.env));
  const result = names.length === 0 ? [] : await run.batch(batchTip, names);
  const outcomes: TargetOutcome[] =
    result === 'cached'
      ? names.map((target) => ({ target, red: false, status: 'cached', failing: [], passing: [] }))
      : result;
  const before = new Map(outcomes.map((o) => [o.target, records.latestResult(o.target)]));
  records.recordResults(
    batchTip,
    outcomes.map((o) => ({
      target: o.target,
      status: o.status,
      failing: o.failing,
      runId: o.runId,
    })),
  );
  options.emit({
    type: 'tested',
    commit: batchTip,
    commits,
    red: outcomes.filter((o) => o.red).map((o) => o.target),
    green: outcomes.filter((o) => !o.red).map((o) => o.target),
    cached: result === 'cached',
  });
  const open = new Map(records.openBreakages().map((b) => [b.target, b]));
  for (const outcome of outcomes) {
    const breakage = open.get(outcome.target);
    if (!outcome.red) {
      if (breakage === undefined) continue;
      records.setBreakageState(breakage.id, 'fixed');
      options.emit({ type: 'fixed', id: breakage.id, target: breakage.target, at: batchTip });
      if (breakage.state === 'open') {
        const decision = records.recordDecision({
          breakageId: breakage.id,
          target: breakage.target,
          tests: breakage.tests,
          kind: 'fixed',
          detail: `green again at ${batchTip.slice(0, 12)} before the loop acted`,
        });
        options.emit({ type: 'decision', decision });
      }
      continue;
    }
    let lastGreen: string | undefined;
    if (breakage !== undefined) {
      // Still red: the open breakage stands for it, unless the loop's revert of it landed in
      // between (checked green when it was made): then this red is a breakage of its own.
      const revert = await landedRevert(store, repo, options, breakage, batchTip);
      if (revert === undefined) continue;
      records.setBreakageState(breakage.id, 'fixed');
      options.emit({ type: 'fixed', id: breakage.id, target: breakage.target, at: revert });
      lastGreen = revert;
    } else {
      // Its last green commit bounds the search; a target new since then has none.
      const previous = before.get(outcome.target);
      lastGreen = previous !== undefined && !isRed(previous.status) ? previous.sha : undefined;
    }
    const opened = records.openBreakage({
      target: outcome.target,
      lastGreen,
      firstRed: batchTip,
      tests: outcome.failing,
    });
    options.emit({
      type: 'breakage',
      id: opened.id,
      target: opened.target,
      lastGreen: opened.lastGreen,
      firstRed: opened.firstRed,
      tests: opened.tests,
    });
  }
}

/** The revert the loop pushed to trunk for `breakage`, when `tip` holds it. */
async function landedRevert(
  store: Store,
  repo: GitRepo,
  options: TrunkOptions,
  breakage: Breakage,
  tip: string,
): Promise<string | undefined> {
  const revert = store.trunk
    .decisions({ limit: 1000 })
    .find(
      (d) =>
        d.breakageId === breakage.id && d.kind === 'reverted' && d.revertRef === options.branch,
    )?.revertSha;
  return revert !== undefined && (await repo.isAncestor(revert, tip)) ? revert : undefined;
}

function isRed(status: string): boolean {
  return status === 'failed' || status === 'build-failed';
}

async function allTargets(
  repo: GitRepo,
  commit: string,
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  const change = await loadChange({ cwd: repo.root, env, base: commit, head: commit });
  return [...change.head.workspace.targets.keys()];
}

/** Searches a breakage's culprit (or resumes the search) and decides about each verdict. */
async function settle(
  store: Store,
  context: Parameters<typeof decide>[0],
  breakage: Breakage,
): Promise<Decision[]> {
  const { records, options } = context;
  if (breakage.lastGreen === undefined) {
    const verdict: Verdict = { kind: 'inconclusive', tests: breakage.tests };
    const note =
      'red from the first commit the loop tested: the range is unknown, nothing is reverted';
    const decision = await decide(context, breakage, verdict, undefined, note);
    records.setBreakageState(breakage.id, 'decided');
    return [decision];
  }
  const lastGreen = breakage.lastGreen;
  const frozen = breakage.search
    ? (JSON.parse(breakage.search) as FrozenSearch)
    : await freezeSearch(store, context, { ...breakage, lastGreen });
  const outcome = await searchCulprit(
    { records, runAt: context.runAt, emit: options.emit, signal: options.signal },
    { ...breakage, lastGreen },
    frozen,
  );
  if (outcome === undefined) return [];
  const decisions: Decision[] = [];
  for (const verdict of outcome.verdicts) {
    const culprit = verdict.kind === 'culprit' ? frozen.suspects[verdict.at]?.id : undefined;
    decisions.push(await decide(context, breakage, verdict, culprit));
  }
  const allFlaky = outcome.verdicts.every((v) => v.kind === 'flake' || v.kind === 'quarantine');
  records.setBreakageState(breakage.id, allFlaky ? 'flaky' : 'decided');
  return decisions;
}

/** The search's input, frozen once: suspects, failing tests, flake rates known now, settings. */
async function freezeSearch(
  store: Store,
  context: Parameters<typeof decide>[0],
  breakage: Breakage & { readonly lastGreen: string },
): Promise<FrozenSearch> {
  const { options, repo } = context;
  const suspects = await suspectsOf(repo, options.env, breakage);
  const rates = store.trunk
    .flakeRates(breakage.target)
    .filter((rate) => breakage.tests.includes(rate.test))
    .map((rate) => [rate.test, rate.rate] as const);
  const frozen: FrozenSearch = {
    suspects: suspects.length > 0 ? suspects : [{ id: breakage.firstRed, distance: 0 }],
    failingTests: breakage.tests,
    flakeRates: rates,
    settings: options.search,
  };
  store.trunk.setSearch(breakage.id, JSON.stringify(frozen));
  return frozen;
}

/** A decision a killed loop left half made (a revert being checked) is said to be so. */
function settleInterrupted(store: Store): void {
  for (const decision of store.trunk.decisions({ limit: 1000 })) {
    if (decision.kind !== 'verifying') continue;
    store.trunk.updateDecision(decision.id, {
      kind: 'candidate',
      rule: 'interrupted',
      detail: 'the loop stopped while it checked the revert; the next pass decides again',
    });
  }
}
