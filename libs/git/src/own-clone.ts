import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MainlineError } from '@mainline/core';
import { gitFailed, withGitFailed } from './errors.ts';
import { GitCommandError } from './git-command-error.ts';
import { GitRunner } from './git-runner.ts';

/** Who the commits mainline makes in its own clone are by. */
const identity = ['-c', 'user.name=mainline', '-c', 'user.email=mainline@localhost'];

export type PushResult =
  | { readonly kind: 'pushed' }
  /** The remote refused a non-fast-forward (it moved): fetch and try again, never force. */
  | { readonly kind: 'rejected'; readonly reason: string };

export type RevertResult =
  | { readonly kind: 'reverted'; readonly sha: string }
  | { readonly kind: 'conflict'; readonly paths: readonly string[] };

/**
 * A clone mainline made for itself (the trunk loop's, under its state folder), whose work
 * tree, index and refs it may change at will. Never a person's checkout: nothing here runs
 * anywhere else. Every command is an argument array; refs come after `--end-of-options`.
 */
export class OwnClone {
  readonly dir: string;
  readonly #git: GitRunner;

  private constructor(dir: string, git: GitRunner) {
    this.dir = dir;
    this.#git = git;
  }

  /**
   * Opens the clone at `dir`, cloning `url` there first when it is not one yet. Its one
   * remote is `origin`, pointed at `url` (whatever the remote is called where the loop
   * started, and wherever it moved since): fetch and push go there.
   */
  static async at(dir: string, url: string, env: NodeJS.ProcessEnv): Promise<OwnClone> {
    const git = new GitRunner(dir, env);
    try {
      await git.text(['rev-parse', '--git-dir']);
      await withGitFailed(git.text(['remote', 'set-url', '--', 'origin', url]));
      return new OwnClone(dir, git);
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
    }
    mkdirSync(dirname(dir), { recursive: true });
    const parent = new GitRunner(dirname(dir), env);
    await withGitFailed(parent.text(['clone', '--quiet', '--no-checkout', '--', url, dir]));
    return new OwnClone(dir, git);
  }

  /**
   * Fetches `branch` from the remote into `refs/remotes/origin/<branch>`; returns its tip.
   * Throws `gitFailed` when the remote cannot be reached.
   */
  async fetch(branch: string): Promise<string> {
    const tracking = `refs/remotes/origin/${branch}`;
    await withGitFailed(
      this.#git.text([
        'fetch',
        '--quiet',
        '--no-tags',
        '--end-of-options',
        'origin',
        `+refs/heads/${branch}:${tracking}`,
      ]),
    );
    return (await withGitFailed(this.#git.text(['rev-parse', '--verify', tracking]))).trim();
  }

  /** The URL of one of the remotes of a repository (the one the loop started in). */
  static async remoteUrl(repoDir: string, remote: string, env: NodeJS.ProcessEnv): Promise<string> {
    const git = new GitRunner(repoDir, env);
    try {
      const url = (await git.text(['remote', 'get-url', '--end-of-options', remote])).trim();
      // A local path is relative to the repository, not to where the clone lives.
      return isLocalPath(url) ? resolve(repoDir, url) : url;
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      throw new MainlineError('unknownRef', `no remote named '${remote}' in ${repoDir}`, {
        hint: 'pass --remote NAME (see git remote -v), or set trunk.remote in mainline.json',
        cause: error,
      });
    }
  }

  /** Makes the work tree exactly `commit` (a full sha; detached), keeping node_modules. */
  async checkout(commit: string): Promise<void> {
    // git checkout takes no --end-of-options before a commit: only an object id goes there.
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) {
      throw new MainlineError('internal', `OwnClone.checkout wants a full sha, not '${commit}'`);
    }
    await withGitFailed(this.#git.text(['checkout', '--quiet', '--force', '--detach', commit]));
    await withGitFailed(this.#git.text(['clean', '-ffdxq', '-e', '/node_modules']));
  }

  /**
   * Reverts `culprit` on top of `onto` with `message`, as a new commit (detached, moving no
   * branch); on a conflict nothing is left behind and the conflicted paths are returned.
   */
  async revert(culprit: string, onto: string, message: string): Promise<RevertResult> {
    await this.checkout(onto);
    try {
      await this.#git.text([...identity, 'revert', '--no-commit', '--end-of-options', culprit]);
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      const status = await withGitFailed(
        this.#git.text(['diff', '--name-only', '--diff-filter=U', '-z']),
      );
      await this.#git.text(['revert', '--abort']).catch(() => undefined);
      await this.checkout(onto);
      const paths = status.split('\0').filter((path) => path !== '');
      if (paths.length === 0) throw gitFailed(error);
      return { kind: 'conflict', paths };
    }
    await withGitFailed(this.#git.text([...identity, 'commit', '--quiet', '-m', message]));
    const sha = (await withGitFailed(this.#git.text(['rev-parse', 'HEAD']))).trim();
    return { kind: 'reverted', sha };
  }

  /** Pushes `sha` to `refs/heads/<branch>` of the remote, fast-forward only (never forced). */
  async push(sha: string, branch: string): Promise<PushResult> {
    try {
      await this.#git.text([
        'push',
        '--quiet',
        '--porcelain',
        '--end-of-options',
        'origin',
        `${sha}:refs/heads/${branch}`,
      ]);
      return { kind: 'pushed' };
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      const text = `${error.stdout}\n${error.stderr}`;
      if (/\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first/.test(text)) {
        return { kind: 'rejected', reason: error.reason };
      }
      throw gitFailed(error);
    }
  }
}

/** Not `scheme://...` nor scp-like `host:path` (a colon before any slash). */
function isLocalPath(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return false;
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  return colon === -1 || (slash !== -1 && slash < colon);
}
