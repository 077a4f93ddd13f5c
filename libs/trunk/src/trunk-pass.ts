import { loadChange } from '@mainline/change';
import type { Verdict } from '@mainline/culprit';
import type { GitRepo } from '@mainline/git';
import type { Breakage, Decision, Store } from '@mainline/store';
import { type FrozenSearch, searchCulprit } from './culprit-search.ts';
import { fixedByRevert } from './fixed-by-revert.ts';
import { decide, tell } from './revert-decision.ts';
import { suspectsOf } from './suspects.ts';
import { openLoopClone, type Runner } from './loop-clone.ts';
import { markedFlakyDecision, markedTests, setAsideQuarantined } from './test-marks.ts';
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
  given: TrunkOptions,
): Promise<PassOutcome> {
  const records = store.trunk;
  const { options, clone, repo, run } = await openLoopClone(state, records, given);
  settleInterrupted(store);
  const tip = await clone.fetch(options.branch);
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
  const marks = records.testMarks();
  const outcomes = (
    result === 'cached'
      ? names.map((target) => ({ target, red: false, status: 'cached', failing: [], passing: [] }))
      : result
  ).map((o) => setAsideQuarantined(o, markedTests(marks, o.target, 'quarantined')));
  const before = new Map(outcomes.map((o) => [o.target, records.latestResult(o.target)]));
  records.recordResults(
    batchTip,
    outcomes.map((o) => ({
      target: o.target,
      status: o.status,
      failing: [...o.failing, ...o.quarantinedFailing],
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
  if (breakage.search === undefined) {
    const fixed = await fixedByRevert(context, { ...breakage, lastGreen });
    if (fixed !== undefined) return [fixed];
  }
  const frozen = breakage.search
    ? (JSON.parse(breakage.search) as FrozenSearch)
    : await freezeSearch(store, context, { ...breakage, lastGreen });
  // Tests a person marked flaky are not searched (see freezeSearch): nothing to search when
  // they were the only ones failing.
  const outcome =
    frozen.failingTests.length === 0
      ? { verdicts: [] }
      : await searchCulprit(
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
  const markedFlaky = frozen.markedFlaky ?? [];
  if (markedFlaky.length > 0) {
    decisions.push(await tell(context, markedFlakyDecision(breakage, markedFlaky)));
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
  const flaky = markedTests(store.trunk.testMarks(), breakage.target, 'flaky');
  const frozen: FrozenSearch = {
    suspects: suspects.length > 0 ? suspects : [{ id: breakage.firstRed, distance: 0 }],
    failingTests: breakage.tests.filter((test) => !flaky.has(test)),
    flakeRates: rates,
    settings: options.search,
    markedFlaky: breakage.tests.filter((test) => flaky.has(test)),
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
