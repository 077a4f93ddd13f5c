import { MainlineError } from '@mainline/core';
import type { Verdict } from './types.ts';

export interface RevertSettings {
  /** The lowest culprit confidence that may be reverted. */
  readonly minConfidence: number;
  /** Reverts pushed (to trunk or as branches) in any 24 h. */
  readonly maxRevertsPerDay: number;
  /** Only culprits committed less than this long ago are reverted. */
  readonly maxAgeHours: number;
  /** `push` to the trunk branch, or a `mainline/revert/<sha>` branch for trunks under review. */
  readonly via: 'push' | 'branch';
  /** Decide and verify, never push: every revert becomes a `dry-run` candidate. */
  readonly dryRun: boolean;
  /** Rules not applied: a person who asks for a revert judges these (see personWaivedRules). */
  readonly waived: readonly WaivableRule[];
}

export const defaultRevertSettings: RevertSettings = {
  minConfidence: 0.99,
  maxRevertsPerDay: 4,
  maxAgeHours: 24,
  via: 'push',
  dryRun: false,
  waived: [],
};

/** What the trunk loop finds out about a culprit before deciding. */
export interface RevertFacts {
  /** Its subject is git's `Revert "..."`, or it has `Mainline-Auto-Revert: true` (isRevertMessage). */
  readonly culpritIsRevert: boolean;
  /** Trunk already holds a commit that reverts it (revertsCommit). */
  readonly alreadyReverted: boolean;
  /** Its message has `No-Auto-Revert: true`. */
  readonly optedOut: boolean;
  /** Its commit time and now, in ms since the epoch. */
  readonly committedAt: number;
  readonly now: number;
  /** Reverts the loop pushed in the 24 h before now. */
  readonly revertsInLast24h: number;
  /** The target is still red at the current trunk tip. */
  readonly stillRedAtTip: boolean;
  /** The revert applied cleanly to the tip; undefined until tried. */
  readonly revertApplies?: boolean;
  /** The culprit's failing tests pass at the tip with the revert; undefined until tested. */
  readonly revertGreen?: boolean;
}

/** The rule that held a culprit back: it stays a candidate for a person. */
export type HoldRule =
  | 'low-confidence'
  | 'not-confirmed'
  | 'is-revert'
  | 'already-reverted'
  | 'fixed-at-tip'
  | 'opted-out'
  | 'too-old'
  | 'daily-limit'
  | 'conflict'
  | 'revert-red'
  | 'dry-run';

/**
 * The rules a person overrides when they ask for a revert (`mainline trunk revert`): the
 * team's thresholds and limits. The others stay: a culprit that is a revert (re-landing is a
 * person's git job), one already reverted, a target green again at the tip, and a revert that
 * conflicts or does not make the tests pass are never pushed, whoever asks.
 */
export type WaivableRule = Extract<
  HoldRule,
  'low-confidence' | 'not-confirmed' | 'opted-out' | 'too-old' | 'daily-limit' | 'dry-run'
>;

export const personWaivedRules: readonly WaivableRule[] = [
  'low-confidence',
  'not-confirmed',
  'opted-out',
  'too-old',
  'daily-limit',
  'dry-run',
];

/** Every decision carries a stable reason code (`reason`) and one line for people (`detail`). */
export type RevertDecision =
  | {
      readonly kind: 'revert';
      readonly reason: 'revert';
      readonly via: 'push' | 'branch';
      readonly detail: string;
    }
  /** Every rule that needs no revert holds: apply it to the tip, test it, decide again. */
  | { readonly kind: 'verify'; readonly reason: 'verify'; readonly detail: string }
  | { readonly kind: 'candidate'; readonly reason: HoldRule; readonly detail: string }
  | { readonly kind: 'flaky'; readonly reason: 'flaky'; readonly detail: string }
  | { readonly kind: 'no-culprit'; readonly reason: 'no-culprit'; readonly detail: string };

export type RevertReason = RevertDecision['reason'];

/**
 * The revert policy (design section 3), first rule that fails wins, in this order: what
 * the search established (confidence, confirmation); what makes a revert wrong whatever
 * the team wants (the culprit is a revert, is reverted already, the target is green
 * again at the tip); the team's limits (opt-out trailer, age, daily limit); the revert
 * itself (applies cleanly, makes the tests pass); then the dry run.
 */
export function decideRevert(
  verdict: Verdict,
  facts: RevertFacts | undefined,
  given: Partial<RevertSettings> = {},
): RevertDecision {
  const settings = { ...defaultRevertSettings, ...given };
  if (verdict.kind === 'flake')
    return flaky(
      `the tests passed on rerun: a flake (confidence ${verdict.confidence.toFixed(4)})`,
    );
  if (verdict.kind === 'quarantine') {
    return flaky(
      `flake rate ${verdict.flakeRate.toFixed(2)} is above the cap: a quarantine candidate, not searched`,
    );
  }
  if (verdict.kind === 'inconclusive') {
    const best =
      verdict.best === undefined
        ? ''
        : `; leading suspect #${verdict.best.at} at ${verdict.best.confidence.toFixed(4)}`;
    return {
      kind: 'no-culprit',
      reason: 'no-culprit',
      detail: `the search stopped (run budget spent) without a certain culprit${best}`,
    };
  }
  if (facts === undefined) {
    throw new MainlineError('internal', 'a culprit verdict needs its revert facts to be decided');
  }
  const hold = heldBy(verdict, facts, settings);
  if (hold !== undefined) return { kind: 'candidate', reason: hold[0], detail: hold[1] };
  if (
    facts.revertApplies === undefined ||
    (facts.revertApplies && facts.revertGreen === undefined)
  ) {
    return {
      kind: 'verify',
      reason: 'verify',
      detail: 'every other rule holds: apply the revert to the tip and test it',
    };
  }
  if (!facts.revertApplies)
    return candidate('conflict', 'the revert does not apply cleanly to the trunk tip');
  if (!facts.revertGreen)
    return candidate(
      'revert-red',
      'the failing tests still fail at the tip with the revert applied',
    );
  if (settings.dryRun && !settings.waived.includes('dry-run'))
    return candidate('dry-run', 'dry run: every rule holds, nothing was pushed');
  const where =
    settings.via === 'push' ? 'push the revert to trunk' : 'push the revert as a branch for review';
  return { kind: 'revert', reason: 'revert', via: settings.via, detail: where };
}

/** The first rule that needs no revert to check and fails, with its detail. */
function heldBy(
  verdict: Extract<Verdict, { kind: 'culprit' }>,
  facts: RevertFacts,
  settings: RevertSettings,
): [HoldRule, string] | undefined {
  const ageHours = (facts.now - facts.committedAt) / 3_600_000;
  const rules: [HoldRule, boolean, () => string][] = [
    [
      'low-confidence',
      verdict.confidence < settings.minConfidence,
      () => `confidence ${verdict.confidence.toFixed(4)} is below ${settings.minConfidence}`,
    ],
    [
      'not-confirmed',
      !verdict.confirmed,
      () => 'not confirmed: too few failures at the culprit, or no pass at its parent',
    ],
    ['is-revert', facts.culpritIsRevert, () => 'the culprit is itself a revert'],
    ['already-reverted', facts.alreadyReverted, () => 'trunk already holds a revert of it'],
    ['fixed-at-tip', !facts.stillRedAtTip, () => 'the target is no longer red at the trunk tip'],
    ['opted-out', facts.optedOut, () => 'its message has the trailer No-Auto-Revert: true'],
    [
      'too-old',
      ageHours >= settings.maxAgeHours,
      () => `committed ${ageHours.toFixed(1)} h ago; the limit is ${settings.maxAgeHours} h`,
    ],
    [
      'daily-limit',
      facts.revertsInLast24h >= settings.maxRevertsPerDay,
      () =>
        `${facts.revertsInLast24h} reverts pushed in the last 24 h; the limit is ${settings.maxRevertsPerDay}`,
    ],
  ];
  const waived: readonly HoldRule[] = settings.waived;
  const failed = rules.find(([rule, fails]) => fails && !waived.includes(rule));
  return failed === undefined ? undefined : [failed[0], failed[2]()];
}

function candidate(reason: HoldRule, detail: string): RevertDecision {
  return { kind: 'candidate', reason, detail };
}

function flaky(detail: string): RevertDecision {
  return { kind: 'flaky', reason: 'flaky', detail };
}
