import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { runWatchLoop, watchFiles } from '../src/index.ts';

describe('runWatchLoop', () => {
  it('runs one cycle per quiet batch, and queues saves made during a run', async () => {
    const cycles: string[][] = [];
    let release = (): void => {};
    const loop = runWatchLoop({
      debounceMs: 20,
      run: (paths) => {
        cycles.push([...paths]);
        return new Promise((resolve) => {
          release = resolve;
        });
      },
    });
    loop.changed(['a.ts']);
    loop.changed(['b.ts']);
    await vi.waitFor(() => expect(cycles).toEqual([['a.ts', 'b.ts']]));
    loop.changed(['c.ts']);
    release();
    await vi.waitFor(() => expect(cycles).toEqual([['a.ts', 'b.ts'], ['c.ts']]));
    const stopping = loop.stop();
    release();
    await stopping;
  });

  it('aborts the running cycle on stop and waits for it', async () => {
    let aborted = false;
    const loop = runWatchLoop({
      debounceMs: 5,
      run: (_paths, signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
      onState: () => {},
    });
    loop.changed(['a.ts']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await loop.stop();
    expect(aborted).toBe(true);
  });
});

describe('watchFiles', () => {
  it('reports added, changed, removed and renamed files, never .git, node_modules or .mainline', async () => {
    const root = makeTempDir('watched');
    for (const folder of ['src', '.git', 'node_modules/x', '.mainline'])
      mkdirSync(join(root, folder), { recursive: true });
    writeFileSync(join(root, 'src/a.ts'), '1');
    const seen: string[] = [];
    const watcher = await watchFiles(root, (paths) => seen.push(...paths));
    try {
      writeFileSync(join(root, 'src/a.ts'), '2');
      writeFileSync(join(root, 'src/b.ts'), 'new');
      writeFileSync(join(root, '.git/index'), 'x');
      writeFileSync(join(root, 'node_modules/x/i.js'), 'x');
      writeFileSync(join(root, '.mainline/db'), 'x');
      await vi.waitFor(
        () => expect(new Set(seen)).toEqual(new Set(['src/a.ts', 'src/b.ts'])),
        10_000,
      );
      renameSync(join(root, 'src/b.ts'), join(root, 'src/c.ts'));
      rmSync(join(root, 'src/a.ts'));
      await vi.waitFor(() => {
        expect(seen).toContain('src/c.ts');
        // The rename's removal and a.ts's removal: each path reported a second time.
        expect(seen.filter((path) => path === 'src/b.ts')).toHaveLength(2);
        expect(seen.filter((path) => path === 'src/a.ts')).toHaveLength(2);
      }, 10_000);
      expect(seen.some((path) => /^(\.git|node_modules|\.mainline)\//.test(path))).toBe(false);
    } finally {
      await watcher.close();
    }
  });
});
