import { withGitFailed } from './errors.ts';
import type { GitRunner } from './git-runner.ts';
import { configValue } from './parse-config-list.ts';
import { startupCommands } from './startup-commands.ts';

/**
 * A repository's git config, read with as few git processes as possible: a key the
 * front door already asked (`config --get KEY`, see GitAnswers) is answered from that;
 * otherwise one `config -z --list` answers, read ahead while the repository opens when the
 * caller says which keys it will ask.
 */
export class RepoConfig {
  readonly #git: GitRunner;
  #listed: Promise<string> | undefined;

  constructor(git: GitRunner, readAhead?: Promise<string>) {
    this.#git = git;
    this.#listed = readAhead;
  }

  /**
   * The whole config, read now by `git` (any folder of the work tree will do), unless every
   * one of `keys` is answered already; its failure is seen by `get`, if ever asked.
   */
  static readAhead(git: GitRunner, keys: readonly string[]): Promise<string> | undefined {
    if (keys.every((key) => git.hasAnswer(getArgs(key)))) return undefined;
    const listed = readList(git);
    listed.catch(() => undefined);
    return listed;
  }

  /** The value `git config --get key` prints, undefined when unset. */
  async get(key: string): Promise<string | undefined> {
    const answered = this.#git.answered(getArgs(key));
    if (answered?.status === 0) return answered.stdout.replace(/\n$/, '');
    if (answered?.status === 1) return undefined; // git's "no such key"
    const listed = this.#listed ?? readList(this.#git);
    this.#listed = undefined; // a read-ahead answers once: the config may change
    return configValue(await listed, key);
  }
}

function getArgs(key: string): string[] {
  return startupCommands.configGet(key);
}

function readList(git: GitRunner): Promise<string> {
  return withGitFailed(git.quickText(['config', '-z', '--list']));
}
