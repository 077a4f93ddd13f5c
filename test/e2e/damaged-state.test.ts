import { spawnSync } from 'node:child_process';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createWorkspaceRepo,
  helperGitEnv,
  makeTempDir,
  runCli,
  type TempRepo,
} from '../src/index.ts';

/** Damaged state only costs work: it is moved aside, kept, said once, and the run goes on. */

const dbWarning = /^mainline: warning: (\S+) was damaged \((.+)\): moved it aside to (\S+) /gm;
const folderWarning = /^mainline: warning: (\S+) was not a folder: moved it aside to (\S+) and/gm;

/** `[damaged path, moved-aside path]` of each warning of `kind` in stderr. */
function movedAside(stderr: string, kind: 'db' | 'folder'): [string, string][] {
  const pattern = kind === 'db' ? dbWarning : folderWarning;
  return [...stderr.matchAll(pattern)].map((match) =>
    kind === 'db' ? [match[1] ?? '', match[3] ?? ''] : [match[1] ?? '', match[2] ?? ''],
  );
}

/** `mainline test` (of every target, or the ones named) must end green: its stderr. */
async function testAll(
  repo: TempRepo,
  targets: readonly string[] = ['--all'],
  env: Record<string, string> = {},
): Promise<string> {
  const result = await runCli(['test', ...targets, '--no-typecheck'], { cwd: repo.dir, env });
  expect(result.stderr).not.toContain('internal error');
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/passed/);
  return result.stderr;
}

describe('damaged state', () => {
  it('a damaged mainline.db is moved aside with its bytes, and `test` goes on with a fresh store', async () => {
    const repo = createWorkspaceRepo();
    expect((await runCli(['build', 'libs/a', '--no-typecheck'], { cwd: repo.dir })).code).toBe(0);
    const damages: Record<string, (db: string) => void> = {
      'garbage bytes': (db) => writeFileSync(db, 'garbage '.repeat(1000)),
      'a truncated file': (db) => truncateSync(db, Math.floor(statSync(db).size / 2)),
      'a zeroed header': (db) => {
        const bytes = readFileSync(db);
        bytes.fill(0, 0, 100);
        writeFileSync(db, bytes);
      },
      'damaged pages, found by a query': (db) => {
        const bytes = readFileSync(db);
        bytes.fill(0xa5, 4096); // every page but the schema's
        writeFileSync(db, bytes);
      },
      'a folder': (db) => {
        rmSync(db);
        mkdirSync(db);
        writeFileSync(join(db, 'inside'), 'kept');
      },
    };
    // Each case in a copy of the state (MAINLINE_HOME), all at once: each reruns one test file.
    await Promise.all(
      Object.entries(damages).map(async ([damage, apply]) => {
        const state = join(makeTempDir('state'), 'state');
        cpSync(join(repo.dir, '.mainline'), state, { recursive: true });
        const db = join(state, 'mainline.db');
        apply(db);
        const original = damage === 'a folder' ? undefined : readFileSync(db);
        const stderr = await testAll(repo, ['libs/a'], { MAINLINE_HOME: state });
        const moved = movedAside(stderr, 'db');
        expect(moved, damage).toHaveLength(1);
        const [from, to] = moved[0] ?? ['', ''];
        expect(from).toBe(db);
        expect(to).toMatch(/mainline\.db\.damaged-\d{8}T\d{6}Z$/);
        if (original) expect(readFileSync(to), damage).toEqual(original);
        else expect(readFileSync(join(to, 'inside'), 'utf8')).toBe('kept');
        expect(readFileSync(db).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      }),
    );
  });

  it('the state folder or a folder in it that is not a folder is moved aside and made again; a link to a folder is a folder', async () => {
    const repo = createWorkspaceRepo();
    const state = join(repo.dir, '.mainline');
    writeFileSync(state, 'a file');
    const [[from, to] = ['', '']] = movedAside(await testAll(repo), 'folder');
    expect(from).toBe(state);
    expect(to).toMatch(/\/\.mainline\.damaged-\d{8}T\d{6}Z$/);
    expect(readFileSync(to, 'utf8')).toBe('a file');
    expect(lstatSync(state).isDirectory()).toBe(true);

    const names = ['tmp', 'out', 'cache', 'compiled', 'fingerprints'];
    for (const name of names) {
      rmSync(join(state, name), { recursive: true, force: true });
      writeFileSync(join(state, name), `was ${name}`);
    }
    const moved = new Map(movedAside(await testAll(repo), 'folder'));
    expect([...moved.keys()].sort()).toEqual(names.map((name) => join(state, name)).sort());
    for (const name of names) {
      expect(readFileSync(moved.get(join(state, name)) ?? '', 'utf8')).toBe(`was ${name}`);
      expect(statSync(join(state, name)).isDirectory()).toBe(true);
    }

    // State pointed elsewhere through a link: used as it is, nothing moved.
    const elsewhere = join(makeTempDir('state'), 'state');
    renameSync(state, elsewhere);
    symlinkSync(elsewhere, state);
    expect(await testAll(repo)).not.toContain('warning');
    expect(lstatSync(state).isSymbolicLink()).toBe(true);
  });

  it('a damaged mainline.db does not block `git push` through the pre-push hook', async () => {
    const repo = createWorkspaceRepo();
    const bare = makeTempDir('remote');
    spawnSync('git', ['init', '--quiet', '--bare', bare], { env: helperGitEnv() });
    repo.git('remote', 'add', 'origin', bare);
    repo.git('push', '--quiet', 'origin', 'main');
    expect((await runCli(['hook', 'install'], { cwd: repo.dir })).code).toBe(0);
    const db = join(repo.dir, '.mainline', 'mainline.db');
    mkdirSync(join(repo.dir, '.mainline'));
    writeFileSync(db, 'garbage '.repeat(1000));
    // A test-only change: it affects libs/a alone, which the hook builds and tests.
    repo.write({
      'libs/a/test/more.test.ts': "import { it } from 'vitest';\n\nit('runs', () => {});\n",
    });
    repo.commit('one more test');
    const push = spawnSync('git', ['push', 'origin', 'main'], {
      cwd: repo.dir,
      env: helperGitEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(push.stderr).toContain(`mainline: warning: ${db} was damaged (file is not a database)`);
    expect(push.status).toBe(0);
    expect(repo.git('ls-remote', 'origin', 'main').split('\t')[0]).toBe(repo.head());
    const [[, to] = ['', '']] = movedAside(push.stderr, 'db');
    expect(readFileSync(to, 'utf8')).toBe('garbage '.repeat(1000));
  });
});
