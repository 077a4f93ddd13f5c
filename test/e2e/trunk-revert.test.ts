import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libSource, makeTempDir, runCli, trunkSandbox } from '../src/index.ts';

/** `mainline trunk status --json`. */
async function status(dir: string): Promise<{
  tip: { green: boolean } | undefined;
  breakages: { target: string }[];
  candidates: { rule: string; target: string; culprit: string }[];
  reverts: { culprit: string; revertRef: string }[];
  flaky: { test: string; rate: number }[];
}> {
  const result = await runCli(['trunk', 'status', '--json'], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('the trunk loop reverts a culprit', { timeout: 180_000 }, () => {
  it('finds the one breaking commit among ten, reverts exactly it, and trunk is green again', async () => {
    const sandbox = await trunkSandbox(3);
    let culprit = '';
    for (let i = 1; i <= 10; i++) {
      const sha =
        i === 6
          ? sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) })
          : sandbox.push(`t${(i % 2) + 2}: note ${i}`, {
              [`libs/t${(i % 2) + 2}/src/index.ts`]: libSource(1, `note ${i}`),
            });
      if (i === 6) culprit = sha;
    }
    const pass = await sandbox.trunk(['--once']);
    expect(pass.stderr).toContain('breakage #1: libs/t1 red');
    expect(pass.stderr).toMatch(/decision #1 libs\/t1: \w+ reverted/);
    expect(pass.code).toBe(0);
    const [revert, ...rest] = sandbox.log();
    expect(revert).toBe('Revert "t1: return 2"');
    expect(rest[0]).toBe('t2: note 10'); // pushed on top of the tip, nothing lost
    const body = sandbox.work.git('-C', sandbox.remote, 'log', '-1', '--format=%B', 'main');
    expect(body).toContain(`This reverts commit ${culprit}.`);
    expect(body).toContain('Mainline-Auto-Revert: true');
    // The same target broken again right after the revert landed: the next pass sees the
    // revert (made green then) and a new breakage after it, and reverts that one too.
    const again = sandbox.push('t1: return 3', { 'libs/t1/src/index.ts': libSource(3) });
    const second = await sandbox.trunk(['--once']);
    expect(second.stderr).toContain('breakage #1: libs/t1 green again');
    expect(second.stderr).toMatch(/breakage #2: libs\/t1 red at \w+ \(last green \w+\)/);
    expect(second.code).toBe(0);
    expect(sandbox.log()[0]).toBe('Revert "t1: return 3"');
    const third = await sandbox.trunk(['--once']);
    expect(third.code).toBe(0);
    expect(third.stderr).toContain('libs/t1 green again');
    const after = await status(sandbox.work.dir);
    expect(after.tip?.green).toBe(true);
    expect(after.reverts.map((r) => r.culprit).sort()).toEqual([again, culprit].sort());
  });

  it('leaves trunk alone with --revert-via branch: the revert is a branch for review, and the team is told', async () => {
    const sandbox = await trunkSandbox(2);
    const culprit = sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    const tip = sandbox.tip();
    const told = join(makeTempDir('decisions'), 'told.jsonl');
    const pass = await sandbox.trunk([
      '--once',
      '--revert-via',
      'branch',
      '--on-decision',
      `cat >> '${told}'`,
    ]);
    expect(pass.stderr).toContain('reverted');
    const decisions = readFileSync(told, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(decisions).toMatchObject([{ target: 'libs/t1', culprit, kind: 'reverted' }]);
    expect(sandbox.tip()).toBe(tip);
    const branch = `mainline/revert/${culprit.slice(0, 12)}`;
    expect(sandbox.log(branch)[0]).toBe('Revert "t1: return 2"');
    expect((await status(sandbox.work.dir)).reverts).toMatchObject([{ revertRef: branch }]);
  });

  it('records a red baseline as a breakage with an unknown range, and reverts nothing', async () => {
    const sandbox = await trunkSandbox(
      2,
      { 'libs/t1/src/index.ts': libSource(2) },
      { baseline: false },
    );
    const tip = sandbox.tip();
    const pass = await sandbox.trunk(['--once']);
    expect(pass.code).toBe(1);
    expect(pass.stderr).toMatch(/breakage #1: libs\/t1 red at \w+ \(last green \?\)/);
    expect(pass.stderr).toContain('the range is unknown, nothing is reverted');
    expect(sandbox.tip()).toBe(tip);
  });

  it('reverts nothing when a later commit fixed trunk before the loop acted', async () => {
    const sandbox = await trunkSandbox(2);
    sandbox.push('t1: return 2', { 'libs/t1/src/index.ts': libSource(2) });
    sandbox.push('t1: back to 1', { 'libs/t1/src/index.ts': libSource(1, 'fixed') });
    const pass = await sandbox.trunk(['--once', '--batch', '1']);
    expect(pass.code).toBe(0);
    expect(pass.stderr).toMatch(
      /decision #1 libs\/t1: fixed: green again at \w+ before the loop acted/,
    );
    expect(sandbox.log()[0]).toBe('t1: back to 1');
  });
});
