import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo } from '@mainline/git';
import { createTempRepo } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

describe('readFile', () => {
  it('reads a file at a commit and returns undefined for a missing file or a folder', async () => {
    const repo = createTempRepo({ files: { 'BUILD.json': '{"v":1}', 'libs/日本.ts': 'ü\n' } });
    const first = repo.head();
    repo.write({ 'BUILD.json': '{"v":2}' });
    repo.commit('v2');
    const git = await GitRepo.open(repo.dir);
    expect(await git.readFile(first, 'BUILD.json')).toBe('{"v":1}');
    expect(await git.readFile('HEAD', 'BUILD.json')).toBe('{"v":2}');
    expect(await git.readFile('HEAD', 'libs/日本.ts')).toBe('ü\n');
    expect(await git.readFile('HEAD', 'missing.json')).toBeUndefined();
    expect(await git.readFile('HEAD', 'libs')).toBeUndefined();
  });

  it('gives the blob id with the content, the same id git hashes', async () => {
    const repo = createTempRepo({ files: { 'BUILD.json': '{"v":1}' } });
    const git = await GitRepo.open(repo.dir);
    expect(await git.readFileWithId('HEAD', 'BUILD.json')).toEqual({
      oid: repo.git('rev-parse', 'HEAD:BUILD.json'),
      text: '{"v":1}',
    });
    expect(await git.readFileWithId('HEAD', 'missing.json')).toBeUndefined();
  });

  it('throws unknownRef for an unknown tree-ish rather than answering "absent"', async () => {
    const repo = createTempRepo({ files: { 'a.txt': 'a' } });
    const git = await GitRepo.open(repo.dir);
    await expect(git.readFile('nope', 'a.txt')).rejects.toMatchObject({ code: 'unknownRef' });
    await expect(git.readFile('--all', 'a.txt')).rejects.toMatchObject({ code: 'unknownRef' });
  });

  it('reads an empty file as an empty string', async () => {
    const repo = createTempRepo({ files: { 'empty.txt': '' } });
    expect(await (await GitRepo.open(repo.dir)).readFile('HEAD', 'empty.txt')).toBe('');
  });
});

describe('listFiles', () => {
  it('lists every file with mode and blob id, odd names exact', async () => {
    const repo = createTempRepo({
      files: { 'a.ts': 'a', 'libs/a/src/naïve file.ts': 'n', 'new\nline.ts': 'l' },
    });
    chmodSync(join(repo.dir, 'a.ts'), 0o755);
    repo.commit('executable');
    const git = await GitRepo.open(`${repo.dir}/libs`);
    const files = await git.listFiles('HEAD');
    expect([...files.keys()].sort()).toEqual(['a.ts', 'libs/a/src/naïve file.ts', 'new\nline.ts']);
    expect(files.get('a.ts')).toEqual({ mode: '100755', oid: repo.git('rev-parse', 'HEAD:a.ts') });
    expect(files.get('new\nline.ts')?.mode).toBe('100644');
    await expect(git.listFiles('nope')).rejects.toMatchObject({ code: 'unknownRef' });
  });
});

describe('readBlobs', () => {
  it('reads many blobs in one batch, by oid or by rev:path, multi-byte content exact', async () => {
    const contents = {
      'a.ts': 'plain',
      'b.ts': 'ünïcödé 日本\nline two\n',
      'empty.ts': '',
      'c d.ts': 'x'.repeat(100_000),
    };
    const repo = createTempRepo({ files: contents });
    const git = await GitRepo.open(repo.dir);
    const files = await git.listFiles('HEAD');
    const oids = [...files.values()].map((entry) => entry.oid);
    const blobs = await git.readBlobs([...oids, ...oids]);
    for (const [path, text] of Object.entries(contents)) {
      expect(blobs.get(files.get(path)?.oid ?? '')).toBe(text);
    }
    const byPath = await git.readBlobs(['HEAD:b.ts', 'HEAD:c d.ts']);
    expect(byPath.get('HEAD:b.ts')).toBe(contents['b.ts']);
    expect(byPath.get('HEAD:c d.ts')).toBe(contents['c d.ts']);
  });

  it('leaves out names that are missing or not blobs, and handles names with newlines', async () => {
    const repo = createTempRepo({ files: { 'a.ts': 'a', 'new\nline.ts': 'nl' } });
    const git = await GitRepo.open(repo.dir);
    const blobs = await git.readBlobs([
      'HEAD:a.ts',
      'HEAD:missing.ts',
      'HEAD^{tree}',
      '0000000000000000000000000000000000000000',
      'HEAD:new\nline.ts',
    ]);
    expect(Object.fromEntries(blobs)).toEqual({ 'HEAD:a.ts': 'a', 'HEAD:new\nline.ts': 'nl' });
    expect((await git.readBlobs([])).size).toBe(0);
  });
});

describe('grepFiles', () => {
  const files = {
    'libs/a/src/uses-react.ts': "import React from 'react';\n",
    'libs/a/src/uses-lodash.ts': "import { map } from 'lodash/fp';\n",
    'libs/b/src/naïve file.ts': "export * from 'react';\n",
    'libs/b/README.md': "mentions 'react' too\n",
  };

  it('lists matching paths without the tree-ish prefix', async () => {
    const repo = createTempRepo({ files });
    const git = await GitRepo.open(repo.dir);
    const pattern = `from '(react|lodash)(/[^']*)?'`;
    expect((await git.grepFiles('HEAD', pattern)).sort()).toEqual([
      'libs/a/src/uses-lodash.ts',
      'libs/a/src/uses-react.ts',
      'libs/b/src/naïve file.ts',
    ]);
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    expect(await git.grepFiles(tree, 'lodash')).toEqual(['libs/a/src/uses-lodash.ts']);
  });

  it('honours pathspecs, and returns [] when nothing matches', async () => {
    const repo = createTempRepo({ files });
    const git = await GitRepo.open(repo.dir);
    expect((await git.grepFiles('HEAD', 'react', ['libs/b'])).sort()).toEqual([
      'libs/b/README.md',
      'libs/b/src/naïve file.ts',
    ]);
    expect(await git.grepFiles('HEAD', 'react', ['*.md'])).toEqual(['libs/b/README.md']);
    expect(await git.grepFiles('HEAD', 'no such text anywhere')).toEqual([]);
  });

  it('takes patterns that start with a dash as patterns', async () => {
    const repo = createTempRepo({ files: { 'a.txt': '--all of it\n', 'b.txt': 'none\n' } });
    expect(await (await GitRepo.open(repo.dir)).grepFiles('HEAD', '--all')).toEqual(['a.txt']);
  });

  it('rejects unknown and option-like tree-ishes as unknown refs', async () => {
    const repo = createTempRepo({ files });
    const git = await GitRepo.open(repo.dir);
    await expect(git.grepFiles('nope', 'react')).rejects.toMatchObject({ code: 'unknownRef' });
    await expect(git.grepFiles('--no-index', 'react')).rejects.toMatchObject({
      code: 'unknownRef',
      message: expect.stringContaining('--no-index'),
    });
  });

  it('reports an invalid regular expression as a git failure', async () => {
    const repo = createTempRepo({ files });
    const git = await GitRepo.open(repo.dir);
    await expect(git.grepFiles('HEAD', '(unclosed')).rejects.toMatchObject({ code: 'gitFailed' });
  });
});
