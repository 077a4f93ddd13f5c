import type { CommitSummary } from '@mainline/git';
import type {
  Breakage,
  Decision,
  FlakeRate,
  MarkedTest,
  Run,
  RunCounts,
  Store,
} from '@mainline/store';
import { trunkStatus } from '@mainline/trunk';
import type {
  BreakageGroup,
  Candidate,
  Dashboard,
  FlakyTestRow,
  LoopState,
  RecentRun,
  RunLabel,
} from './dashboard.ts';

/** What the store does not know: the time, the loop's lock, and the culprits' git facts. */
export interface DashboardFacts {
  readonly now: number;
  readonly loop: LoopState;
  /** Author and subject of the culprits git was asked about (undefined: git has no such commit). */
  readonly commits: ReadonlyMap<string, CommitSummary | undefined>;
}

/** How many recent runs the screen lists. */
const recentRuns = 20;

/** The store read for the screen: a handful of indexed queries, no write. */
export function readDashboard(store: Store, facts: DashboardFacts): Dashboard {
  const status = trunkStatus(store);
  const lastTrunkRun = store.listRuns({ kind: 'trunk', limit: 1 })[0];
  // The runs people start or schedule; a culprit search's reruns are its breakage's details.
  const runs = store
    .listRuns({ limit: recentRuns * 5 })
    .filter((run) => run.kind !== 'culprit' && run.kind !== 'revert')
    .slice(0, recentRuns);
  const counts = store.runCounts(runs.map((run) => run.id));
  return {
    at: facts.now,
    trunk: {
      tip:
        status.tip === undefined
          ? undefined
          : { sha: status.tip.sha, subject: status.tip.subject, green: status.tip.green },
      lastGreen: status.tip?.green ? status.tip.sha : status.breakages[0]?.lastGreen,
      loop: facts.loop,
      lastRan: lastTrunkRun?.startedAt ?? status.tip?.testedAt,
    },
    breakages: groupBreakages(status.breakages, facts.now),
    candidates: candidates(status.culprits, facts.commits),
    flaky: flakyRows(status.flaky, store.trunk.testMarks()),
    runs: runs.map((run) => recentRun(run, counts.get(run.id))),
  };
}

/** The culprits the candidates panel names that `commits` does not know yet: ask git once. */
export function unknownCulprits(
  dashboard: Dashboard,
  commits: ReadonlyMap<string, CommitSummary | undefined>,
): string[] {
  return [...new Set(dashboard.candidates.map((c) => c.culprit))].filter(
    (sha) => !commits.has(sha),
  );
}

/** The candidates with the author and subject git gave for their culprits. */
export function nameCulprits(
  dashboard: Dashboard,
  commits: ReadonlyMap<string, CommitSummary | undefined>,
): Dashboard {
  return {
    ...dashboard,
    candidates: dashboard.candidates.map((candidate) => {
      const commit = commits.get(candidate.culprit);
      return commit === undefined
        ? candidate
        : { ...candidate, author: commit.author, subject: commit.subject };
    }),
  };
}

/** Open breakages by regression range, oldest range first. */
export function groupBreakages(breakages: readonly Breakage[], now: number): BreakageGroup[] {
  const groups = new Map<string, Breakage[]>();
  for (const breakage of breakages) {
    const key = `${breakage.lastGreen ?? ''}..${breakage.firstRed}`;
    groups.set(key, [...(groups.get(key) ?? []), breakage]);
  }
  return [...groups.values()].map((members) => {
    const first = members[0] as Breakage;
    const snoozed = members.map((b) =>
      b.snoozedUntil !== undefined && b.snoozedUntil > now ? b.snoozedUntil : undefined,
    );
    return {
      lastGreen: first.lastGreen,
      firstRed: first.firstRed,
      breakageIds: members.map((b) => b.id),
      targets: [...new Set(members.map((b) => b.target))],
      tests: [...new Set(members.flatMap((b) => b.tests))],
      since: Math.min(...members.map((b) => b.openedAt)),
      snoozedUntil: snoozed.includes(undefined) ? undefined : Math.min(...(snoozed as number[])),
    };
  });
}

/** The latest decision about each culprit (per breakage), newest first. */
export function candidates(
  decisions: readonly Decision[],
  commits: ReadonlyMap<string, CommitSummary | undefined>,
): Candidate[] {
  const seen = new Set<string>();
  const list: Candidate[] = [];
  for (const decision of decisions) {
    const status = candidateStatus(decision.kind);
    if (decision.culprit === undefined || status === undefined) continue;
    const key = `${decision.breakageId ?? decision.target} ${decision.culprit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const commit = commits.get(decision.culprit);
    list.push({
      decisionId: decision.id,
      breakageId: decision.breakageId,
      target: decision.target,
      culprit: decision.culprit,
      author: commit?.author,
      subject: commit?.subject,
      confidence: decision.confidence,
      tests: decision.tests.length,
      status,
      rule: status === 'held' ? decision.rule : undefined,
      detail: decision.detail,
      revertSha: decision.revertSha,
      decidedAt: decision.decidedAt,
    });
  }
  return list;
}

function candidateStatus(kind: string): Candidate['status'] | undefined {
  if (kind === 'reverted') return 'reverted';
  if (kind === 'verifying') return 'verifying';
  if (kind === 'candidate') return 'held';
  return undefined;
}

/** Flake rates (highest first) with their marks, then marked tests never seen flaking. */
export function flakyRows(
  rates: readonly FlakeRate[],
  marks: readonly MarkedTest[],
): FlakyTestRow[] {
  const markOf = new Map(marks.map((m) => [`${m.target}\0${m.test}`, m.mark]));
  const rows: FlakyTestRow[] = rates.map((rate) => ({
    target: rate.target,
    test: rate.test,
    rate: rate.rate,
    runs: rate.runs,
    lastSeen: rate.lastSeen,
    mark: markOf.get(`${rate.target}\0${rate.test}`),
  }));
  const rated = new Set(rates.map((r) => `${r.target}\0${r.test}`));
  for (const mark of marks) {
    if (rated.has(`${mark.target}\0${mark.test}`)) continue;
    rows.push({
      target: mark.target,
      test: mark.test,
      mark: mark.mark,
      rate: undefined,
      runs: 0,
      lastSeen: undefined,
    });
  }
  return rows;
}

const labels: Readonly<Record<Run['kind'], RunLabel>> = {
  build: 'local',
  test: 'local',
  watch: 'local',
  prepush: 'pre-push',
  nightly: 'nightly',
  trunk: 'trunk',
  culprit: 'culprit',
  revert: 'revert',
  // The shards of a CI matrix, merged (`mainline results merge`).
  merge: 'ci',
};

function recentRun(run: Run, counts: RunCounts | undefined): RecentRun {
  // A run's tests say more than its builds; a build-only run counts its builds.
  const phase =
    counts === undefined || Object.keys(counts.test).length > 0 ? counts?.test : counts.build;
  return {
    id: run.id,
    label: labels[run.kind],
    status: run.status,
    startedAt: run.startedAt,
    durationMs: run.finishedAt === undefined ? undefined : run.finishedAt - run.startedAt,
    passed: phase?.passed ?? 0,
    failed: phase?.failed ?? 0,
    flaky: phase?.flaky ?? 0,
    cached: phase?.cached ?? 0,
  };
}
