import type { GitRepo } from '@mainline/git';
import type { Decision, Store } from '@mainline/store';
import type { Selection } from './actions.ts';
import { percent, shortSha } from './text.ts';

/** Where details are read from: the store, and git for the culprits' diff stats. */
export interface DetailsSources {
  readonly store: Store;
  /** A repository holding the culprits: the trunk loop's own clone, else the checkout. */
  readonly git: () => Promise<GitRepo | undefined>;
  readonly now: () => number;
}

/** How many lines of one failing test's output the details keep. */
const outputLines = 12;

/** The lines Enter shows for a selection. */
export async function readDetails(
  sources: DetailsSources,
  selection: Selection,
): Promise<string[]> {
  const { store } = sources;
  switch (selection.panel) {
    case 'trunk': {
      const tip = store.trunk.lastTested();
      return tip === undefined
        ? ['no trunk commit tested yet']
        : await commitStat(sources, tip.sha);
    }
    case 'breakages': {
      const group = selection.item;
      const decisions = decisionsOf(store, group.breakageIds);
      const culprits = [...new Set(decisions.flatMap((d) => d.culprit ?? []))];
      return [
        `range ${group.lastGreen ?? '(red from the first test)'}..${group.firstRed}`,
        `targets: ${group.targets.join(', ')}`,
        '',
        ...failingOutput(store, group.targets),
        ...decisionLog(store, group.breakageIds, decisions),
        ...(await Promise.all(culprits.map((sha) => commitStat(sources, sha)))).flat(),
      ];
    }
    case 'candidates': {
      const candidate = selection.item;
      const ids = candidate.breakageId === undefined ? [] : [candidate.breakageId];
      return [
        `culprit ${candidate.culprit} of ${candidate.target}, confidence ${percent(candidate.confidence)}`,
        candidate.detail,
        '',
        ...(await commitStat(sources, candidate.culprit)),
        '',
        ...failingOutput(store, [candidate.target]),
        ...decisionLog(store, ids, decisionsOf(store, ids)),
      ];
    }
    case 'flaky': {
      const row = selection.item;
      return [
        `${row.target}: ${row.test}`,
        `flake rate ${percent(row.rate)} over ${row.runs} runs${row.mark === undefined ? '' : `; marked ${row.mark}`}`,
      ];
    }
    case 'runs': {
      const run = store.getRun(selection.item.id);
      if (run === undefined) return [`run ${selection.item.id} is gone`];
      const results = store.targetResults(run.id).filter((r) => r.status === 'failed');
      return [
        `run ${run.id}: ${run.kind} ${run.status}, mainline ${run.argv.join(' ')}`,
        `commit ${run.headSha ?? '(working tree)'}`,
        ...(run.message === undefined ? [] : [run.message]),
        '',
        ...(results.length === 0
          ? ['no target failed']
          : results.map((r) => `failed: ${r.target} (${r.phase})`)),
      ];
    }
  }
}

/** The decisions about these breakages, oldest first. */
function decisionsOf(store: Store, breakageIds: readonly number[]): Decision[] {
  const ids = new Set(breakageIds);
  return store.trunk
    .decisions({ limit: 500 })
    .filter((d) => d.breakageId !== undefined && ids.has(d.breakageId))
    .reverse();
}

/** The failing tests' output from the targets' latest trunk results. */
function failingOutput(store: Store, targets: readonly string[]): string[] {
  const lines: string[] = [];
  for (const target of targets) {
    const latest = store.trunk.latestResult(target);
    if (latest === undefined || latest.status === 'passed') continue;
    const failed =
      latest.runId === undefined
        ? []
        : store.testResults(latest.runId, target).filter((t) => t.status === 'failed');
    lines.push(`${target} at ${shortSha(latest.sha)}: ${latest.status}`);
    if (failed.length === 0) lines.push(...latest.failing.map((test) => `  ✗ ${test}`));
    for (const test of failed) {
      lines.push(`  ✗ ${test.file} > ${test.name}`);
      const output = (test.message ?? '').split('\n').slice(0, outputLines);
      lines.push(...output.map((line) => `      ${line}`));
    }
    lines.push('');
  }
  return lines;
}

/** The decisions and the culprit-search runs, in the order they happened. */
function decisionLog(
  store: Store,
  breakageIds: readonly number[],
  decisions: readonly Decision[],
): string[] {
  const lines = ['decision log'];
  for (const id of breakageIds) {
    const breakage = store.trunk.breakage(id);
    for (const run of store.trunk.searchRuns(id)) {
      const at = run.at < 0 ? breakage?.lastGreen : suspectAt(breakage?.search, run.at);
      lines.push(
        `  search run ${run.seq} at ${shortSha(at)} (${run.origin}): ${run.failed.length} failed, ${run.passed.length} passed`,
      );
    }
  }
  for (const decision of decisions) {
    const when = new Date(decision.decidedAt).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(
      `  ${when} ${decision.kind}${decision.rule === undefined ? '' : ` (${decision.rule})`}: ${decision.detail}`,
    );
  }
  if (lines.length === 1) lines.push('  nothing decided yet');
  return [...lines, ''];
}

async function commitStat(sources: DetailsSources, sha: string): Promise<string[]> {
  try {
    const git = await sources.git();
    return git === undefined
      ? [`commit ${sha} (no repository to show it from)`]
      : (await git.commitStat(sha)).split('\n');
  } catch {
    return [`commit ${sha} (not in the repository yet)`];
  }
}

/** The commit of suspect `at` in a breakage's frozen search (JSON the trunk loop writes). */
function suspectAt(search: string | undefined, at: number): string | undefined {
  if (search === undefined) return undefined;
  try {
    const frozen = JSON.parse(search) as { suspects?: { id?: unknown }[] };
    const id = frozen.suspects?.[at]?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
