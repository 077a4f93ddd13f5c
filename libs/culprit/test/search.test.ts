import { isMainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import {
  ceilLog2,
  findCulprits,
  nextStep,
  type SearchInput,
  type TestRun,
  type Verdict,
} from '../src/index.ts';
import { fakeRunner, suspects, trunkRuns } from './fake-runner.ts';

function input(
  n: number,
  tests: string[],
  rates: Record<string, number>,
  extra: Partial<SearchInput> = {},
): SearchInput {
  return {
    suspects: suspects(n),
    failingTests: tests,
    flakeRates: new Map(Object.entries(rates)),
    runs: trunkRuns(n, tests),
    ...extra,
  };
}

describe('a deterministic breakage', () => {
  it('is found, confirmed, in at most ⌈log2 n⌉ + 2 runs', async () => {
    const run = fakeRunner({ t: 5 });
    const result = await findCulprits(input(16, ['t'], { t: 0 }), run);
    expect(result.verdicts).toEqual([
      { kind: 'culprit', at: 5, tests: ['t'], confidence: expect.any(Number), confirmed: true },
    ]);
    expect((result.verdicts[0] as { confidence: number }).confidence).toBeGreaterThanOrEqual(0.99);
    expect(result.searchRuns).toBe(run.calls.length);
    expect(result.searchRuns).toBeLessThanOrEqual(ceilLog2(16) + 2);
    expect(result.flaky).toEqual([]);
    // The runs that confirm it come last, marked so: they were asked for after #5 stood out.
    expect(result.runs.at(-1)).toMatchObject({ at: 5, origin: 'confirm', failed: ['t'] });
  });

  it('keeps the bound for every culprit position, range size and prior shape up to 24', async () => {
    const shapes = [
      () => 0,
      (index: number) => index % 4,
      // The worst: the culprit three hops away, every other suspect at the target.
      (index: number, culprit: number) => (index === culprit ? 3 : 0),
    ];
    for (let n = 1; n <= 24; n++) {
      for (let culprit = 0; culprit < n; culprit++) {
        for (const shape of shapes) {
          const result = await findCulprits(
            {
              ...input(n, ['t'], { t: 0 }),
              suspects: suspects(n, (index) => shape(index, culprit)),
            },
            fakeRunner({ t: culprit }),
          );
          const verdict = result.verdicts[0];
          expect(verdict, `n=${n} culprit=${culprit}`).toMatchObject({
            kind: 'culprit',
            at: culprit,
            confirmed: true,
          });
          expect(result.searchRuns, `n=${n} culprit=${culprit}`).toBeLessThanOrEqual(
            ceilLog2(n) + 2,
          );
        }
      }
    }
  });

  it('gives one verdict for the tests one commit broke, one per commit for two breakages', async () => {
    const same = await findCulprits(
      input(16, ['a', 'b'], { a: 0, b: 0 }),
      fakeRunner({ a: 9, b: 9 }),
    );
    expect(same.verdicts).toMatchObject([
      { kind: 'culprit', at: 9, tests: ['a', 'b'], confirmed: true },
    ]);

    const two = await findCulprits(
      input(16, ['a', 'b'], { a: 0, b: 0 }),
      fakeRunner({ a: 3, b: 11 }),
    );
    expect(two.verdicts).toMatchObject([
      { kind: 'culprit', at: 3, tests: ['a'], confirmed: true },
      { kind: 'culprit', at: 11, tests: ['b'], confirmed: true },
    ]);
    expect(two.searchRuns).toBeLessThanOrEqual(2 * (ceilLog2(16) + 2));
  });
});

describe('flaky tests', () => {
  it('a pure flake: the red does not come back, the verdict is flake and the test is flaky', async () => {
    const run = fakeRunner({});
    const result = await findCulprits(input(8, ['t'], { t: 0.2 }), run);
    expect(result.verdicts).toMatchObject([{ kind: 'flake', tests: ['t'] }]);
    expect((result.verdicts[0] as { confidence: number }).confidence).toBeGreaterThanOrEqual(0.99);
    // Red at the first red commit in the trunk's run, green there in the search's: flaky.
    expect(result.flaky).toContainEqual({ test: 't', at: 7, runs: 2, failures: 1 });
  });

  it('a real breakage under a 20%-flaky test survives flaky failures before it', async () => {
    // The first two runs below the culprit fail: a search that trusted them would blame
    // a commit before #10.
    let flakes = 0;
    const flake = (_test: string, at: number) => at < 10 && flakes++ < 2;
    const run = fakeRunner({ t: 10 }, flake);
    const result = await findCulprits(input(16, ['t'], { t: 0.2 }), run);
    expect(flakes).toBeGreaterThanOrEqual(2);
    expect(result.verdicts).toMatchObject([
      { kind: 'culprit', at: 10, tests: ['t'], confirmed: true },
    ]);
    // Confirmed by ⌈log 0.01 / log 0.2⌉ = 3 fresh failures at #10, after it stood out.
    const confirms = result.runs.filter((made) => made.origin === 'confirm' && made.at === 10);
    expect(confirms.filter((made) => made.failed.includes('t')).length).toBeGreaterThanOrEqual(3);
  });

  it('a test above the flake cap is a quarantine candidate, not searched', async () => {
    const run = fakeRunner({ b: 4 });
    const result = await findCulprits(input(8, ['a', 'b'], { a: 0.6, b: 0 }), run);
    expect(result.verdicts).toEqual([
      { kind: 'culprit', at: 4, tests: ['b'], confidence: expect.any(Number), confirmed: true },
      { kind: 'quarantine', tests: ['a'], flakeRate: 0.6 },
    ]);
    expect(run.calls.every((call) => !call.tests.includes('a'))).toBe(true);
  });

  it('a test with no recorded rate is searched as possibly flaky (0.2), not trusted on one failure', async () => {
    const result = await findCulprits(input(16, ['t'], {}), fakeRunner({ t: 6 }));
    expect(result.verdicts).toMatchObject([{ kind: 'culprit', at: 6, confirmed: true }]);
    const confirms = result.runs.filter((run) => run.origin === 'confirm' && run.at === 6);
    expect(confirms.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the run budget', () => {
  it('spent before certainty: inconclusive with the leading suspect, never a culprit', async () => {
    const run = fakeRunner({ t: 40 });
    const result = await findCulprits(
      input(64, ['t'], { t: 0 }, { settings: { maxRuns: 2 } }),
      run,
    );
    expect(run.calls).toHaveLength(2);
    expect(result.verdicts).toHaveLength(1);
    const verdict = result.verdicts[0] as Extract<Verdict, { kind: 'inconclusive' }>;
    expect(verdict.kind).toBe('inconclusive');
    expect(verdict.tests).toEqual(['t']);
    expect(verdict.best?.confidence).toBeLessThan(0.99);
  });

  it('a run that gives a test no result (its build broke) is not asked for again and again', async () => {
    const run = fakeRunner({ t: 5 });
    const silent = Object.assign(
      async (at: number, tests: readonly string[]) => (at === 7 ? new Map() : run(at, tests)),
      {
        calls: run.calls,
      },
    );
    const result = await findCulprits(input(16, ['t'], { t: 0 }), silent);
    expect(result.verdicts).toMatchObject([{ kind: 'culprit', at: 5, confirmed: true }]);
    expect(result.runs.filter((made) => made.at === 7)).toHaveLength(1);
    expect(result.runs.find((made) => made.at === 7)).toEqual({
      at: 7,
      failed: [],
      passed: [],
      origin: 'search',
    });
  });
});

describe('the stepper', () => {
  it('resumes exactly from the runs stored so far (a crash after any run)', async () => {
    const recorded: TestRun[] = [];
    const start = input(40, ['a', 'b'], { a: 0.2, b: 0 });
    // a flakes on its first run at #4 and at #12.
    const ran = new Set<string>();
    const flake = (test: string, at: number) => {
      const first = !ran.has(`${test}@${at}`);
      ran.add(`${test}@${at}`);
      return test === 'a' && first && (at === 4 || at === 12);
    };
    const result = await findCulprits(start, fakeRunner({ a: 17, b: 30 }, flake), {
      record: (run) => {
        recorded.push(run);
      },
    });
    expect(recorded).toEqual(result.runs);
    for (let stored = 0; stored <= recorded.length; stored++) {
      const step = nextStep({ ...start, runs: [...start.runs, ...recorded.slice(0, stored)] });
      const next = recorded[stored];
      if (next === undefined) {
        expect(step).toEqual({
          kind: 'done',
          outcome: {
            verdicts: result.verdicts,
            flaky: result.flaky,
            searchRuns: result.searchRuns,
          },
        });
      } else {
        expect(step).toMatchObject({ kind: 'run', at: next.at, purpose: next.origin });
      }
    }
    expect(result.verdicts).toMatchObject([
      { kind: 'culprit', at: 17, tests: ['a'], confirmed: true },
      { kind: 'culprit', at: 30, tests: ['b'], confirmed: true },
    ]);
  });

  it('asks nothing when there are no suspects, and refuses damaged input', () => {
    expect(nextStep({ ...input(1, ['t'], {}), suspects: [], runs: [] })).toMatchObject({
      kind: 'done',
      outcome: { verdicts: [{ kind: 'inconclusive', tests: ['t'] }] },
    });
    const damaged = {
      ...input(4, ['t'], { t: 1.5 }),
      runs: [{ at: 9, failed: ['t'], passed: [], origin: 'search' as const }],
    };
    try {
      nextStep(damaged);
      expect.unreachable();
    } catch (error) {
      expect(isMainlineError(error) && error.code).toBe('internal');
      expect(String(error)).toContain('run 0 is at 9, outside -1..3');
      expect(String(error)).toContain('flake rate of t is 1.5');
    }
  });
});
