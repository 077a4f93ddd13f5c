import type { Store } from '@mainline/store';

/** Shas as the trunk records them (the data model never asks git about these). */
export const sha = {
  green: 'a'.repeat(40),
  culprit: 'c'.repeat(40),
  tip: 'd'.repeat(40),
} as const;

/**
 * A store as the trunk loop and a nightly leave it: trunk red at its tip since a culprit
 * held back by the daily limit, a flaky test, a nightly run and a local test run.
 */
export function seedStore(store: Store): { breakageId: number; decisionId: number } {
  const { trunk } = store;
  trunk.recordCommits([
    { sha: sha.green, time: 1, subject: 'add the parser' },
    { sha: sha.culprit, time: 2, subject: 'break the parser' },
    { sha: sha.tip, time: 3, subject: 'docs' },
  ]);
  const trunkRun = store.startRun({ kind: 'trunk', argv: ['trunk'] });
  store.recordTargetResults(trunkRun.id, [
    { target: 'libs/parser', phase: 'test', status: 'failed', durationMs: 40, message: 'red' },
    { target: 'libs/ui', phase: 'test', status: 'passed', durationMs: 20 },
  ]);
  store.recordTestResults(trunkRun.id, 'libs/parser', [
    {
      file: 'libs/parser/test/parse.test.ts',
      name: 'parse > reads an empty file',
      status: 'failed',
      durationMs: 3,
      attempts: 1,
      message: 'expected [] to equal [ 1 ]',
    },
  ]);
  store.finishRun(trunkRun.id, { status: 'failed' });
  trunk.recordResults(sha.green, [
    { target: 'libs/parser', status: 'passed', failing: [], runId: undefined },
  ]);
  trunk.recordResults(sha.tip, [
    {
      target: 'libs/parser',
      status: 'failed',
      failing: ['libs/parser/test/parse.test.ts > parse > reads an empty file'],
      runId: trunkRun.id,
    },
  ]);
  const breakage = trunk.openBreakage({
    target: 'libs/parser',
    lastGreen: sha.green,
    firstRed: sha.tip,
    tests: ['libs/parser/test/parse.test.ts > parse > reads an empty file'],
  });
  trunk.recordSearchRun(breakage.id, 'libs/parser', sha.culprit, {
    at: 0,
    failed: ['libs/parser/test/parse.test.ts > parse > reads an empty file'],
    passed: [],
    origin: 'search',
    runId: undefined,
  });
  const decision = trunk.recordDecision({
    breakageId: breakage.id,
    target: 'libs/parser',
    culprit: sha.culprit,
    confidence: 0.97,
    tests: ['libs/parser/test/parse.test.ts > parse > reads an empty file'],
    kind: 'candidate',
    rule: 'daily-limit',
    detail: 'the daily limit of 1 revert is reached',
  });
  trunk.recordSearchRun(breakage.id, 'libs/ui', sha.tip, {
    at: 0,
    failed: ['libs/ui/test/button.test.ts > clicks'],
    passed: ['libs/ui/test/button.test.ts > clicks'],
    origin: 'search',
    runId: undefined,
  });
  const search = store.startRun({ kind: 'culprit', argv: ['trunk'] });
  store.finishRun(search.id, { status: 'failed' });
  const nightly = store.startRun({ kind: 'nightly', argv: ['nightly'] });
  store.recordTargetResults(nightly.id, [
    { target: 'libs/parser', phase: 'test', status: 'passed', durationMs: 30 },
    { target: 'libs/ui', phase: 'test', status: 'flaky', durationMs: 30 },
  ]);
  store.finishRun(nightly.id, { status: 'passed' });
  return { breakageId: breakage.id, decisionId: decision.id };
}
