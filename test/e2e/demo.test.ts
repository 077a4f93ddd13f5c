import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitSync, makeTempDir, runCli } from '../src/index.ts';

describe('mainline demo', () => {
  it('tells the whole story on a sandbox it generates, each step as it should end', async () => {
    const sandbox = join(makeTempDir('demo'), 'sandbox');
    const result = await runCli(['demo', sandbox], {
      cwd: makeTempDir('elsewhere'),
      env: { MAINLINE_HOME: join(makeTempDir('home'), 'state') },
      timeoutMs: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const steps = result.stdout.match(/^\d\. .*/gm) ?? [];
    expect(steps).toHaveLength(7);
    // Each command's summary goes to its stderr, its data to stdout, as always.
    expect(result.stderr).toMatch(/^4 of 12 targets affected by 1 changed file/m);
    expect(result.stdout).toMatch(/is affected:\n {2}libs\/.*changed/);
    // Step 4, the same again, and step 6, the bug reverted: both from the cache.
    expect(result.stdout.match(/passed: 4 targets tested, 4 passed \(4 cached\)/g)).toHaveLength(2);
    expect(result.stdout).toMatch(/^FAILED libs\/\S+ \(tests\)$/m);
    expect(result.stdout).toMatch(/failed: 4 targets tested, 0 passed, 4 failed/);
    // The sandbox is kept to explore, with its own state.
    expect(gitSync(sandbox, ['branch', '--show-current']).trim()).toBe('feature');
    expect(existsSync(join(sandbox, '.mainline'))).toBe(true);
  });

  it('refuses a folder that is not empty', async () => {
    const dir = makeTempDir('full');
    writeFileSync(join(dir, 'keep.txt'), 'mine\n');
    const result = await runCli(['demo', dir], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir} is not empty`);
    expect(result.stderr).toContain('hint:');
  });
});
