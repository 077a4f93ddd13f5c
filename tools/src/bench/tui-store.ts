import { type NewTargetResult, openStore, type Store } from '@mainline/store';

/** What a year of history holds, at the rates below. */
export interface TuiStoreShape {
  readonly targets: number;
  readonly days: number;
}

const day = 24 * 60 * 60 * 1000;
/** Trunk commits a day, tested in batches of this many (the loop's default). */
const commitsPerDay = 40;
const batch = 10;
/** Targets a batch affects, on average. */
const affectedPerBatch = 40;
/** Local runs (test, build) and pre-push checks a day, each of this many targets. */
const localRunsPerDay = 20;
const localRunTargets = 20;
/** A breakage every other day, searched in this many culprit runs. */
const breakageEveryDays = 2;
const searchRuns = 8;
/** Tests that flake now and then, and the breakages left open at the end. */
const flakyTests = 50;
const openAtEnd = 3;

const sha = (kind: number, n: number): string =>
  `${kind.toString(16)}${n.toString(16).padStart(39, '0')}`;
const targetName = (i: number): string => `libs/t${i}`;

/**
 * Writes a store holding `days` of nightly and trunk history for `targets` targets into
 * `stateDir`: each day a nightly of every target (a build and a test result each), trunk
 * commits tested in batches with their runs and results, local runs and pre-push checks,
 * and every other day a breakage with its culprit search, test outcomes and decision
 * (the last few left open, one held back, one reverted). Times run up to `end`.
 */
export function generateTuiStore(stateDir: string, shape: TuiStoreShape, end: number): void {
  let clock = end - shape.days * day;
  const store = openStore({ stateDir, now: () => clock });
  try {
    let commit = 0;
    for (let d = 0; d < shape.days; d++) {
      const dayStart = end - (shape.days - d) * day;
      clock = dayStart + 2 * 60 * 60 * 1000;
      nightly(store, shape.targets, d);
      for (let b = 0; b < commitsPerDay / batch; b++) {
        clock = dayStart + (8 + b * 2) * 60 * 60 * 1000;
        const commits = Array.from({ length: batch }, (_, i) => ({
          sha: sha(1, commit + i),
          time: clock,
          subject: `change ${commit + i}`,
        }));
        commit += batch;
        trunkBatch(store, commits, shape.targets, d * 10 + b);
      }
      for (let r = 0; r < localRunsPerDay; r++) {
        clock = dayStart + (9 * 60 + r * 30) * 60 * 1000;
        localRun(store, shape.targets, r);
      }
      if (d % breakageEveryDays === 0) {
        clock = dayStart + 15 * 60 * 60 * 1000;
        breakage(store, shape.targets, commit, d, d >= shape.days - openAtEnd * breakageEveryDays);
      }
    }
  } finally {
    store.close();
  }
}

function nightly(store: Store, targets: number, seed: number): void {
  const run = store.startRun({ kind: 'nightly', argv: ['nightly'] });
  const results: NewTargetResult[] = [];
  for (let t = 0; t < targets; t++) {
    results.push({ target: targetName(t), phase: 'build', status: 'passed', durationMs: 400 });
    const flaky = (t * 7 + seed) % 97 === 0;
    results.push({
      target: targetName(t),
      phase: 'test',
      status: flaky ? 'flaky' : 'passed',
      durationMs: 900,
    });
  }
  store.recordTargetResults(run.id, results);
  store.finishRun(run.id, { status: 'passed' });
}

function trunkBatch(
  store: Store,
  commits: { sha: string; time: number; subject: string }[],
  targets: number,
  seed: number,
): void {
  store.trunk.recordCommits(commits);
  const tip = commits[commits.length - 1] as { sha: string };
  const run = store.startRun({ kind: 'trunk', argv: ['trunk'], headSha: tip.sha });
  const affected = Array.from({ length: affectedPerBatch }, (_, i) =>
    targetName((seed * 13 + i * 17) % targets),
  );
  store.recordTargetResults(
    run.id,
    affected.flatMap((target) => [
      { target, phase: 'build' as const, status: 'cached' as const, durationMs: 0 },
      { target, phase: 'test' as const, status: 'passed' as const, durationMs: 800 },
    ]),
  );
  store.finishRun(run.id, { status: 'passed' });
  store.trunk.recordResults(
    tip.sha,
    [...new Set(affected)].map((target) => ({
      target,
      status: 'passed',
      failing: [],
      runId: run.id,
    })),
  );
}

function localRun(store: Store, targets: number, seed: number): void {
  const kind = seed % 4 === 0 ? 'prepush' : seed % 2 === 0 ? 'test' : 'build';
  const run = store.startRun({ kind, argv: [kind] });
  store.recordTargetResults(
    run.id,
    Array.from({ length: localRunTargets }, (_, i) => ({
      target: targetName((seed * 31 + i) % targets),
      phase: kind === 'build' ? ('build' as const) : ('test' as const),
      status: i === 0 && seed % 5 === 0 ? ('failed' as const) : ('cached' as const),
      durationMs: 10,
    })),
  );
  store.finishRun(run.id, { status: seed % 5 === 0 ? 'failed' : 'passed' });
}

function breakage(store: Store, targets: number, commit: number, d: number, open: boolean): void {
  const target = targetName((d * 11) % targets);
  const test = `${target}/test/t.test.ts > suite > case ${d % 10}`;
  const firstRed = sha(1, commit - 1);
  const culprit = sha(1, commit - 5);
  const made = store.trunk.openBreakage({
    target,
    lastGreen: sha(1, commit - batch - 1),
    firstRed,
    tests: [test],
  });
  store.trunk.recordResults(firstRed, [
    { target, status: 'failed', failing: [test], runId: undefined },
  ]);
  for (let s = 1; s <= searchRuns; s++) {
    const run = store.startRun({ kind: 'culprit', argv: ['trunk'], headSha: culprit });
    store.finishRun(run.id, { status: 'failed' });
    store.trunk.recordSearchRun(made.id, target, culprit, {
      at: s % 5,
      failed: [test],
      passed: [],
      origin: s < 4 ? 'search' : 'confirm',
      runId: run.id,
    });
  }
  // A flaky test seen failing and passing at one commit: its flake rate.
  const flaky = `${targetName((d * 3) % targets)}/test/f.test.ts > flaky ${d % flakyTests}`;
  store.trunk.recordSearchRun(made.id, targetName((d * 3) % targets), firstRed, {
    at: 0,
    failed: [flaky],
    passed: [flaky, flaky],
    origin: 'search',
    runId: undefined,
  });
  const held = open && d % 4 === 0;
  store.trunk.recordDecision({
    breakageId: made.id,
    target,
    culprit,
    confidence: 0.95,
    tests: [test],
    kind: held ? 'candidate' : 'reverted',
    ...(held ? { rule: 'daily-limit' } : { revertSha: sha(2, d), revertRef: 'main' }),
    detail: held ? 'the daily limit is reached' : 'reverted',
  });
  if (!open) store.trunk.setBreakageState(made.id, 'fixed');
}
