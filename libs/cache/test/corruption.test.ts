import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { entryPath, openLocalCache, sha256Hex } from '../src/index.ts';
import { keyA, writeTree } from './helpers.ts';

async function storedCache() {
  const cache = openLocalCache(makeTempDir('state'));
  const rootDir = writeTree({ 'dist/a.js': 'alpha', 'dist/b.js': 'beta' });
  const action = await cache.store(keyA, { rootDir, files: ['dist/a.js', 'dist/b.js'] });
  return { cache, rootDir, action, blob: entryPath(cache.dir, 'cas', sha256Hex('beta')) };
}

describe('a damaged blob', () => {
  it('is a miss with reason corrupt, writes nothing, and the next store repairs it', async () => {
    const { cache, rootDir, action, blob } = await storedCache();
    writeFileSync(blob, 'bet4'); // same size, other bytes
    const into = makeTempDir('out');
    expect(await cache.restore(action, into)).toEqual({
      kind: 'miss',
      reason: 'corrupt',
      detail: 'blob of dist/b.js does not match its digest',
    });
    expect(existsSync(join(into, 'dist'))).toBe(false);
    expect(existsSync(blob)).toBe(false);
    await cache.store(keyA, { rootDir, files: ['dist/a.js', 'dist/b.js'] });
    expect(await cache.restore(action, into)).toMatchObject({ kind: 'restored', files: 2 });
    expect(readFileSync(join(into, 'dist/b.js'), 'utf8')).toBe('beta');
  });

  it('is rewritten by the next store when truncated', async () => {
    const { cache, rootDir, action, blob } = await storedCache();
    truncateSync(blob, 2);
    await cache.store(keyA, { rootDir, files: ['dist/a.js', 'dist/b.js'] });
    expect(readFileSync(blob, 'utf8')).toBe('beta');
    expect(await cache.restore(action, makeTempDir('out'))).toMatchObject({ kind: 'restored' });
  });

  it('is a miss with reason blob-missing when deleted', async () => {
    const { cache, action, blob } = await storedCache();
    rmSync(blob);
    expect(await cache.restore(action, makeTempDir('out'))).toMatchObject({
      kind: 'miss',
      reason: 'blob-missing',
    });
  });

  it('makes a long log unreadable, not wrong', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const text = 'y'.repeat(10_000);
    const action = await cache.store(keyA, { rootDir: makeTempDir('e'), files: [], stdout: text });
    writeFileSync(entryPath(cache.dir, 'cas', sha256Hex(text)), 'z'.repeat(10_000));
    expect(action.stdout && (await cache.readLog(action.stdout))).toBeUndefined();
  });
});

describe('a damaged manifest', () => {
  const damages: Record<string, (bytes: Buffer) => Buffer | string> = {
    truncated: (bytes) => bytes.subarray(0, bytes.length - 10),
    empty: () => '',
    'a flipped byte': (bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 3] = (copy[copy.length - 3] ?? 0) ^ 1;
      return copy;
    },
    'not a manifest': () => '{"outputs": []}',
  };
  for (const [name, damage] of Object.entries(damages)) {
    it(`is a miss with reason corrupt when ${name}, and is dropped`, async () => {
      const { cache, rootDir } = await storedCache();
      const path = entryPath(cache.dir, 'ac', keyA);
      writeFileSync(path, damage(readFileSync(path)));
      const result = await cache.lookup(keyA);
      expect(result).toMatchObject({ kind: 'miss', reason: 'corrupt' });
      expect(result.kind === 'miss' && result.detail).toContain(keyA);
      expect(existsSync(path)).toBe(false);
      await cache.store(keyA, { rootDir, files: ['dist/a.js'] });
      expect(await cache.lookup(keyA)).toMatchObject({ kind: 'hit' });
    });
  }

  it('stored under another key is a miss', async () => {
    const { cache } = await storedCache();
    const other = 'f'.repeat(64);
    mkdirSync(dirname(entryPath(cache.dir, 'ac', other)));
    writeFileSync(
      entryPath(cache.dir, 'ac', other),
      readFileSync(entryPath(cache.dir, 'ac', keyA)),
    );
    expect(await cache.lookup(other)).toEqual({
      kind: 'miss',
      reason: 'corrupt',
      detail: `manifest ${other}: stored under another key`,
    });
  });

  it('that cannot be read is a miss with reason unreadable', async () => {
    const { cache } = await storedCache();
    const path = entryPath(cache.dir, 'ac', keyA);
    rmSync(path);
    mkdirSync(path); // a folder where the manifest should be: reading it fails with EISDIR

    expect(await cache.lookup(keyA)).toMatchObject({ kind: 'miss', reason: 'unreadable' });
  });
});

describe('a file where a folder of the cache should be', () => {
  it.each([
    ['the cache folder', (dir: string) => dir],
    ['cas', (dir: string) => join(dir, 'cas')],
    ['ac', (dir: string) => join(dir, 'ac')],
    ['a fan-out folder', (dir: string) => dirname(entryPath(dir, 'ac', keyA))],
  ])('(%s) is an absent entry, then moved aside by the next store, once', async (_, where) => {
    const state = makeTempDir('state');
    const moved: string[] = [];
    const cache = openLocalCache(state, {
      onRepair: (repairs) => moved.push(...repairs.map((r) => `${r.from} -> ${r.to}`)),
    });
    const path = where(cache.dir);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'in the way');
    expect(await cache.lookup(keyA)).toMatchObject({ kind: 'miss', reason: 'absent' });
    const rootDir = writeTree({ 'dist/a.js': 'alpha' });
    const action = await cache.store(keyA, { rootDir, files: ['dist/a.js'] });
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatch(new RegExp(`^${path} -> ${path}\\.damaged-\\d{8}T\\d{6}Z$`));
    expect(readFileSync(moved[0]?.split(' -> ')[1] ?? '', 'utf8')).toBe('in the way');
    expect(await cache.lookup(keyA)).toEqual({ kind: 'hit', action });
    const into = makeTempDir('out');
    expect(await cache.restore(action, into)).toMatchObject({ kind: 'restored', files: 1 });
  });
});
