import { describe, expect, it } from 'vitest';
import { libSource, runCli, trunkSandbox } from '../src/index.ts';

describe('one culprit, two red targets', { timeout: 180_000 }, () => {
  it('one revert pushed; the other breakage is fixed by it without a search, and trunk is green', async () => {
    const sandbox = await trunkSandbox(3);
    sandbox.push('t3: a note', { 'libs/t3/src/index.ts': libSource(1, 'a note') });
    const culprit = sandbox.push('t1, t2: return 2', {
      'libs/t1/src/index.ts': libSource(2),
      'libs/t2/src/index.ts': libSource(2),
    });
    sandbox.push('t3: another note', { 'libs/t3/src/index.ts': libSource(1, 'another') });
    const pass = await sandbox.trunk(['--once']);
    expect(pass.code, pass.stderr).toBe(0);
    expect(sandbox.log().filter((subject) => subject.startsWith('Revert '))).toEqual([
      'Revert "t1, t2: return 2"',
    ]);
    // The second breakage's only run is its tests at the revert: no search steps for it.
    expect(pass.stderr).toMatch(
      /decision #2 libs\/t2: \w+ fixed: green at \w+, the revert of \w+ pushed for libs\/t1 \(decision #1\)/,
    );
    expect(pass.stderr).not.toContain('search #2');
    // Its next pass tests the revert: both green, no breakage left open.
    const again = await sandbox.trunk(['--once']);
    expect(again.code, again.stderr).toBe(0);
    const result = await runCli(['trunk', 'status', '--json'], { cwd: sandbox.work.dir });
    const status = JSON.parse(result.stdout) as {
      breakages: unknown[];
      reverts: { culprit: string }[];
    };
    expect(status.breakages).toEqual([]);
    expect(status.reverts.map((revert) => revert.culprit)).toEqual([culprit]);
  });
});
