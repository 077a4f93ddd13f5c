import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  configureForTests,
  gitPush,
  helperGitEnv,
  makeTempDir,
  runCli,
  tempRepoAt,
} from '../src/index.ts';

/**
 * Names that, as `.mainline/out/<name>`, point outside the outputs folder: '../..' once
 * made a plain `mainline test` delete the whole repository, '../../../victim' a folder
 * beside it. With an ordinary target first, each on its own 6 lines of BUILD.json.
 */
const hostile = ['../../../victim', '../..', '..', '.', 'a//b', 'tab\there'];
const messages = [
  "target name '../../../victim' has a '..' segment",
  "target name '../..' has a '..' segment",
  "target name '..' has a '..' segment",
  "target name '.' has a '.' segment",
  "target name 'a//b' has an empty segment ('//' or a trailing '/')",
  "target name 'tab\\u0009here' contains a control character (U+0009)",
];
const errorLines = messages.map((message, i) => `BUILD.json:${10 + 6 * i}:5: error: ${message}`);

function buildJson(names: readonly string[]): string {
  const targets: Record<string, unknown> = {};
  for (const name of ['libs/ok', ...names]) targets[name] = { kind: 'lib', srcs: ['libs/ok/**'] };
  return `${JSON.stringify({ version: 1, targets }, null, 2)}\n`;
}

/** Every file under `dir` with its content: what must not change. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = readFileSync(path, 'utf8');
    }
  }
  return files;
}

describe('target names that are not folder-like paths', () => {
  it('make every command that reads BUILD.json exit 2 before doing anything, the pre-push hook included', async () => {
    const root = makeTempDir('hostile-names');
    const dir = join(root, 'repo');
    mkdirSync(dir);
    const repo = tempRepoAt(dir);
    repo.git('init', '--quiet', '--initial-branch=main');
    configureForTests(dir);
    repo.write({ 'BUILD.json': buildJson([]), 'libs/ok/src/index.ts': 'export const ok = 1;\n' });
    repo.commit('an ordinary target');
    const remote = join(root, 'remote.git');
    execFileSync('git', ['init', '--quiet', '--bare', remote], { env: helperGitEnv() });
    repo.git('remote', 'add', 'origin', remote);
    repo.git('push', '--quiet', 'origin', 'main');
    expect((await runCli(['hook', 'install'], { cwd: dir })).code).toBe(0);
    repo.write({ 'BUILD.json': buildJson(hostile) });
    repo.commit('targets named like paths out of .mainline/out');

    // Bait beside the repository, and in the state folder (outputs, and beside them).
    const victim = join(root, 'victim');
    const baits = {
      [join(victim, 'keep.txt')]: 'outside the repository\n',
      [join(victim, 'deeper/keep.txt')]: 'further down\n',
      [join(dir, '.mainline/.gitignore')]: '*\n',
      [join(dir, '.mainline/bait/keep.txt')]: 'in the state folder\n',
      [join(dir, '.mainline/out/libs/ok/keep.txt')]: "another target's outputs\n",
    };
    for (const [path, content] of Object.entries(baits)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    const before = { victim: snapshot(victim), state: snapshot(join(dir, '.mainline')) };
    expect(Object.keys(before.victim)).toHaveLength(2);
    const head = repo.head();

    for (const args of [
      ['graph'],
      ['affected', '--base', 'HEAD~1'],
      ['why', 'libs/ok', '--base', 'HEAD~1'],
      ['build'],
      ['test'],
      ['build', '--all', '--no-typecheck'],
    ]) {
      const result = await runCli(args, { cwd: dir });
      expect([args, result.code]).toEqual([args, 2]);
      for (const line of errorLines) expect(result.stderr).toContain(line);
      expect(result.stderr).toContain('(6 problems)');
      expect(result.stderr).toContain("hint: names are folder-like paths such as 'libs/graph'");
      expect(result.stderr).not.toMatch(/internal|^\s+at /m);
    }
    const json = await runCli(['test', '--all', '--json'], { cwd: dir });
    expect(json.code).toBe(2);
    const document = JSON.parse(json.stdout) as {
      error: { code: string; diagnostics: { code: string; line: number; message: string }[] };
    };
    expect(document.error.code).toBe('buildFileInvalid');
    expect(document.error.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual(
      messages.map((message, i) => ['badName', 10 + 6 * i, message]),
    );

    const pushed = gitPush(dir, 'origin', 'main');
    expect(pushed.code).not.toBe(0);
    for (const line of errorLines) expect(pushed.stderr).toContain(line);
    expect(pushed.stderr).toContain('failed to push');
    expect(repo.git('ls-remote', 'origin', 'refs/heads/main').split('\t')[0]).not.toBe(head);

    expect(snapshot(victim)).toEqual(before.victim);
    expect(snapshot(join(dir, '.mainline'))).toMatchObject(before.state);
    expect(repo.head()).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});

describe('a BUILD.json over 32 MiB', () => {
  it('is refused unread, with exit 2 and its size', async () => {
    const dir = makeTempDir('huge-build-file');
    const repo = tempRepoAt(dir);
    repo.git('init', '--quiet', '--initial-branch=main');
    configureForTests(dir);
    writeFileSync(join(dir, 'BUILD.json'), ' '.repeat(33 * 1024 * 1024));
    const result = await runCli(['graph'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'BUILD.json:1:1: error: 33.0 MiB is more than the 32.0 MiB mainline reads',
    );
    expect(result.stderr).toContain(
      'mainline: BUILD.json is too large to read: 33.0 MiB, over 32.0 MiB',
    );
  });
});
