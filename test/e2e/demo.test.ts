import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../src/index.ts';

// The whole demo runs the trunk loop's searches: 27 s idle, over a minute beside other files.
describe('mainline demo', { timeout: 180_000 }, () => {
  it('tells the whole story, local and trunk, on a sandbox it generates, then removes it', async () => {
    // Its temporary folder goes under this one, to see it removed.
    const tmp = makeTempDir('tmp');
    const result = await runCli(['demo', '--no-tui'], {
      cwd: makeTempDir('elsewhere'),
      env: { MAINLINE_HOME: join(makeTempDir('home'), 'state'), TMPDIR: tmp },
      timeoutMs: 150_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const steps = result.stdout.match(/^\d+\. .*/gm) ?? [];
    expect(steps).toHaveLength(11);
    // The local half. Each command's summary goes to its stderr, its data to stdout, as always.
    expect(result.stderr).toMatch(/^4 of 12 targets affected by 1 changed file/m);
    expect(result.stdout).toMatch(/is affected:\n {2}libs\/.*changed/);
    // Step 4, the same again, and step 6, the bug reverted: both from the cache.
    expect(result.stdout.match(/passed: 4 targets tested, 4 passed \(4 cached\)/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/^FAILED libs\/\S+ \(tests\)$/m);
    expect(result.stdout).toMatch(/failed: 4 targets tested, 0 passed, 4 failed/);

    // The trunk half: the pushed range's affected set, then the loop's pass.
    expect(result.stderr).toMatch(/^\d+ of 12 targets affected by 6 changed files/m);
    const culprit = /^culprit +([0-9a-f]{10}) (libs\/\S+: tune m\d)$/m.exec(result.stdout);
    expect(culprit, result.stdout).not.toBeNull();
    const [, sha, subject] = culprit ?? [];
    expect(result.stdout).toMatch(new RegExp(`^pushed ${sha} .*<- the culprit`, 'm'));
    expect(result.stderr).toMatch(
      new RegExp(`^decision #\\d+ libs/\\S+: ${sha}\\w* reverted \\(confidence 0\\.99\\d+\\)`, 'm'),
    );
    expect(result.stdout).toMatch(/^confidence 0\.99\d\d$/m);
    // The remote's log: the revert on top of the day's commits, nothing lost.
    const revert = /^revert +([0-9a-f]{10}) pushed to main$/m.exec(result.stdout)?.[1];
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\$ git -C \\.\\./remote\\.git log --oneline -3\\n${revert?.slice(0, 7)}\\w* Revert "${subject}"\\n\\w+ libs/`,
        'm',
      ),
    );
    // The planted flake: told apart, recorded, not reverted.
    expect(result.stderr).toMatch(/^decision #\d+ properties\/\w+: flaky/m);
    expect(result.stdout).toMatch(
      /^flaky +properties\/\w+\/test\/timing\.test\.ts > \w+ answers in time \(fails \d+% /m,
    );
    expect(result.stdout).toMatch(/^trunk: green at \w+ Revert "/m);
    // Without --keep, nothing is left.
    expect(result.stdout).toContain('The sandbox is removed');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses a folder that is not empty', async () => {
    const dir = makeTempDir('full');
    writeFileSync(join(dir, 'keep.txt'), 'mine\n');
    const result = await runCli(['demo', dir], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir} is not empty`);
    expect(result.stderr).toContain('hint:');
    expect(existsSync(join(dir, 'monorepo'))).toBe(false);
  });
});
