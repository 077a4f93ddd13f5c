import { describe, expect, it } from 'vitest';
import { runCulpritBench } from '../src/culprit-sim/bench.ts';
import { generateHistory, type SimSetting, simulatedRunner } from '../src/culprit-sim/history.ts';
import { plainBisection } from '../src/culprit-sim/plain-bisection.ts';
import { formatCulpritTable } from '../src/culprit-sim/report.ts';
import { scoreVerdicts } from '../src/culprit-sim/score.ts';
import { simSettings } from '../src/culprit-sim/settings.ts';

const setting = simSettings()[0] as SimSetting;

describe('the culprit simulator', () => {
  it('draws the same history from the same seed, with the culprit among the suspects', () => {
    const one = generateHistory(setting, 42);
    expect(generateHistory(setting, 42)).toEqual(one);
    expect(one.suspects.length).toBeGreaterThanOrEqual(setting.minSuspects);
    expect(one.suspects.length).toBeLessThanOrEqual(setting.maxSuspects);
    const [test] = one.tests;
    expect(test?.brokenAt).toBeGreaterThanOrEqual(0);
    expect(test?.brokenAt).toBeLessThan(one.suspects.length);
  });

  it('runs plain bisection to the break of a deterministic test', () => {
    const history = generateHistory(setting, 7);
    const run = simulatedRunner(history, 1);
    const names = history.tests.map((test) => test.name);
    const { verdict, runs } = plainBisection(history.suspects.length, names, (at) =>
      run(at, names),
    );
    expect(verdict).toMatchObject({ kind: 'culprit', at: history.tests[0]?.brokenAt });
    expect(runs).toBeLessThanOrEqual(Math.ceil(Math.log2(history.suspects.length)));
  });

  it('counts a wrong culprit the policy lets through as a false revert', () => {
    const flake = {
      seed: 1,
      suspects: [{ id: 'a', distance: 0 }],
      tests: [{ name: 't' }],
      rate: 0.2,
    };
    const wrong = { kind: 'culprit' as const, at: 0, tests: ['t'], confidence: 1, confirmed: true };
    const redTip = () => new Map([['t', true]]);
    const greenTip = (_tests: readonly string[], reverted?: number) =>
      new Map([['t', reverted === undefined]]);
    expect(scoreVerdicts(flake, [wrong], 3, redTip)).toMatchObject({
      falseCulprits: 1,
      falseReverts: 0,
      hits: 0,
    });
    expect(scoreVerdicts(flake, [wrong], 3, greenTip)).toMatchObject({
      falseCulprits: 1,
      falseReverts: 1,
    });
  });

  it("meets issue 11's targets on a sample of every setting (npm run bench:culprit runs 1,000 each)", async () => {
    const rows = await runCulpritBench({ histories: 120, seed: 1 });
    expect(rows).toHaveLength(simSettings().length);
    expect(rows.flatMap((row) => row.missed.map((miss) => `${row.setting.name}: ${miss}`))).toEqual(
      [],
    );
    for (const row of rows) expect(row.aware.falseReverts).toBe(0);
    // Plain bisection is fooled by flakes on the same histories.
    const flaky = rows.find((row) => row.setting.name === '20% flaky, no culprit');
    expect(flaky?.bisection.accuracy).toBe(0);
    expect(flaky?.aware.accuracy).toBeGreaterThan(0.97);
    expect(formatCulpritTable(rows)).toContain('| 20% flaky, no culprit | 4-200 | 120 |');
  });
});
