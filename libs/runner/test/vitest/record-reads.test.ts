import { describe, expect, it } from 'vitest';
import { runVitest, type TestIsolation } from '../../src/vitest/index.ts';
import { fixtureRoot, testFile } from './fixtures.ts';

/** Reads through every kind of fs call, and files that must not be recorded. */
const readsEverything =
  testFile(`import { createReadStream, openSync, closeSync, readFile, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { readFile as readFileAsync, open } from 'node:fs/promises';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
it('reads', async () => {
  expect(readFileSync(join(root, 'data/sync.txt'), 'utf8')).toBe('sync');
  expect(fs.readFileSync(new URL('../../../data/url.txt', import.meta.url), 'utf8')).toBe('url');
  await new Promise((done) => readFile(join(root, 'data/callback.txt'), done));
  expect(await readFileAsync(join(root, 'data/promise.txt'), 'utf8')).toBe('promise');
  await (await open(join(root, 'data/handle.txt'))).close();
  closeSync(openSync(join(root, 'data/opened.txt'), 'r'));
  await new Promise((done) => createReadStream(join(root, 'data/stream.txt')).on('close', done).resume());
  // Not reads of the repository: a write, a missing file's read is one, installed packages, state.
  writeFileSync(join(root, 'data/written.txt'), 'w');
  closeSync(openSync(join(root, 'data/opened-for-write.txt'), 'w'));
  expect(() => readFileSync(join(root, 'data/missing.txt'))).toThrow();
  readFileSync(join(root, 'node_modules/pkg/index.js'));
  readFileSync(join(root, '.state/db'));
});`);

const fixture = {
  'libs/a/test/a.test.ts': readsEverything,
  'libs/b/test/b.test.ts': testFile(`import { readFileSync } from 'node:fs';
const path = new URL('../../../data/sync.txt', import.meta.url);
it('reads a fixture', () => expect(readFileSync(path, 'utf8')).toBe('sync'));`),
  'libs/c/test/c.test.ts': testFile(`it('reads nothing', () => expect(1).toBe(1));`),
  'data/sync.txt': 'sync',
  'data/url.txt': 'url',
  'data/callback.txt': 'callback',
  'data/promise.txt': 'promise',
  'data/handle.txt': 'handle',
  'data/opened.txt': 'opened',
  'data/stream.txt': 'stream',
  'node_modules/pkg/index.js': '',
  '.state/db': '',
};

const files = [
  { file: 'libs/a/test/a.test.ts', target: 'libs/a' },
  { file: 'libs/b/test/b.test.ts', target: 'libs/b' },
  { file: 'libs/c/test/c.test.ts', target: 'libs/c' },
];

describe('runVitest with recordReads', () => {
  it.each<TestIsolation>(['thread', 'none'])(
    'gives each file and target the repository files it read (isolation %s)',
    async (isolation) => {
      const root = fixtureRoot(fixture);
      const result = await runVitest({
        root,
        files,
        retries: 0,
        isolation,
        maxWorkers: 1,
        recordReads: { ignore: ['.state'] },
      });
      expect(result.status).toBe('passed');
      expect(result.targets.map((t) => [t.target, t.reads])).toEqual([
        [
          'libs/a',
          [
            'data/callback.txt',
            'data/handle.txt',
            'data/missing.txt',
            'data/opened.txt',
            'data/promise.txt',
            'data/stream.txt',
            'data/sync.txt',
            'data/url.txt',
          ],
        ],
        ['libs/b', ['data/sync.txt']],
        ['libs/c', []],
      ]);
      expect(result.targets[1]?.files[0]?.reads).toEqual(['data/sync.txt']);
    },
  );

  it('records nothing unless asked', async () => {
    const root = fixtureRoot(fixture);
    const result = await runVitest({ root, files: files.slice(1), retries: 0 });
    expect(result.status).toBe('passed');
    expect(result.targets.map((t) => t.reads)).toEqual([undefined, undefined]);
    expect(result.targets[0]?.files[0]).not.toHaveProperty('reads');
  });
});
