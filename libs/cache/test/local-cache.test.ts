import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { actionKey, entryPath, openLocalCache, sha256Hex } from '../src/index.ts';
import { keyA, keyB, writeTree } from './helpers.ts';

const files = {
  'dist/index.js': 'export const a = 1;\n',
  'dist/index.d.ts': 'export declare const a: number;\n',
  'dist/index.js.map': '{"version":3}',
  'bin/run.js': { text: '#!/usr/bin/env node\n', executable: true as const },
};
const paths = Object.keys(files);

describe('openLocalCache', () => {
  it('misses, stores, then hits with the stored manifest', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    expect(await cache.lookup(keyA)).toEqual({
      kind: 'miss',
      reason: 'absent',
      detail: `no manifest for ${keyA}`,
    });
    const rootDir = writeTree(files);
    const stored = await cache.store(keyA, {
      rootDir,
      files: paths,
      stdout: 'built 4 files\n',
      durationMs: 12,
      toolVersions: { esbuild: '0.28.2', node: process.version },
      labels: { target: 'libs/a' },
      createdAt: new Date('2026-11-27T10:00:00Z'),
    });
    expect(stored.outputs.map((output) => output.path)).toEqual([...paths].sort());
    expect(stored.outputs.find((output) => output.path === 'bin/run.js')).toEqual({
      path: 'bin/run.js',
      digest: sha256Hex('#!/usr/bin/env node\n'),
      size: 20,
      executable: true,
    });
    expect(stored.metadata).toEqual({
      createdAt: '2026-11-27T10:00:00.000Z',
      durationMs: 12,
      toolVersions: { esbuild: '0.28.2', node: process.version },
      labels: { target: 'libs/a' },
    });
    expect(await cache.lookup(keyA)).toEqual({ kind: 'hit', action: stored });
    expect(await cache.lookup(keyB)).toMatchObject({ kind: 'miss', reason: 'absent' });
  });

  it('restores the same bytes and executable bits, creating folders', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const rootDir = writeTree({ ...files, 'dist/deep/er/x.bin': Buffer.from([0, 255, 10, 13]) });
    const stored = await cache.store(keyA, { rootDir, files: [...paths, 'dist/deep/er/x.bin'] });
    const into = join(makeTempDir('out'), 'libs', 'a');
    const lookup = await cache.lookup(keyA);
    if (lookup.kind !== 'hit') throw new Error(lookup.detail);
    expect(await cache.restore(lookup.action, into)).toEqual({
      kind: 'restored',
      files: 5,
      bytes: stored.outputs.reduce((sum, output) => sum + output.size, 0),
    });
    for (const path of [...paths, 'dist/deep/er/x.bin']) {
      expect(readFileSync(join(into, path))).toEqual(readFileSync(join(rootDir, path)));
      const mode = statSync(join(into, path)).mode;
      expect((mode & 0o100) !== 0, path).toBe(path === 'bin/run.js');
    }
    expect(readdirSync(join(into, 'dist')).some((name) => name.startsWith('.tmp-'))).toBe(false);
  });

  it('overwrites existing files and leaves files outside the action alone', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const action = await cache.store(keyA, { rootDir: writeTree(files), files: paths });
    const into = writeTree({ 'dist/index.js': 'stale', 'dist/other.js': 'keep' });
    await cache.restore(action, into);
    expect(readFileSync(join(into, 'dist/index.js'), 'utf8')).toBe('export const a = 1;\n');
    expect(readFileSync(join(into, 'dist/other.js'), 'utf8')).toBe('keep');
  });

  it('shares blobs between actions and within one', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const rootDir = writeTree({ 'a.js': 'same', 'b.js': 'same', 'c.js': 'other' });
    await cache.store(keyA, { rootDir, files: ['a.js', 'b.js'] });
    await cache.store(keyB, { rootDir, files: ['a.js', 'c.js'] });
    expect(await cache.stats()).toMatchObject({ actions: 2, blobs: 2 });
    const into = makeTempDir('out');
    const hit = await cache.lookup(keyA);
    if (hit.kind !== 'hit') throw new Error(hit.detail);
    await cache.restore(hit.action, into);
    expect(readFileSync(join(into, 'b.js'), 'utf8')).toBe('same');
  });

  it('keeps short logs inline and long ones as blobs', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const long = 'x'.repeat(5000);
    const action = await cache.store(keyA, {
      rootDir: makeTempDir('empty'),
      files: [],
      exitCode: 1,
      stdout: 'short',
      stderr: long,
    });
    expect(action.stdout).toEqual({ text: 'short' });
    expect(action.stderr).toEqual({ digest: sha256Hex(long), size: 5000 });
    expect(action.exitCode).toBe(1);
    const hit = await cache.lookup(keyA);
    if (hit.kind !== 'hit' || hit.action.stderr === undefined) throw new Error('no hit');
    expect(await cache.readLog(hit.action.stderr)).toBe(long);
    expect(await cache.stats()).toMatchObject({ actions: 1, blobs: 1 });
  });

  it('restores an action without outputs without creating its folder', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const action = await cache.store(keyA, { rootDir: makeTempDir('empty'), files: [] });
    const into = join(makeTempDir('out'), 'never');
    expect(await cache.restore(action, into)).toEqual({ kind: 'restored', files: 0, bytes: 0 });
    expect(existsSync(into)).toBe(false);
  });

  it('replaces the manifest when a key is stored again', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    await cache.store(keyA, { rootDir: writeTree({ 'a.js': 'one' }), files: ['a.js'] });
    const second = await cache.store(keyA, {
      rootDir: writeTree({ 'b.js': 'two' }),
      files: ['b.js'],
    });
    expect(await cache.lookup(keyA)).toEqual({ kind: 'hit', action: second });
  });

  it('lays entries out as cas/<2 hex>/<digest> and ac/<2 hex>/<key>', async () => {
    const state = makeTempDir('state');
    const cache = openLocalCache(state);
    expect(cache.dir).toBe(join(state, 'cache'));
    await cache.store(keyA, { rootDir: writeTree({ 'a.js': 'A' }), files: ['a.js'] });
    const digest = sha256Hex('A');
    expect(readFileSync(join(state, 'cache/cas', digest.slice(0, 2), digest), 'utf8')).toBe('A');
    expect(readFileSync(entryPath(cache.dir, 'ac', keyA), 'utf8')).toMatch(/^mainline-ac\/1 /);
  });

  it('refuses a key that is not a sha256 and a missing output', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    await expect(cache.lookup('libs/a')).rejects.toMatchObject({ code: 'internal' });
    await expect(
      cache.store(keyA, { rootDir: makeTempDir('empty'), files: ['dist/nope.js'] }),
    ).rejects.toMatchObject({
      code: 'cacheOutputMissing',
      message: expect.stringContaining('nope'),
    });
    await expect(
      cache.store(keyA, { rootDir: writeTree({ 'd/x': '' }), files: ['d'] }),
    ).rejects.toMatchObject({ code: 'cacheOutputMissing' });
    const rootDir = makeTempDir('empty');
    await expect(cache.store(keyA, { rootDir, files: [], exitCode: 1.5 })).rejects.toMatchObject({
      code: 'internal',
    });
    await expect(
      cache.store(keyA, { rootDir, files: [], durationMs: Number.NaN }),
    ).rejects.toMatchObject({ code: 'internal' });
  });

  it('derives action keys from named inputs, in any order', () => {
    expect(actionKey({ a: '1', b: '2' })).toBe(actionKey({ b: '2', a: '1' }));
    expect(actionKey({ a: '1', b: '2' })).not.toBe(actionKey({ a: '12' }));
    expect(actionKey({ a: '' })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('prune', () => {
  it('evicts the least recently used actions and the blobs only they use', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const rootDir = writeTree({ 'shared.js': 's'.repeat(1000), 'a.js': 'a'.repeat(1000) });
    await cache.store(keyA, { rootDir, files: ['shared.js', 'a.js'] });
    await cache.store(keyB, { rootDir, files: ['shared.js'] });
    const old = Date.now() / 1000 - 3600;
    // keyA was used an hour ago, keyB an hour minus a minute; blobs are past the grace.
    utimesSync(entryPath(cache.dir, 'ac', keyA), old, old);
    utimesSync(entryPath(cache.dir, 'ac', keyB), old + 60, old + 60);
    for (const digest of [sha256Hex('s'.repeat(1000)), sha256Hex('a'.repeat(1000))]) {
      utimesSync(entryPath(cache.dir, 'cas', digest), old, old);
    }
    const before = await cache.stats();
    expect(before).toMatchObject({ actions: 2, blobs: 2 });
    const result = await cache.prune({ maxBytes: before.bytes - 1 });
    expect(result).toMatchObject({ removedActions: 1, removedBlobs: 1, actions: 1, blobs: 1 });
    expect(result.bytes).toBe((await cache.stats()).bytes);
    expect(await cache.lookup(keyA)).toMatchObject({ kind: 'miss', reason: 'absent' });
    const hit = await cache.lookup(keyB);
    if (hit.kind !== 'hit') throw new Error(hit.detail);
    expect(await cache.restore(hit.action, makeTempDir('out'))).toMatchObject({ files: 1 });
  });

  it('counts a lookup as a use', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const rootDir = writeTree({ 'a.js': 'a', 'b.js': 'b' });
    await cache.store(keyA, { rootDir, files: ['a.js'] });
    await cache.store(keyB, { rootDir, files: ['b.js'] });
    const old = Date.now() / 1000 - 3600;
    utimesSync(entryPath(cache.dir, 'ac', keyA), old + 60, old + 60);
    utimesSync(entryPath(cache.dir, 'ac', keyB), old, old);
    expect(await cache.lookup(keyB)).toMatchObject({ kind: 'hit' });
    const one = (await cache.stats()).bytes - 1;
    expect(await cache.prune({ maxBytes: one, graceMs: 0 })).toMatchObject({ removedActions: 1 });
    expect(await cache.lookup(keyA)).toMatchObject({ kind: 'miss', reason: 'absent' });
    expect(await cache.lookup(keyB)).toMatchObject({ kind: 'hit' });
  });

  it('keeps recent blobs, drops corrupt manifests and stale temp files', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    await cache.store(keyA, { rootDir: writeTree({ 'a.js': 'a' }), files: ['a.js'] });
    mkdirSync(dirname(entryPath(cache.dir, 'ac', keyB)), { recursive: true });
    writeFileSync(entryPath(cache.dir, 'ac', keyB), 'garbage');
    const temp = join(cache.dir, 'cas', sha256Hex('a').slice(0, 2), '.tmp-1-dead-1');
    writeFileSync(temp, 'half');
    const old = Date.now() / 1000 - 2 * 3600;
    utimesSync(temp, old, old);
    const result = await cache.prune({ maxBytes: 0 });
    expect(result).toMatchObject({ removedActions: 2, removedBlobs: 0, actions: 0, blobs: 1 });
    expect(readdirSync(join(cache.dir, 'cas', sha256Hex('a').slice(0, 2)))).toEqual([
      sha256Hex('a'),
    ]);
  });

  it('is a no-op on a cache that was never written', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    expect(await cache.stats()).toEqual({ actions: 0, blobs: 0, bytes: 0 });
    expect(await cache.prune({ maxBytes: 0 })).toMatchObject({ removedActions: 0, bytes: 0 });
  });
});
