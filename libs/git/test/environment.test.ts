import { cleanGitEnv, GitRepo } from '@mainline/git';
import { createTempRepo } from '@mainline/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('cleanGitEnv', () => {
  it('drops the variables that tie git to a repository, keeps the rest', () => {
    const env = {
      GIT_DIR: '/elsewhere/.git',
      GIT_WORK_TREE: '/elsewhere',
      GIT_INDEX_FILE: '/elsewhere/.git/index',
      GIT_OBJECT_DIRECTORY: '/o',
      GIT_ALTERNATE_OBJECT_DIRECTORIES: '/a',
      GIT_PREFIX: 'sub/',
      GIT_COMMON_DIR: '/c',
      GIT_NAMESPACE: 'ns',
      GIT_CEILING_DIRECTORIES: '/',
      GIT_CONFIG_PARAMETERS: "'core.bare'='true'",
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.bare',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_QUARANTINE_PATH: '/q',
      GIT_AUTHOR_NAME: 'kept',
      PATH: '/usr/bin',
      HOME: '/home/me',
    };
    expect(cleanGitEnv(env)).toEqual({
      GIT_AUTHOR_NAME: 'kept',
      PATH: '/usr/bin',
      HOME: '/home/me',
    });
    expect(env.GIT_DIR).toBe('/elsewhere/.git');
  });
});

describe('inside a git hook (GIT_DIR and friends set in process.env)', () => {
  it('still reads the repository at cwd, and writes nothing to the other one', async () => {
    const other = createTempRepo({ files: { 'other.txt': 'other' } });
    const repo = createTempRepo({ files: { 'mine.txt': 'mine' } });
    repo.write({ 'untracked.txt': 'u' });
    const otherIndex = other.git('ls-files', '--stage');
    const head = repo.head();
    vi.stubEnv('GIT_DIR', `${other.dir}/.git`);
    vi.stubEnv('GIT_WORK_TREE', other.dir);
    vi.stubEnv('GIT_INDEX_FILE', `${other.dir}/.git/index`);
    vi.stubEnv('GIT_CONFIG_PARAMETERS', "'mainline.trunk'='from-hook'");

    const git = await GitRepo.open(repo.dir);
    expect(git.root).toBe(repo.dir);
    expect(await git.resolveCommit('HEAD')).toBe(head);
    expect(await git.configGet('mainline.trunk')).toBeUndefined();
    const tree = await git.worktreeTree();
    expect([...(await git.listFiles(tree)).keys()].sort()).toEqual(['mine.txt', 'untracked.txt']);
    expect(await git.grepFiles('HEAD', 'mine')).toEqual(['mine.txt']);

    vi.unstubAllEnvs();
    expect(other.git('ls-files', '--stage')).toBe(otherIndex);
  });

  it('keeps the test helpers in their own repository too', () => {
    const other = createTempRepo({ files: { 'other.txt': 'other' } });
    vi.stubEnv('GIT_DIR', `${other.dir}/.git`);
    vi.stubEnv('GIT_INDEX_FILE', `${other.dir}/.git/index`);
    const repo = createTempRepo({ files: { 'mine.txt': 'mine' } });
    expect(repo.git('ls-files')).toBe('mine.txt');
    vi.unstubAllEnvs();
    expect(other.git('ls-files')).toBe('other.txt');
    expect(other.git('log', '--format=%s')).toBe('initial');
  });
});
