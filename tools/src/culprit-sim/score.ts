import { decideRevert, type Verdict } from '@mainline/culprit';
import type { SimHistory } from './history.ts';

/** How one search did on one history. */
export interface HistoryScore {
  /** Breakages planted, or 1 for a flake range (its one right answer: "a flake"). */
  readonly cases: number;
  /** Of those, the ones the search got right. */
  readonly hits: number;
  /** Culprit verdicts naming a commit that broke none of their tests. */
  readonly falseCulprits: number;
  /** Of those, the ones the revert policy would have pushed. */
  readonly falseReverts: number;
  /** Wrong culprits confirmed at >= 0.99: what a policy without the checks at the tip would push. */
  readonly wrongConfirmed: number;
  readonly runs: number;
  /** Breakages planted (0 for a flake range). */
  readonly breakages: number;
}

/** A run at the tip, with a suspect's revert applied or not. */
export type TipRunner = (
  tests: readonly string[],
  reverted?: number,
) => ReadonlyMap<string, boolean>;

/**
 * Scores the verdicts against the planted culprits. Each culprit verdict goes through
 * the real revert policy with facts that hold (not a revert, young, opted in, under the
 * daily limit, applies cleanly) except the two the loop measures at the tip: is the
 * target still red, and do the tests pass with the revert (both are seeded runs).
 */
export function scoreVerdicts(
  history: SimHistory,
  verdicts: readonly Verdict[],
  runs: number,
  tip: TipRunner,
): HistoryScore {
  const brokenAt = new Map(history.tests.map((test) => [test.name, test.brokenAt]));
  const breakages = history.tests.filter((test) => test.brokenAt !== undefined).length;
  let hits = 0;
  let falseCulprits = 0;
  let falseReverts = 0;
  let wrongConfirmed = 0;
  for (const verdict of verdicts) {
    if (verdict.kind === 'flake' && breakages === 0) hits += verdict.tests.length;
    if (verdict.kind !== 'culprit') continue;
    const right = verdict.tests.filter((test) => brokenAt.get(test) === verdict.at).length;
    hits += right;
    // A commit that broke one of its tests is a culprit (its revert may not fix the others).
    if (right > 0) continue;
    falseCulprits++;
    if (verdict.confirmed && verdict.confidence >= 0.99) wrongConfirmed++;
    const now = Date.UTC(2026, 0, 1);
    const decision = decideRevert(verdict, {
      culpritIsRevert: false,
      alreadyReverted: false,
      optedOut: false,
      committedAt: now - 3_600_000,
      now,
      revertsInLast24h: 0,
      stillRedAtTip: [...tip(verdict.tests).values()].some((failed) => failed),
      revertApplies: true,
      revertGreen: [...tip(verdict.tests, verdict.at).values()].every((failed) => !failed),
    });
    if (decision.kind === 'revert') falseReverts++;
  }
  return {
    cases: breakages === 0 ? 1 : breakages,
    hits: breakages === 0 ? Math.min(hits, 1) : hits,
    falseCulprits,
    falseReverts,
    wrongConfirmed,
    runs,
    breakages,
  };
}
