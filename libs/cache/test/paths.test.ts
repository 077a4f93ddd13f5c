import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { type ActionResult, entryPath, openLocalCache } from '../src/index.ts';
import { encodeManifest } from '../src/manifest.ts';
import { keyA, writeTree } from './helpers.ts';

/** An action whose one output is `path`, with its blob really stored. */
async function actionWithPath(path: string) {
  const cache = openLocalCache(makeTempDir('state'));
  const good = await cache.store(keyA, { rootDir: writeTree({ 'x.js': 'evil' }), files: ['x.js'] });
  const [output] = good.outputs;
  if (output === undefined) throw new Error('no output');
  const action: ActionResult = { ...good, outputs: [{ ...output, path }] };
  return { cache, action };
}

const unsafe = ['../evil.js', 'dist/../../evil.js', '/tmp/evil.js', 'C:/evil.js', 'a\\..\\b'];

describe('paths that leave their folder', () => {
  it('are refused when storing', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const rootDir = writeTree({ 'dist/a.js': 'a' });
    for (const path of [...unsafe, 'dist/./a.js', 'dist//a.js', '']) {
      await expect(cache.store(keyA, { rootDir, files: [path] }), path).rejects.toMatchObject({
        code: 'cacheUnsafePath',
      });
    }
    await expect(
      cache.store(keyA, { rootDir, files: ['dist/a.js', 'dist/a.js'] }),
    ).rejects.toMatchObject({ code: 'cacheUnsafePath', message: expect.stringContaining('twice') });
  });

  it('in a manifest make it a corrupt miss, even with a valid checksum', async () => {
    for (const path of unsafe) {
      const { cache, action } = await actionWithPath(path);
      writeFileSync(entryPath(cache.dir, 'ac', keyA), encodeManifest(action));
      const result = await cache.lookup(keyA);
      expect(result, path).toMatchObject({ kind: 'miss', reason: 'corrupt' });
      expect(result.kind === 'miss' && result.detail).toContain('unsafe output');
    }
  });

  it('are refused by restore before anything is written', async () => {
    const outside = makeTempDir('outside');
    const into = join(outside, 'into');
    for (const path of unsafe) {
      const { cache, action } = await actionWithPath(path);
      await expect(cache.restore(action, into), path).rejects.toMatchObject({
        code: 'cacheUnsafePath',
      });
    }
    expect(readdirSync(outside)).toEqual([]);
  });

  it('never follow a symlinked folder inside the target folder', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const action = await cache.store(keyA, {
      rootDir: writeTree({ 'dist/a.js': 'a' }),
      files: ['dist/a.js'],
    });
    const outside = makeTempDir('outside');
    const into = makeTempDir('into');
    symlinkSync(outside, join(into, 'dist'));
    await expect(cache.restore(action, into)).rejects.toMatchObject({
      code: 'cacheUnsafePath',
      message: expect.stringContaining('dist is a symbolic link'),
    });
    expect(readdirSync(outside)).toEqual([]);
  });

  it('replace a symlink at a file path instead of writing through it', async () => {
    const cache = openLocalCache(makeTempDir('state'));
    const action = await cache.store(keyA, {
      rootDir: writeTree({ 'dist/a.js': 'cached' }),
      files: ['dist/a.js'],
    });
    const outside = writeTree({ 'target.js': 'precious' });
    const into = makeTempDir('into');
    mkdirSync(join(into, 'dist'));
    symlinkSync(join(outside, 'target.js'), join(into, 'dist/a.js'));
    await cache.restore(action, into);
    expect(lstatSync(join(into, 'dist/a.js')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(into, 'dist/a.js'), 'utf8')).toBe('cached');
    expect(readFileSync(join(outside, 'target.js'), 'utf8')).toBe('precious');
  });
});
