import { countAt, type TestEvidence } from './evidence.ts';
import type { SearchSettings } from './settings.ts';

export interface GroupMember {
  readonly evidence: TestEvidence;
  readonly rate: number;
}

export interface Confirmation {
  readonly confirmed: boolean;
  /** The chance that flakes alone made the group's failures at the culprit. */
  readonly flakeChance: number;
  /** What is missing: failures at the culprit, or a pass of each test at its parent. */
  readonly missing?: 'failures' | 'parent';
}

/**
 * Confirmed: the search's own failures at the culprit are unlikely enough as flakes (the
 * product of each test's rate per failure there is <= settings.confirmation; one test
 * needs ⌈log(confirmation) / log f⌉ of them), and every test passed at the parent often
 * enough that a broken test passing anyway (ε per pass) is below 1 - τ.
 */
export function confirmation(
  at: number,
  members: readonly GroupMember[],
  settings: SearchSettings,
): Confirmation {
  let logChance = 0;
  for (const { evidence, rate } of members)
    logChance += confirmFailuresAt(evidence, at) * Math.log(rate);
  const flakeChance = Math.exp(logChance);
  if (logChance > Math.log(settings.confirmation) + 1e-9) {
    return { confirmed: false, flakeChance, missing: 'failures' };
  }
  const passes = parentPassesToConfirm(settings);
  const parentPassed = members.every(({ evidence }) => countAt(evidence.passes, at - 1) >= passes);
  return parentPassed
    ? { confirmed: true, flakeChance }
    : { confirmed: false, flakeChance, missing: 'parent' };
}

/**
 * The test's failures at a suspect in `confirm` runs: made after the suspect stood out,
 * so a flake that made it stand out does not count twice. (The trunk's first red run
 * never counts: the search exists because it failed, flake or not.)
 */
function confirmFailuresAt(evidence: TestEvidence, at: number): number {
  return evidence.observations.filter(
    (seen) => seen.origin === 'confirm' && seen.at === at && seen.failed,
  ).length;
}

/** Failures at the culprit that confirm it for one test of flake rate `rate`. */
export function failuresToConfirm(rate: number, settings: SearchSettings): number {
  return Math.max(1, Math.ceil(Math.log(settings.confirmation) / Math.log(rate) - 1e-9));
}

/** Passes at the parent each test needs: ε^passes <= 1 - τ (one, with the defaults). */
export function parentPassesToConfirm(settings: SearchSettings): number {
  return Math.max(
    1,
    Math.ceil(Math.log(1 - settings.threshold) / Math.log(settings.epsilon) - 1e-9),
  );
}
