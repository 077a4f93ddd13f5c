import { describe, expect, it, vi } from 'vitest';
import { createWorkspaceRepo, runCli, startCli } from '../src/index.ts';

const ready = 'watching for saves';

describe('mainline watch', () => {
  it('tests at start, then once per batch of saves: edit, add, delete, rename, and a save during a run', async () => {
    const repo = createWorkspaceRepo();
    const running = startCli(['watch'], { cwd: repo.dir, timeoutMs: 120_000 });
    let stderr = '';
    let stdout = '';
    running.child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    running.child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const cycles = (): number => stderr.split(ready).length - 1;
    const settle = async (count: number): Promise<void> =>
      vi.waitFor(() => expect(cycles()).toBeGreaterThanOrEqual(count), {
        timeout: 60_000,
        interval: 100,
      });

    await settle(1);
    expect(stdout).toMatch(/passed: 2 targets tested, 2 passed, 1 without tests/);

    repo.write({
      'libs/b/src/index.ts':
        "import { add } from '@fx/a';\n\nexport const three: number = add(2, 2);\n",
    });
    await settle(2);
    expect(stderr).toContain('changed: libs/b/src/index.ts');
    expect(stdout).toContain('FAILED libs/b (tests)');

    repo.write({
      'libs/b/src/index.ts':
        "import { add } from '@fx/a';\n\nexport const three: number = add(1, 2);\n",
    });
    await settle(3);
    expect(stdout.split('passed: 2 targets tested').length - 1).toBe(2);

    repo.write({ 'libs/a/src/extra.ts': 'export const extra = 1;\n' });
    await settle(4);
    expect(stderr).toContain('changed: libs/a/src/extra.ts');
    repo.rename('libs/a/src/extra.ts', 'libs/a/src/renamed.ts');
    await settle(5);
    expect(stderr).toMatch(/2 files changed: libs\/a\/src\/extra\.ts, libs\/a\/src\/renamed\.ts/);
    repo.remove('libs/a/src/renamed.ts');
    // A save while that cycle runs is queued: it makes one more cycle, not a lost save.
    await vi.waitFor(() => expect(stderr).toContain('changed: libs/a/src/renamed.ts'), {
      timeout: 30_000,
    });
    repo.write({
      'libs/b/test/b2.test.ts':
        "import { expect, it } from 'vitest';\n\nit('two', () => {\n  expect(2).toBe(2);\n});\n",
    });
    await settle(7);
    expect(stderr).toContain('changed: libs/b/test/b2.test.ts');

    running.child.kill('SIGINT');
    const result = await running.result;
    expect(result.code).toBe(0);
  });

  it('exits 2 at once when asked to watch a target that does not exist', async () => {
    const repo = createWorkspaceRepo();
    const result = await runCli(['watch', 'libs/zz'], { cwd: repo.dir, timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no target named 'libs/zz'");
    expect(result.stderr).not.toContain(ready);
  });
});
