import { describe, expect, it } from 'vitest';
import { decideRevert, personWaivedRules, type RevertFacts, type Verdict } from '../src/index.ts';

const now = Date.UTC(2026, 0, 2, 12);
const culprit: Verdict = {
  kind: 'culprit',
  at: 3,
  tests: ['t'],
  confidence: 0.999,
  confirmed: true,
};
/** Facts under which every rule holds. */
const clear: RevertFacts = {
  culpritIsRevert: false,
  alreadyReverted: false,
  optedOut: false,
  committedAt: now - 2 * 3_600_000,
  now,
  revertsInLast24h: 0,
  stillRedAtTip: true,
  revertApplies: true,
  revertGreen: true,
};

describe('the revert policy', () => {
  it('reverts a confirmed, confident culprit when every rule holds (push by default)', () => {
    expect(decideRevert(culprit, clear)).toEqual({
      kind: 'revert',
      reason: 'revert',
      via: 'push',
      detail: 'push the revert to trunk',
    });
  });

  it('pushes a branch instead when trunk is under review', () => {
    expect(decideRevert(culprit, clear, { via: 'branch' })).toMatchObject({
      kind: 'revert',
      via: 'branch',
    });
  });

  it('asks for the revert to be applied and tested before deciding on it', () => {
    const { revertApplies: _applies, revertGreen: _green, ...untried } = clear;
    expect(decideRevert(culprit, untried)).toMatchObject({ kind: 'verify', reason: 'verify' });
    expect(decideRevert(culprit, { ...untried, revertApplies: true })).toMatchObject({
      kind: 'verify',
    });
    // A rule that needs no revert is checked first: nothing to build.
    expect(decideRevert(culprit, { ...untried, optedOut: true })).toMatchObject({
      reason: 'opted-out',
    });
  });

  const held: [
    string,
    Verdict,
    Partial<RevertFacts>,
    Partial<Parameters<typeof decideRevert>[2]>,
    string,
  ][] = [
    ['low-confidence', { ...culprit, confidence: 0.98 }, {}, {}, 'confidence 0.9800 is below 0.99'],
    [
      'not-confirmed',
      { ...culprit, confirmed: false },
      {},
      {},
      'not confirmed: too few failures at the culprit, or no pass at its parent',
    ],
    ['is-revert', culprit, { culpritIsRevert: true }, {}, 'the culprit is itself a revert'],
    [
      'already-reverted',
      culprit,
      { alreadyReverted: true },
      {},
      'trunk already holds a revert of it',
    ],
    [
      'fixed-at-tip',
      culprit,
      { stillRedAtTip: false },
      {},
      'the target is no longer red at the trunk tip',
    ],
    [
      'opted-out',
      culprit,
      { optedOut: true },
      {},
      'its message has the trailer No-Auto-Revert: true',
    ],
    [
      'too-old',
      culprit,
      { committedAt: now - 30 * 3_600_000 },
      {},
      'committed 30.0 h ago; the limit is 24 h',
    ],
    [
      'daily-limit',
      culprit,
      { revertsInLast24h: 4 },
      {},
      '4 reverts pushed in the last 24 h; the limit is 4',
    ],
    [
      'conflict',
      culprit,
      { revertApplies: false },
      {},
      'the revert does not apply cleanly to the trunk tip',
    ],
    [
      'revert-red',
      culprit,
      { revertGreen: false },
      {},
      'the failing tests still fail at the tip with the revert applied',
    ],
    ['dry-run', culprit, {}, { dryRun: true }, 'dry run: every rule holds, nothing was pushed'],
  ];
  for (const [reason, verdict, facts, settings, detail] of held) {
    it(`holds a culprit back as a candidate: ${reason}`, () => {
      expect(decideRevert(verdict, { ...clear, ...facts }, settings)).toEqual({
        kind: 'candidate',
        reason,
        detail,
      });
    });
  }

  it("waives a person's rules (thresholds, limits, opt-out, dry run), never the safety rules", () => {
    const waived: string[] = [];
    for (const [reason, verdict, facts, settings] of held) {
      const ruled = decideRevert(
        verdict,
        { ...clear, ...facts },
        {
          ...settings,
          waived: personWaivedRules,
        },
      );
      if (ruled.kind === 'revert') waived.push(reason);
      else expect(ruled).toMatchObject({ kind: 'candidate', reason });
    }
    expect(waived.sort()).toEqual([...personWaivedRules].sort());
  });

  it('takes its limits from the settings', () => {
    expect(decideRevert({ ...culprit, confidence: 0.95 }, clear, { minConfidence: 0.9 }).kind).toBe(
      'revert',
    );
    expect(
      decideRevert(culprit, { ...clear, revertsInLast24h: 4 }, { maxRevertsPerDay: 5 }).kind,
    ).toBe('revert');
    const day = { ...clear, committedAt: now - 24 * 3_600_000 };
    expect(decideRevert(culprit, day).reason).toBe('too-old'); // the limit itself is too old
    expect(decideRevert(culprit, day, { maxAgeHours: 48 }).kind).toBe('revert');
    // A commit time in the future (clock skew) is young.
    expect(decideRevert(culprit, { ...clear, committedAt: now + 3_600_000 }).kind).toBe('revert');
  });

  it('reports the first rule that fails, in a fixed order', () => {
    const everything: RevertFacts = {
      ...clear,
      culpritIsRevert: true,
      alreadyReverted: true,
      optedOut: true,
      stillRedAtTip: false,
      committedAt: 0,
      revertsInLast24h: 9,
      revertApplies: false,
      revertGreen: false,
    };
    const order: string[] = [];
    let facts = everything;
    let verdict: Verdict = { ...culprit, confidence: 0.5, confirmed: false };
    const fixes: Record<string, () => void> = {
      'low-confidence': () => {
        verdict = { ...verdict, confidence: 1 } as Verdict;
      },
      'not-confirmed': () => {
        verdict = { ...verdict, confirmed: true } as Verdict;
      },
      'is-revert': () => {
        facts = { ...facts, culpritIsRevert: false };
      },
      'already-reverted': () => {
        facts = { ...facts, alreadyReverted: false };
      },
      'fixed-at-tip': () => {
        facts = { ...facts, stillRedAtTip: true };
      },
      'opted-out': () => {
        facts = { ...facts, optedOut: false };
      },
      'too-old': () => {
        facts = { ...facts, committedAt: now };
      },
      'daily-limit': () => {
        facts = { ...facts, revertsInLast24h: 0 };
      },
      conflict: () => {
        facts = { ...facts, revertApplies: true };
      },
      'revert-red': () => {
        facts = { ...facts, revertGreen: true };
      },
    };
    for (;;) {
      const decision = decideRevert(verdict, facts);
      order.push(decision.reason);
      const fix = fixes[decision.reason];
      if (fix === undefined) break;
      fix();
    }
    expect(order).toEqual([...Object.keys(fixes), 'revert']);
  });

  it('never reverts for a flake, a quarantined test or an inconclusive search', () => {
    expect(decideRevert({ kind: 'flake', tests: ['t'], confidence: 0.995 }, undefined)).toEqual({
      kind: 'flaky',
      reason: 'flaky',
      detail: 'the tests passed on rerun: a flake (confidence 0.9950)',
    });
    expect(
      decideRevert({ kind: 'quarantine', tests: ['t'], flakeRate: 0.5 }, undefined),
    ).toMatchObject({
      kind: 'flaky',
      detail: 'flake rate 0.50 is above the cap: a quarantine candidate, not searched',
    });
    expect(
      decideRevert({ kind: 'inconclusive', tests: ['t'], best: { at: 2, confidence: 0.7 } }, clear),
    ).toEqual({
      kind: 'no-culprit',
      reason: 'no-culprit',
      detail:
        'the search stopped (run budget spent) without a certain culprit; leading suspect #2 at 0.7000',
    });
  });

  it('refuses to decide on a culprit without its facts', () => {
    expect(() => decideRevert(culprit, undefined)).toThrow(
      'a culprit verdict needs its revert facts',
    );
  });
});
