import { describe, expect, it } from 'vitest';
import { libSource, runCli, trunkSandbox } from '../src/index.ts';

interface Status {
  breakages: { target: string }[];
  candidates: { rule: string; target: string; culprit: string; detail: string }[];
  reverts: unknown[];
  culprits: { target: string; culprit: string }[];
  flaky: { target: string; test: string; rate: number }[];
}

async function status(dir: string): Promise<Status> {
  const result = await runCli(['trunk', 'status', '--json'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Status;
}

const rulesByTarget = (candidates: Status['candidates']) =>
  Object.fromEntries(candidates.map((c) => [c.target, c.rule]));

describe('the trunk loop holds a culprit back, for a person', { timeout: 180_000 }, () => {
  it('for a revert, an opt-out, an old commit and the daily limit: candidates, each with its rule, nothing pushed', async () => {
    // The team allows no revert a day: a culprit that passes every other rule meets that one.
    const sandbox = await trunkSandbox(4, {
      'mainline.json': `${JSON.stringify({ revert: { maxPerDay: 0, maxAgeHours: 24 } })}\n`,
    });
    const old = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString();
    const culprits = {
      'libs/t1': sandbox.push(
        'Revert "t1: a reason"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
        {
          'libs/t1/src/index.ts': libSource(2),
        },
      ),
      'libs/t2': sandbox.push('t2: return 2\n\nNo-Auto-Revert: true', {
        'libs/t2/src/index.ts': libSource(2),
      }),
      'libs/t3': sandbox.push('t3: return 2', { 'libs/t3/src/index.ts': libSource(2) }, old),
      'libs/t4': sandbox.push('t4: return 2', { 'libs/t4/src/index.ts': libSource(2) }),
    };
    const tip = sandbox.tip();
    const pass = await sandbox.trunk(['--once']);
    expect(pass.code).toBe(1);
    expect(sandbox.tip()).toBe(tip);
    const after = await status(sandbox.work.dir);
    expect(rulesByTarget(after.candidates)).toEqual({
      'libs/t1': 'is-revert',
      'libs/t2': 'opted-out',
      'libs/t3': 'too-old',
      'libs/t4': 'daily-limit',
    });
    for (const candidate of after.candidates) {
      expect(candidate.culprit).toBe(culprits[candidate.target as keyof typeof culprits]);
    }
    expect(after.reverts).toEqual([]);
  });

  it('when the revert conflicts with a later commit: no push, a candidate saying so', async () => {
    const sandbox = await trunkSandbox(2);
    sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    sandbox.push('t1: note on the same line', {
      'libs/t1/src/index.ts': libSource(2, 'still two'),
    });
    const tip = sandbox.tip();
    const pass = await sandbox.trunk(['--once', '--batch', '2']);
    expect(pass.code).toBe(1);
    expect(sandbox.tip()).toBe(tip);
    const after = await status(sandbox.work.dir);
    expect(after.candidates).toMatchObject([{ target: 'libs/t1', rule: 'conflict' }]);
  });

  it('finds both culprits of two independent breakages in one batch', async () => {
    const sandbox = await trunkSandbox(3);
    const first = sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    sandbox.push('t3: a note', { 'libs/t3/src/index.ts': libSource(1, 'a note') });
    const second = sandbox.push('t2: return 3', { 'libs/t2/src/index.ts': libSource(3) });
    const pass = await sandbox.trunk(['--once', '--dry-run']);
    expect(pass.code).toBe(1);
    const after = await status(sandbox.work.dir);
    expect(after.candidates.map((c) => [c.target, c.culprit, c.rule]).sort()).toEqual([
      ['libs/t1', first, 'dry-run'],
      ['libs/t2', second, 'dry-run'],
    ]);
  });
});
