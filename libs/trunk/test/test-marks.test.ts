import { describe, expect, it } from 'vitest';
import { markedTests, setAsideQuarantined } from '../src/test-marks.ts';
import type { TargetOutcome } from '../src/target-outcome.ts';

const red: TargetOutcome = {
  target: 'libs/a',
  red: true,
  status: 'failed',
  failing: ['a.test.ts > noisy', 'a.test.ts > real'],
  passing: ['(build)'],
};

describe("a person's test marks, as the trunk loop reads them", () => {
  it("picks a target's tests of one mark", () => {
    const marks = [
      { target: 'libs/a', test: 'x', mark: 'quarantined', markedAt: 1 },
      { target: 'libs/a', test: 'y', mark: 'flaky', markedAt: 1 },
      { target: 'libs/b', test: 'x', mark: 'quarantined', markedAt: 1 },
    ] as const;
    expect([...markedTests(marks, 'libs/a', 'quarantined')]).toEqual(['x']);
    expect([...markedTests(marks, 'libs/a', 'flaky')]).toEqual(['y']);
  });

  it("sets a quarantined test's failure aside: red only for the others, kept to be shown", () => {
    expect(setAsideQuarantined(red, new Set(['a.test.ts > noisy']))).toMatchObject({
      red: true,
      status: 'failed',
      failing: ['a.test.ts > real'],
      quarantinedFailing: ['a.test.ts > noisy'],
    });
    const onlyQuarantined = new Set(['a.test.ts > noisy', 'a.test.ts > real']);
    expect(setAsideQuarantined(red, onlyQuarantined)).toMatchObject({
      red: false,
      status: 'passed',
      failing: [],
      quarantinedFailing: ['a.test.ts > noisy', 'a.test.ts > real'],
    });
  });

  it('never sets a broken build aside, nor changes an outcome without quarantined tests', () => {
    const broken = { ...red, status: 'build-failed', failing: ['(build)'] };
    expect(setAsideQuarantined(broken, new Set(['(build)']))).toMatchObject({
      red: true,
      failing: ['(build)'],
    });
    expect(setAsideQuarantined(red, new Set(['other']))).toMatchObject({
      red: true,
      failing: red.failing,
      quarantinedFailing: [],
    });
  });
});
