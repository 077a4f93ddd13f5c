import { join } from 'node:path';
import { GitAnswers, GitRepo } from '@mainline/git';
import { createTempRepo } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

/** A transcript as bin/mainline's ask_git writes it. */
function answer(args: string[], status: number, output: string): string {
  return `answer\n${args.length}\n${args.join('\n')}\n${status}\n${output}\0`;
}
function stream(args: string[], output: string, status: number | string): string {
  return `stream\n${args.length}\n${args.join('\n')}\n${output}\n${status}`;
}
function answers(transcript: string, cwd = '/repo'): GitAnswers {
  return GitAnswers.parse(Buffer.from(transcript), cwd);
}

describe('GitAnswers', () => {
  it('answers each command asked, once, by its exact arguments', () => {
    const given = answers(
      answer(['rev-parse', '--show-toplevel'], 0, '/repo\n') +
        answer(['config', '--get', 'mainline.trunk'], 1, '') +
        stream(['diff-tree', '-z', 'a', 'b'], 'M\0a b\nc.ts\0', 0),
    );
    expect(given.take(['rev-parse', '--show-toplevel'])).toEqual({ status: 0, stdout: '/repo\n' });
    expect(given.take(['rev-parse', '--show-toplevel'])).toBeUndefined();
    expect(given.take(['rev-parse'])).toBeUndefined();
    expect(given.has(['config', '--get', 'mainline.trunk'])).toBe(true);
    expect(given.take(['config', '--get', 'mainline.trunk'])).toEqual({ status: 1, stdout: '' });
    expect(given.take(['diff-tree', '-z', 'a', 'b'])).toEqual({
      status: 0,
      stdout: 'M\0a b\nc.ts\0',
    });
  });

  it('keeps the records before one that is not whole, and nothing after', () => {
    const whole = answer(['rev-parse', 'HEAD'], 0, 'abc');
    const cut = answers(whole + answer(['config', '--get', 'x'], 0, 'v').slice(0, -1));
    expect(cut.has(['rev-parse', 'HEAD'])).toBe(true);
    expect(cut.has(['config', '--get', 'x'])).toBe(false);
    // A stream whose git was stopped before its status was written.
    const stopped = answers(whole + stream(['diff-tree', 'a', 'b'], 'M\0x\0', '').slice(0, -1));
    expect(stopped.has(['diff-tree', 'a', 'b'])).toBe(false);
    expect(answers('garbage\n1\nx\n').has(['x'])).toBe(false);
    expect(answers('').has(['x'])).toBe(false);
  });
});

describe('GitRepo with answers', () => {
  it('takes the answers asked from its folder instead of running git', async () => {
    const repo = createTempRepo({ commit: true });
    // An answer no real git would give shows it was used.
    const own = ['rev-parse', '--show-toplevel', '--git-path', 'index'];
    const given = answers(
      answer(own, 0, '/answered/root\n.git/index\n') +
        answer(['config', '--get', 'mainline.trunk'], 0, 'develop\n'),
      repo.dir,
    );
    const opened = await GitRepo.open(repo.dir, { answers: given, readConfig: ['mainline.trunk'] });
    expect(opened.root).toBe('/answered/root');
    expect(await opened.configGet('mainline.trunk')).toBe('develop');
    // Answered once: the next question goes to git, in the root it was told.
    await expect(opened.configGet('mainline.trunk')).rejects.toThrow(/answered\/root/);
  });

  it('asks git when the answers come from another folder, or say git failed', async () => {
    const repo = createTempRepo({ files: { 'sub/x.ts': 'x' } });
    const own = ['rev-parse', '--show-toplevel', '--git-path', 'index'];
    const elsewhere = answers(answer(own, 0, '/answered/root\n.git/index\n'), repo.dir);
    const fromSub = await GitRepo.open(join(repo.dir, 'sub'), { answers: elsewhere });
    expect(fromSub.root).toBe(repo.dir);
    const failed = answers(answer(own, 128, ''), repo.dir);
    expect((await GitRepo.open(repo.dir, { answers: failed })).root).toBe(repo.dir);
  });

  it('reads a config value as git printed it, trailing newlines and all', async () => {
    const repo = createTempRepo({ commit: true });
    const given = answers(
      answer(['config', '--get', 'mainline.trunk'], 0, 'release\n\n'),
      repo.dir,
    );
    const opened = await GitRepo.open(repo.dir, { answers: given, readConfig: ['mainline.trunk'] });
    expect(await opened.configGet('mainline.trunk')).toBe('release\n');
  });

  it('reads an unset config key answered by git as unset', async () => {
    const repo = createTempRepo({ commit: true });
    repo.git('config', 'mainline.trunk', 'develop');
    const given = answers(answer(['config', '--get', 'mainline.trunk'], 1, ''), repo.dir);
    const opened = await GitRepo.open(repo.dir, { answers: given, readConfig: ['mainline.trunk'] });
    expect(await opened.configGet('mainline.trunk')).toBeUndefined();
  });
});
