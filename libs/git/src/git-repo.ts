import { resolve } from 'node:path';
import { type CommitSummary, commitStat, commitSummaries } from './commit-summaries.ts';
import type { FileChange } from '@mainline/core';
import { MainlineError } from '@mainline/core';
import {
  gitFailed,
  noCommits,
  noMergeBase,
  shallowClone,
  unknownRef,
  unknownRefInShallowClone,
  withGitFailed,
} from './errors.ts';
import type { GitAnswers } from './git-answers.ts';
import { GitCommandError } from './git-command-error.ts';
import { GitRunner } from './git-runner.ts';
import { readObjects, readTrees } from './objects.ts';
import { type TreeEntry, parseLsTree } from './parse-ls-tree.ts';
import { parseNameStatus } from './parse-name-status.ts';
import { type ProbedRange, parseProbe, type RangeProbe } from './range-probe.ts';
import { RepoConfig } from './repo-config.ts';
import { openLines } from './open-lines.ts';
import { plainDiff, startupCommands } from './startup-commands.ts';
import { worktreeTree } from './worktree-tree.ts';
import { type CommitInfo, commitInfos, firstParentLine, isAncestor } from './history.ts';
import { commitTree, type MergeResult, mergeTrees } from './merge-objects.ts';
import { grepFiles } from './grep-files.ts';

export interface OpenOptions {
  /** The environment git child processes derive theirs from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * A range to resolve while the work tree is being found, by the same git process;
   * `takeProbedRange` answers it. A probe git cannot answer plainly is dropped.
   */
  readonly probe?: RangeProbe;
  /**
   * Config keys `configGet` will be asked for: unless they are all answered already, the
   * config is read while opening, in parallel, and the next `configGet` answered from it.
   */
  readonly readConfig?: readonly string[];
  /**
   * Git's answers given before this process started (see GitAnswers), used when they
   * were asked from `cwd`.
   */
  readonly answers?: GitAnswers;
}

export interface BlobText {
  readonly oid: string;
  readonly text: string;
}

/**
 * One git work tree, read through plumbing commands. Refs given by users are passed
 * after `--end-of-options` or on stdin, never where git could read them as options.
 */

export class GitRepo {
  readonly root: string;
  private readonly git: GitRunner;
  private readonly indexPath: string;

  private readonly config: RepoConfig;
  private probed: ProbedRange | undefined;

  private constructor(root: string, git: GitRunner, indexPath: string, config: RepoConfig) {
    this.root = root;
    this.git = git;
    this.indexPath = indexPath;
    this.config = config;
  }

  /** The work tree containing `cwd`. */
  static async open(cwd: string, options: OpenOptions = {}): Promise<GitRepo> {
    const env = options.env ?? process.env;
    const { probe } = options;
    const answers = options.answers?.cwd === resolve(cwd) ? options.answers : undefined;
    let readAhead: Promise<string> | undefined;
    let lines: string[];
    let here: GitRunner;
    try {
      here = new GitRunner(cwd, env, answers);
      // The config reads from any folder of the work tree: no need to wait for its root.
      readAhead = RepoConfig.readAhead(here, options.readConfig ?? []);
      lines = await openLines(here, probe);
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      throw new MainlineError(
        'notGitRepo',
        `${cwd} is not inside a git work tree (${error.reason})`,
        {
          hint: 'run mainline inside a git checkout, or point at one with -C DIR',
          cause: error,
        },
      );
    }
    const [root, indexPath, ...probeLines] = lines;
    if (!root || !indexPath)
      throw new Error(`unexpected rev-parse output ${JSON.stringify(lines)}`);
    // Most runs start at the root: its runner is the one already made.
    const runner = resolve(cwd) === root ? here : new GitRunner(root, env, answers);
    const config = new RepoConfig(runner, readAhead);
    const repo = new GitRepo(root, runner, resolve(cwd, indexPath), config);
    if (probe !== undefined && probeLines.length > 0) repo.probed = parseProbe(probeLines, probe);
    return repo;
  }

  /**
   * The range probed while opening (see OpenOptions.probe), once: refs move, and a
   * repository object may outlive the question.
   */
  takeProbedRange(): ProbedRange | undefined {
    const probed = this.probed;
    this.probed = undefined;
    return probed;
  }

  /** The full sha of the commit `ref` names. */
  async resolveCommit(ref: string): Promise<string> {
    try {
      // Not --quiet: a silent failure would cost simple-git's 50 ms idle wait.
      const args = ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`];
      return (await this.git.text(args)).trim();
    } catch (error) {
      throw await this.explainUnknown(ref, this.refError(ref, error));
    }
  }

  /** An unknown ref in a shallow clone or an empty repository has a better hint. */
  private async explainUnknown(ref: string, failure: unknown): Promise<unknown> {
    if (!(failure instanceof MainlineError) || failure.code !== 'unknownRef') return failure;
    if (await this.isShallow()) return unknownRefInShallowClone(ref, failure);
    if ((await this.resolveCommits(['HEAD']))[0] === undefined) return noCommits(ref, failure);
    return failure;
  }

  /**
   * Full shas of several refs, read by one git process; undefined for a ref that names
   * no commit. Callers on the hot path resolve everything they need in one round trip.
   */
  async resolveCommits(refs: readonly string[]): Promise<(string | undefined)[]> {
    const names = refs.map((ref) => `${ref}^{commit}`);
    const objects = await readObjects(this.git, names);
    return names.map((name) => {
      const object = objects.get(name);
      return object?.type === 'commit' ? object.oid : undefined;
    });
  }

  /** The tree a commit (or tree-ish) names. */
  async treeOf(treeish: string): Promise<string> {
    const name = `${treeish}^{tree}`;
    const object = (await readObjects(this.git, [name])).get(name);
    if (object?.type !== 'tree') throw await this.explainUnknown(treeish, unknownRef(treeish));
    return object.oid;
  }

  /** The best common ancestor of two commits. */
  async mergeBase(a: string, b: string): Promise<string> {
    try {
      return (await this.git.text(['merge-base', '--end-of-options', a, b])).trim();
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      if (error.exitCode !== 1) {
        // Name the culprit: resolveCommit throws unknownRef for the one git did not know.
        await Promise.all([this.resolveCommit(a), this.resolveCommit(b)]);
        throw gitFailed(error);
      }
      if (await this.isShallow()) throw shallowClone(a, b, error);
      throw noMergeBase(a, b, error);
    }
  }

  /**
   * The folder git runs hooks from: `core.hooksPath` when set, else the hooks folder of
   * the repository (shared by linked worktrees), as `git rev-parse --git-path hooks` says.
   */
  async hooksDir(): Promise<string> {
    const output = await withGitFailed(this.git.text(['rev-parse', '--git-path', 'hooks']));
    return resolve(this.root, output.trim());
  }

  /** Checks `commit` out, detached, in a new linked worktree at `dir` (a fresh folder). */
  async addWorktree(dir: string, commit: string): Promise<void> {
    await withGitFailed(this.git.text(['worktree', 'add', '--detach', '--quiet', dir, commit]));
  }

  /** The folders of the linked worktrees (not the main one), as git records them. */
  async linkedWorktrees(): Promise<string[]> {
    const output = await withGitFailed(this.git.text(['worktree', 'list', '--porcelain', '-z']));
    const folders = output
      .split('\0')
      .filter((field) => field.startsWith('worktree '))
      .map((field) => field.slice('worktree '.length));
    return folders.slice(1);
  }

  /** Removes a linked worktree and its administrative files, changes and all. */
  async removeWorktree(dir: string): Promise<void> {
    await withGitFailed(this.git.text(['worktree', 'remove', '--force', dir]));
  }

  /** See mergeTrees: the merge of `theirs` into `ours`, without a work tree. */
  async mergeTree(ours: string, theirs: string): Promise<MergeResult> {
    return mergeTrees(this.git, ours, theirs);
  }

  /** See commitTree: a commit object made by mainline; it moves no ref. */
  async commitTree(tree: string, parents: readonly string[], message: string): Promise<string> {
    return commitTree(this.git, tree, parents, message);
  }

  /** See firstParentLine: trunk's own commits after `from` up to `to`, oldest first. */
  async firstParentLine(from: string | undefined, to: string): Promise<string[]> {
    return firstParentLine(this.git, from, to);
  }

  /** Parents, time, subject and message of each commit. */
  async commitInfos(shas: readonly string[]): Promise<CommitInfo[]> {
    return commitInfos(this.git, shas);
  }

  /** Author, time and subject of each commit present here, in one `git log`. */
  async commitSummaries(shas: readonly string[]): Promise<CommitSummary[]> {
    return commitSummaries(this.git, shas);
  }

  /** `git show --stat` of one commit. */
  async commitStat(sha: string): Promise<string> {
    return commitStat(this.git, sha);
  }

  /** Whether `ancestor` is `descendant` or one of its ancestors. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return isAncestor(this.git, ancestor, descendant);
  }

  async isShallow(): Promise<boolean> {
    const output = await withGitFailed(this.git.text(['rev-parse', '--is-shallow-repository']));
    return output.trim() === 'true';
  }

  /** The value `git config --get key` prints, undefined when unset. */
  async configGet(key: string): Promise<string | undefined> {
    return this.config.get(key);
  }

  /**
   * Tree sha of the working tree: tracked and untracked-not-ignored files, staged or
   * not. Built in a temporary copy of the index; the real index and the working tree
   * are never modified.
   */
  async worktreeTree(): Promise<string> {
    return withGitFailed(worktreeTree(this.git, this.indexPath));
  }

  /**
   * Changes from `base` to `head` (commits or trees), renames detected (`-M`, with
   * git's default similarity), copies reported as added files.
   */
  async diff(base: string, head: string): Promise<FileChange[]> {
    const { trees } = await readTrees(this.git, [base, head]);
    // The trees go through --stdin, where git echoes each pair before its changes: the
    // output is never empty, which spares simple-git's idle wait when nothing changed.
    const args = ['diff-tree', '--stdin', '-r', '-z', '--name-status', '-M', ...plainDiff];
    const output = await withGitFailed(this.git.text(args, { input: `${trees.join(' ')}\n` }));
    return parseNameStatus(output.slice(output.indexOf('\n') + 1));
  }

  /** `diff` for two commit ids (as resolveCommits and mergeBase return them): one git process. */
  async diffCommits(base: string, head: string): Promise<FileChange[]> {
    const output = await withGitFailed(this.git.quickText(startupCommands.diff(base, head)));
    return parseNameStatus(output);
  }

  /** Content of `path` at a tree-ish, undefined when there is no such file. */
  async readFile(treeish: string, path: string): Promise<string | undefined> {
    return (await this.readFileWithId(treeish, path))?.text;
  }

  /** Content and blob id of `path` at a tree-ish: the id names the content, for caches. */
  async readFileWithId(treeish: string, path: string): Promise<BlobText | undefined> {
    const { extra } = await readTrees(this.git, [treeish], [`${treeish}:${path}`]);
    const file = extra[0];
    return file?.type === 'blob'
      ? { oid: file.oid, text: file.content.toString('utf8') }
      : undefined;
  }

  /** Every file of a tree-ish with its mode and blob (or submodule commit) id. */
  /**
   * The paths of the working tree's files as a snapshot would hold them (tracked and not
   * deleted, or untracked and not ignored), without hashing any: listing is all that
   * checking BUILD.json's globs needs, and hashing 70,000 files costs twice as much.
   */
  async worktreePaths(): Promise<string[]> {
    // Spawned directly: simple-git (its load, queue and plugins) cost more than the two
    // listings on a 1,000-package tree (mainline init, graph).
    const list = (args: readonly string[]) =>
      withGitFailed(this.git.spawnText(['ls-files', '-z', ...args], {}));
    const [listed, deleted] = await Promise.all([
      list(['--cached', '--others', '--exclude-standard']),
      list(['--deleted']),
    ]);
    const gone = new Set(deleted.split('\0'));
    // An unmerged path is listed once per stage.
    const paths = new Set(listed.split('\0').filter((path) => path !== '' && !gone.has(path)));
    return [...paths];
  }

  async listFiles(treeish: string): Promise<Map<string, TreeEntry>> {
    try {
      const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', treeish];
      return parseLsTree(await this.git.text(args));
    } catch (error) {
      throw this.refError(treeish, error);
    }
  }

  /**
   * Contents of blobs by object name (an oid, or `treeish:path`), read by one
   * `git cat-file --batch`. Names that are not blobs are absent from the result.
   */
  async readBlobs(names: readonly string[]): Promise<Map<string, string>> {
    const blobs = new Map<string, string>();
    for (const [name, { text }] of await this.readBlobsWithIds(names)) blobs.set(name, text);
    return blobs;
  }

  /** readBlobs, each with its blob id: the id names the content, for caches. */
  async readBlobsWithIds(names: readonly string[]): Promise<Map<string, BlobText>> {
    const objects = await readObjects(this.git, [...new Set(names)]);
    const blobs = new Map<string, BlobText>();
    for (const [name, object] of objects) {
      if (object.type === 'blob') {
        blobs.set(name, { oid: object.oid, text: object.content.toString('utf8') });
      }
    }
    return blobs;
  }

  /** See grepFiles: paths at a tree-ish whose content matches an extended regex. */
  async grepFiles(
    treeish: string,
    pattern: string,
    pathspecs: readonly string[] = [],
  ): Promise<string[]> {
    return grepFiles(this.git, treeish, pattern, pathspecs);
  }

  /** An unknown ref when git said so (or refused the name), otherwise a git failure. */
  private refError(ref: string, error: unknown): MainlineError | unknown {
    if (!(error instanceof GitCommandError)) return error;
    if (error.exitCode === undefined || error.exitCode === 128) return unknownRef(ref, error);
    return gitFailed(error);
  }
}
