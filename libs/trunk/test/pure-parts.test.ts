import type { AffectedTarget } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { resultsFor } from '../src/culprit-search.ts';
import { distances } from '../src/suspects.ts';
import { targetOutcomes } from '../src/target-outcome.ts';

describe('the trunk loop, pure parts', () => {
  it('measures how far a change is from each affected target through the deps it affects', () => {
    const affected: AffectedTarget[] = [
      {
        name: 'libs/a',
        kind: 'lib',
        reasons: [{ type: 'file', path: 'libs/a/x.ts', role: 'src' }],
      },
      { name: 'libs/b', kind: 'lib', reasons: [{ type: 'dep', target: 'libs/a' }] },
      {
        name: 'app',
        kind: 'property',
        reasons: [
          { type: 'dep', target: 'libs/b' },
          { type: 'dep', target: 'libs/a' },
        ],
      },
      { name: 'far', kind: 'lib', reasons: [{ type: 'dep', target: 'app' }] },
    ];
    expect(Object.fromEntries(distances(affected))).toEqual({
      'libs/a': 0,
      'libs/b': 1,
      app: 1,
      far: 2,
    });
  });

  it("reads a run's results: a broken build gives none, a missing test passed, a file that did not load failed", () => {
    const tests = ['a.test.ts > one', 'a.test.ts > two', 'b.test.ts > three'];
    expect(
      resultsFor(tests, {
        target: 't',
        red: true,
        status: 'failed',
        failing: ['a.test.ts > one', 'b.test.ts'],
        passing: [],
      }),
    ).toEqual({ failed: ['a.test.ts > one', 'b.test.ts > three'], passed: ['a.test.ts > two'] });
    expect(
      resultsFor([...tests, '(build)'], {
        target: 't',
        red: true,
        status: 'build-failed',
        failing: ['(build)'],
        passing: [],
      }),
    ).toEqual({ failed: ['(build)'], passed: [] });
  });

  it('names a broken build as the test (build), and a target skipped behind a dep is not red', () => {
    const outcomes = targetOutcomes({
      command: 'test',
      status: 'failed',
      durationMs: 1,
      builds: [
        { target: 'a', status: 'failed', durationMs: 1, diagnostics: [] },
        { target: 'b', status: 'skipped', durationMs: 0, diagnostics: [], failedDep: 'a' },
      ],
      tests: [
        {
          target: 'a',
          status: 'skipped',
          durationMs: 0,
          tests: [],
          fileErrors: [],
          failedDep: 'a',
        },
        {
          target: 'b',
          status: 'skipped',
          durationMs: 0,
          tests: [],
          fileErrors: [],
          failedDep: 'a',
        },
      ],
    });
    expect(outcomes.map((o) => [o.target, o.red, o.failing])).toEqual([
      ['a', true, ['(build)']],
      ['b', false, []],
    ]);
  });
});
