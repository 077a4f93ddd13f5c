import { assessSearch, type SearchState, type TestState } from './assess.ts';
import { withinBudget } from './bisection-guard.ts';
import { confirmation } from './confirmation.ts';
import { informationGains } from './information.ts';
import type { SearchInput, Step } from './types.ts';
import { culpritGroups, outcomeOf } from './verdicts.ts';

/**
 * The search as a stepper: from the runs so far, the next run to make, or the verdicts.
 * Pure and stateless, so the trunk loop persists each run and, after a crash, calls it
 * again on what it stored and goes on exactly where it was.
 *
 * Order: while a test is not settled (no hypothesis at τ), the run with the most
 * expected information over the unsettled tests; then each culprit group until
 * confirmed; then done. The run budget ends it at any point.
 */
export function nextStep(input: SearchInput): Step {
  const state = assessSearch(input);
  const done: Step = { kind: 'done', outcome: outcomeOf(state) };
  if (state.suspects === 0 || state.searchRuns >= state.settings.maxRuns) return done;
  const open = state.tests.filter((test) => !test.quarantined && !test.settled);
  const probe = mostInformativeRun(state, open);
  if (probe !== undefined) return probe;
  for (const { at, members } of culpritGroups(state)) {
    const check = confirmation(at, members, state.settings);
    if (check.confirmed) continue;
    const tests = members.map((member) => member.test);
    const where = check.missing === 'failures' ? at : at - 1;
    // A run there gave these tests no result (their build broke, say): asking again would
    // only spend the budget. The culprit stays unconfirmed.
    if (members.every(({ evidence }) => evidence.unanswered.has(where))) continue;
    if (check.missing === 'failures') {
      const chance = check.flakeChance.toPrecision(2);
      const why = `confirm #${at}: its failures could still be flakes (p = ${chance})`;
      return { kind: 'run', at, tests, purpose: 'confirm', why };
    }
    const why = `confirm #${at}: its parent has not passed yet`;
    return { kind: 'run', at: at - 1, tests, purpose: 'confirm', why };
  }
  return done;
}

/** Undefined when no test is open, or no suspect is left to ask about them. */
function mostInformativeRun(state: SearchState, open: readonly TestState[]): Step | undefined {
  const gains = open.map((test) =>
    test.posterior === undefined
      ? []
      : informationGains(test.posterior, test.rate, state.settings.epsilon),
  );
  let best = -1;
  let bestGain = Number.NEGATIVE_INFINITY;
  for (const at of candidates(state.suspects, open)) {
    const gain = gains.reduce((sum, perTest) => sum + (perTest[at + 1] ?? 0), 0);
    if (gain > bestGain + 1e-12) {
      best = at;
      bestGain = gain;
    }
  }
  const leader = open[0];
  if (leader === undefined || best < 0) return undefined;
  // A rerun at a bisection's last suspect or its parent is a confirmation: the suspect
  // was singled out before it.
  const confirming = open.some(
    ({ bisection }) =>
      bisection !== undefined &&
      bisection.hi - bisection.lo === 1 &&
      (best === bisection.hi || best === bisection.lo),
  );
  const leading = leader.best === 'flake' ? 'flake' : `#${leader.best}`;
  return {
    kind: 'run',
    at: best,
    tests: open.map((test) => test.test),
    purpose: confirming ? 'confirm' : 'search',
    why: `${bestGain.toFixed(2)} bits expected over ${open.length} open test(s); leading: ${leading} at ${leader.bestProbability.toFixed(3)}`,
  };
}

/**
 * Where to look, ascending. A test that behaves deterministically is bisected: cuts of
 * its interval that keep the worst case within ⌈log2 n⌉ (bisection-guard.ts), and once
 * the interval is one suspect, reruns there or at its parent until the posterior
 * settles. Other tests may look anywhere (a pass anywhere is strong evidence, a failure
 * weak). No test is asked again where a run gave it no result.
 */
function candidates(suspects: number, open: readonly TestState[]): number[] {
  const wanted = new Set<number>();
  for (const { bisection, evidence } of open) {
    const usable = (at: number) => !evidence.unanswered.has(at);
    const range = (from: number, to: number) =>
      Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index).filter(usable);
    let mine: number[];
    if (bisection === undefined) mine = range(0, suspects);
    else if (bisection.hi - bisection.lo === 1) {
      // Every hypothesis expects a pass at -1 (the last green commit): nothing to learn there.
      mine = [bisection.hi, bisection.lo].filter((at) => at >= 0 && usable(at));
    } else {
      const cuts = range(bisection.lo + 1, bisection.hi);
      const guarded = cuts.filter((at) => withinBudget(bisection, at));
      mine = guarded.length > 0 ? guarded : cuts;
    }
    for (const at of mine) wanted.add(at);
  }
  const all = [...wanted].sort((a, b) => a - b);
  const kept = all.filter((at) =>
    open.every(({ bisection }) => bisection === undefined || withinBudget(bisection, at)),
  );
  return kept.length > 0 ? kept : all;
}
