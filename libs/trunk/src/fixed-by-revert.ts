import type { Breakage, Decision } from '@mainline/store';
import { resultsFor } from './culprit-search.ts';
import { type DecideContext, tell } from './revert-decision.ts';

/**
 * One culprit often turns several targets red (a lib and its dependents): the first
 * breakage searched finds it and its revert is pushed, checked green for that target only.
 * Before another breakage is searched, each revert the loop pushed to trunk of a commit in
 * its range is tried: red again at the tip the revert was made on, and green with the
 * revert on top, is that commit's confirmation for this target too, so the breakage is
 * fixed by that revert, without a search of its own. Undefined when no such revert makes
 * it green (or its tests are known to flake).
 */
export async function fixedByRevert(
  context: DecideContext,
  breakage: Breakage & { readonly lastGreen: string },
): Promise<Decision | undefined> {
  const { records, repo, options } = context;
  // A test known to flake can pass with the revert by chance: its search weighs that.
  const flaky = new Set(records.flakeRates(breakage.target).map((rate) => rate.test));
  if (breakage.tests.some((test) => flaky.has(test))) return undefined;
  const reverts = records
    .decisions({ limit: 1000 })
    .filter(
      (d) =>
        d.kind === 'reverted' &&
        d.revertRef === options.branch &&
        d.breakageId !== breakage.id &&
        d.culprit !== undefined &&
        d.revertSha !== undefined,
    );
  for (const revert of reverts) {
    const culprit = revert.culprit as string;
    const revertSha = revert.revertSha as string;
    const inRange =
      culprit !== breakage.lastGreen &&
      (await repo.isAncestor(breakage.lastGreen, culprit)) &&
      (await repo.isAncestor(culprit, breakage.firstRed));
    if (!inRange) continue;
    // Red on the tip the revert was made on, then green with it: a test that merely passed
    // on a second run (a flake) is not taken for fixed, and goes to the search.
    const tip = await repo.resolveCommit(`${revertSha}^`);
    const before = await context.runAt(tip, breakage.target);
    if (resultsFor(breakage.tests, before).failed.length === 0) continue;
    const after = await context.runAt(revertSha, breakage.target);
    if (resultsFor(breakage.tests, after).failed.length > 0) continue;
    records.setBreakageState(breakage.id, 'fixed');
    return tell(context, {
      breakageId: breakage.id,
      target: breakage.target,
      tests: breakage.tests,
      culprit,
      kind: 'fixed',
      detail: `green at ${revertSha.slice(0, 12)}, the revert of ${culprit.slice(0, 12)} pushed for ${revert.target} (decision #${revert.id}): no search of its own`,
    });
  }
  return undefined;
}
