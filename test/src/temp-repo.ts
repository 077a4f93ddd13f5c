import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { repositorySettings } from '@mainline/tools';
import { gitSync } from './git-sync.ts';
import { makeTempDir } from './temp-dirs.ts';

export interface TempRepo {
  readonly dir: string;
  /** Writes files (paths relative to the repo, `/`-separated), creating folders. */
  write(files: Record<string, string>): void;
  remove(...paths: string[]): void;
  /** A plain file-system move; `commit` records it, and git detects the rename. */
  rename(from: string, to: string): void;
  /** Runs git in the repo; returns stdout without its final newline; throws with stderr. */
  git(...args: string[]): string;
  /** `git add -A` and commit (empty commits allowed, hooks skipped); returns the sha. */
  commit(message: string): string;
  head(): string;
}

export interface TempRepoOptions {
  readonly files?: Record<string, string>;
  /** Make an initial commit; default: when `files` are given. */
  readonly commit?: boolean;
}

/**
 * A fresh git repository in a temp folder, on branch `main`, with an identity, no
 * signing and no automatic gc; deleted after the test (see makeTempDir).
 */
export function createTempRepo(options: TempRepoOptions = {}): TempRepo {
  const dir = makeTempDir('repo');
  const repo = tempRepoAt(dir);
  repo.git('init', '--quiet', '--initial-branch=main');
  configureForTests(dir);
  if (options.files) repo.write(options.files);
  if (options.commit ?? options.files !== undefined) repo.commit('initial');
  return repo;
}

/**
 * The smallest repository with a change: one lib target `a`, and a last commit that
 * changes it (so `--base HEAD~1` affects `a`).
 */
export function createChangedRepo(): TempRepo {
  const repo = createTempRepo({
    files: {
      'BUILD.json': '{"version":1,"targets":{"a":{"kind":"lib","srcs":["a/**"]}}}',
      'a/x.ts': 'export {};',
    },
  });
  repo.write({ 'a/x.ts': 'export const x = 1;' });
  repo.commit('change a');
  return repo;
}

const testSettings = `[user]\n\tname = Mainline Test\n\temail = test@mainline.invalid\n${repositorySettings}`;

/**
 * Test settings for a repository the helpers made (also used for clones): appended to
 * its config file directly, one write instead of a git process per key.
 */
export function configureForTests(dir: string, options: { bare?: boolean } = {}): void {
  appendFileSync(join(dir, options.bare ? 'config' : '.git/config'), testSettings);
}

/** TempRepo helpers over an existing work tree (a clone, a worktree). */
export function tempRepoAt(dir: string): TempRepo {
  const inside = (path: string): string => {
    const full = resolve(dir, path);
    const rel = relative(dir, full);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new Error(`path '${path}' is not inside the temp repo ${dir}`);
    }
    return full;
  };
  const git = (...args: string[]): string => gitSync(dir, args);
  return {
    dir,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const full = inside(path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    },
    remove(...paths) {
      for (const path of paths) rmSync(inside(path), { recursive: true, force: true });
    },
    rename(from, to) {
      const target = inside(to);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(inside(from), target);
    },
    git,
    commit(message) {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '--no-verify', '--message', message);
      return git('rev-parse', 'HEAD');
    },
    head: () => git('rev-parse', 'HEAD'),
  };
}
