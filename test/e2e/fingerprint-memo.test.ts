import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createWorkspaceRepo, runCli } from '../src/index.ts';

/**
 * Fingerprints are remembered by snapshot tree id under .mainline/fingerprints: a push of
 * the commit `mainline test` ran on is found cached without reading the snapshot again.
 */
describe('fingerprints remembered per tree', () => {
  it('serve a push of the tested commit, and a damaged or foreign memo is never trusted', async () => {
    const repo = createWorkspaceRepo();
    const parent = repo.git('rev-parse', 'HEAD');
    repo.write({ 'libs/b/src/extra.ts': 'export const extra = 1;\n' });
    const sha = repo.commit('change b');
    expect((await runCli(['test', '--base', 'HEAD~1'], { cwd: repo.dir })).code).toBe(0);

    const folder = join(repo.dir, '.mainline', 'fingerprints');
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    const [memo, ...others] = readdirSync(folder);
    expect(others).toEqual([]);
    expect(memo).toMatch(new RegExp(`^[0-9a-f]{16}-${tree}\\.v8$`));
    const memoFile = join(folder, memo as string);

    const prepush = () =>
      runCli(['prepush', 'origin', 'url'], {
        cwd: repo.dir,
        input: `refs/heads/main ${sha} refs/heads/main ${parent}\n`,
      });
    const cached = await prepush();
    expect(cached.code).toBe(0);
    expect(cached.stderr).toContain('2 affected targets already green (cached)');

    // Damaged: a miss, worked out from the commit again, and remembered again.
    writeFileSync(memoFile, 'garbage');
    const recomputed = await prepush();
    expect(recomputed.stderr).toContain('2 affected targets already green (cached)');
    expect(readFileSync(memoFile, 'latin1')).not.toBe('garbage');

    // The memo is what the push relies on: other fingerprints mean other keys, so the
    // affected targets are built and tested again (and pass).
    const other = new Map([
      ['libs/a', 'x'],
      ['libs/b', 'y'],
      ['properties/app', 'z'],
    ]);
    writeFileSync(memoFile, serialize({ build: other, full: other, tested: new Set(['libs/b']) }));
    const rerun = await prepush();
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).not.toContain('already green');
    expect(rerun.stderr).toContain(': passed');
  });
});
