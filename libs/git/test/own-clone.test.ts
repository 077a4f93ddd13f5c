import { execFileSync } from 'node:child_process';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepo, OwnClone } from '@mainline/git';
import { createTempRepo, helperGitEnv, makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';

describe('OwnClone, the trunk loop clone', () => {
  it('clones, fetches, reverts on top of a tip, and pushes fast-forward only, whatever the remote is called', async () => {
    const work = createTempRepo({ files: { 'a.txt': 'one\n', 'b.txt': 'b\n' } });
    const bare = makeTempDir('remote');
    execFileSync('git', ['init', '--quiet', '--bare', bare], { env: helperGitEnv() });
    work.git('remote', 'add', 'upstream', bare);
    work.write({ 'a.txt': 'two\n' });
    const culprit = work.commit('change a');
    work.write({ 'b.txt': 'b2\n' });
    work.commit('change b');
    work.git('push', '--quiet', 'upstream', 'main');

    const url = await OwnClone.remoteUrl(work.dir, 'upstream', helperGitEnv());
    const dir = join(makeTempDir('state'), 'clone');
    const clone = await OwnClone.at(dir, url, helperGitEnv());
    const tip = await clone.fetch('main');
    expect(tip).toBe(work.head());
    const reverted = await clone.revert(
      culprit,
      tip,
      'Revert "change a"\n\nThis reverts commit x.',
    );
    expect(reverted.kind).toBe('reverted');
    const sha = reverted.kind === 'reverted' ? reverted.sha : '';
    const repo = await GitRepo.open(clone.dir);
    expect(await repo.readFile(sha, 'a.txt')).toBe('one\n');
    expect(await repo.readFile(sha, 'b.txt')).toBe('b2\n');
    expect((await repo.commitInfos([sha]))[0]).toMatchObject({
      parents: [tip],
      subject: 'Revert "change a"',
    });

    // Someone pushes first: the revert is refused, never forced.
    work.write({ 'c.txt': 'c\n' });
    work.commit('someone else');
    work.git('push', '--quiet', 'upstream', 'main');
    expect(await clone.push(sha, 'main')).toMatchObject({ kind: 'rejected' });
    const moved = await clone.fetch('main');
    expect(moved).toBe(work.head());
    const again = await clone.revert(culprit, moved, 'Revert "change a"');
    expect(again.kind).toBe('reverted');
    expect(await clone.push(again.kind === 'reverted' ? again.sha : '', 'main')).toEqual({
      kind: 'pushed',
    });
    expect(work.git('ls-remote', 'upstream', 'refs/heads/main').split('\t')[0]).toBe(
      again.kind === 'reverted' ? again.sha : '',
    );

    // The remote moves: the clone, opened again, follows it.
    const movedBare = join(makeTempDir('moved'), 'remote.git');
    renameSync(bare, movedBare);
    work.git('remote', 'set-url', 'upstream', movedBare);
    const reopened = await OwnClone.at(
      dir,
      await OwnClone.remoteUrl(work.dir, 'upstream', helperGitEnv()),
      helperGitEnv(),
    );
    expect(await reopened.fetch('main')).toBe(again.kind === 'reverted' ? again.sha : '');
  });

  it('gives up a revert that conflicts, leaving the work tree at the tip', async () => {
    const work = createTempRepo({ files: { 'a.txt': 'one\n' } });
    const culprit = (() => {
      work.write({ 'a.txt': 'two\n' });
      return work.commit('two');
    })();
    work.write({ 'a.txt': 'three\n' });
    const tip = work.commit('three');
    const clone = await OwnClone.at(join(makeTempDir('state'), 'clone'), work.dir, helperGitEnv());
    await clone.fetch('main');
    expect(await clone.revert(culprit, tip, 'Revert "two"')).toEqual({
      kind: 'conflict',
      paths: ['a.txt'],
    });
    const repo = await GitRepo.open(clone.dir);
    expect(await repo.resolveCommit('HEAD')).toBe(tip);
  });
});
