import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@mainline/test-utils';
import { describe, expect, it } from 'vitest';
import { findLinkEscape, linkProblem, resolveLinks } from '../../src/build/index.ts';
import { linkAt, repoBeside } from './fixture.ts';

/** A repository in `<temp>/repo` (files), with `<temp>/outside.ts` and `<temp>/outer/` beside it. */
function layout(files: Record<string, string>): { root: string; outside: string } {
  return repoBeside(files, { 'outside.ts': 'export const secret = 1;', 'outer/x.ts': '' });
}

describe('resolveLinks', () => {
  it('says plain for a file with no link on its way, there or not', () => {
    const { root } = layout({ 'libs/a/src/x.ts': '' });
    expect(resolveLinks(root, 'libs/a/src/x.ts')).toEqual({ kind: 'plain' });
    expect(resolveLinks(root, 'libs/a/src/missing.ts')).toEqual({ kind: 'plain' });
    expect(findLinkEscape(root, 'libs/a/src/x.ts')).toBeUndefined();
  });

  it('finds a link to a file outside, by absolute or relative text', () => {
    const { root, outside } = layout({});
    linkAt(root, 'libs/a/src/abs.ts', join(outside, 'outside.ts'));
    linkAt(root, 'libs/a/src/rel.ts', '../../../../outside.ts');
    for (const path of ['libs/a/src/abs.ts', 'libs/a/src/rel.ts']) {
      expect(findLinkEscape(root, path)).toMatchObject({
        path,
        target: join(outside, 'outside.ts'),
      });
    }
    expect(resolveLinks(root, 'libs/a/src/rel.ts')).toEqual({
      kind: 'outside',
      hops: [{ link: 'libs/a/src/rel.ts', text: '../../../../outside.ts' }],
      target: join(outside, 'outside.ts'),
    });
  });

  it('follows a chain of links, inside then out', () => {
    const { root, outside } = layout({ 'libs/a/src/z.ts': '' });
    linkAt(root, 'libs/a/src/x.ts', 'y.ts');
    linkAt(root, 'libs/a/src/y.ts', 'z.ts');
    expect(resolveLinks(root, 'libs/a/src/x.ts')).toEqual({
      kind: 'inside',
      hops: [
        { link: 'libs/a/src/x.ts', text: 'y.ts' },
        { link: 'libs/a/src/y.ts', text: 'z.ts' },
      ],
      real: 'libs/a/src/z.ts',
      exists: true,
      folder: false,
    });
    linkAt(root, 'libs/a/src/out.ts', 'far.ts');
    linkAt(root, 'libs/a/src/far.ts', join(outside, 'outside.ts'));
    expect(findLinkEscape(root, 'libs/a/src/out.ts')?.hops.map((hop) => hop.link)).toEqual([
      'libs/a/src/out.ts',
      'libs/a/src/far.ts',
    ]);
  });

  it('sees folder links on the way, inside and outside', () => {
    const { root, outside } = layout({ 'shared/x.ts': '' });
    linkAt(root, 'libs/a/src/shared', '../../../shared');
    linkAt(root, 'libs/a/src/outer', join(outside, 'outer'));
    expect(resolveLinks(root, 'libs/a/src/shared/x.ts')).toMatchObject({
      kind: 'inside',
      real: 'shared/x.ts',
      exists: true,
      folder: false,
    });
    expect(resolveLinks(root, 'libs/a/src/shared')).toMatchObject({ real: 'shared', folder: true });
    expect(findLinkEscape(root, 'libs/a/src/outer/x.ts')).toEqual({
      path: 'libs/a/src/outer/x.ts',
      hops: [{ link: 'libs/a/src/outer', text: join(outside, 'outer') }],
      target: join(outside, 'outer'),
    });
  });

  it('goes up from where a link really is, and out at a link to `..` of the root', () => {
    const { root } = layout({ 'libs/a/src/index.ts': '', 'other/deep/y.ts': '', 'other/y.ts': '' });
    linkAt(root, 'libs/a/src/up', '..');
    expect(resolveLinks(root, 'libs/a/src/up/src/index.ts')).toMatchObject({
      kind: 'inside',
      real: 'libs/a/src/index.ts',
    });
    // `deep/..` after the folder link `deep` is other/, not libs/a/src/.
    linkAt(root, 'libs/a/src/deep', '../../../other/deep');
    linkAt(root, 'libs/a/src/via.ts', 'deep/../y.ts');
    expect(resolveLinks(root, 'libs/a/src/via.ts')).toMatchObject({ real: 'other/y.ts' });
    linkAt(root, 'up', '..');
    expect(resolveLinks(root, 'up/outside.ts')).toMatchObject({ kind: 'outside' });
    expect(resolveLinks(root, '../outside.ts')).toMatchObject({ kind: 'outside', hops: [] });
  });

  it('reports dangling links and loops', () => {
    const { root } = layout({});
    linkAt(root, 'libs/a/src/gone.ts', 'missing.ts');
    expect(resolveLinks(root, 'libs/a/src/gone.ts')).toMatchObject({
      kind: 'inside',
      real: 'libs/a/src/missing.ts',
      exists: false,
    });
    linkAt(root, 'libs/a/src/nowhere.ts', '/nonexistent-mainline-dir/x.ts');
    expect(findLinkEscape(root, 'libs/a/src/nowhere.ts')?.target).toBe(
      '/nonexistent-mainline-dir/x.ts',
    );
    linkAt(root, 'libs/a/src/p.ts', 'q.ts');
    linkAt(root, 'libs/a/src/q.ts', 'p.ts');
    expect(resolveLinks(root, 'libs/a/src/p.ts')).toMatchObject({ kind: 'loop' });
  });

  it('takes an absolute link into the repository, through the root as given or its real path', () => {
    const { root, outside } = layout({ 'libs/b/y.ts': '' });
    const alias = join(makeTempDir('alias'), 'repo-alias');
    symlinkSync(root, alias);
    linkAt(root, 'libs/a/real.ts', join(root, 'libs/b/y.ts'));
    linkAt(root, 'libs/a/aliased.ts', join(alias, 'libs/b/y.ts'));
    expect(resolveLinks(root, 'libs/a/real.ts')).toMatchObject({ real: 'libs/b/y.ts' });
    expect(resolveLinks(alias, 'libs/a/aliased.ts')).toMatchObject({ real: 'libs/b/y.ts' });
    // From the root itself, the alias is a place outside that could be re-pointed.
    expect(resolveLinks(root, 'libs/a/aliased.ts')).toMatchObject({ kind: 'outside' });
    expect(outside).not.toBe(root);
  });
});

describe('linkProblem', () => {
  const fingerprinted = (path: string) => path.startsWith('libs/a/');

  it('names the link and where it leads outside, with the way there when it is long', () => {
    const { root, outside } = layout({});
    linkAt(root, 'libs/a/src/x.ts', join(outside, 'outside.ts'));
    linkAt(root, 'libs/a/src/chain.ts', 'x.ts');
    linkAt(root, 'libs/a/src/outer', join(outside, 'outer'));
    const target = join(outside, 'outside.ts');
    expect(linkProblem(root, 'libs/a/src/x.ts')).toMatchObject({
      file: 'libs/a/src/x.ts',
      message: `libs/a/src/x.ts is a symbolic link to ${target}, outside the repository`,
    });
    expect(linkProblem(root, 'libs/a/src/chain.ts')?.message).toBe(
      `libs/a/src/chain.ts leads to ${target} through libs/a/src/chain.ts -> x.ts, libs/a/src/x.ts -> ${target}, outside the repository`,
    );
    expect(linkProblem(root, 'libs/a/src/outer/x.ts')).toMatchObject({
      file: 'libs/a/src/outer',
      message: `libs/a/src/outer/x.ts leads to ${join(outside, 'outer')} through libs/a/src/outer -> ${join(outside, 'outer')}, outside the repository`,
    });
    expect(linkProblem(root, 'libs/a/src/x.ts')?.hint).toContain('by its text');
  });

  it('lets a link inside the repository lead only to files the fingerprint covers', () => {
    const { root } = layout({ 'libs/a/src/y.ts': '', 'shared/z.ts': '' });
    linkAt(root, 'libs/a/src/x.ts', 'y.ts');
    linkAt(root, 'libs/a/src/z.ts', '../../../shared/z.ts');
    linkAt(root, 'shared/hop.ts', '../libs/a/src/y.ts');
    linkAt(root, 'libs/a/src/hop.ts', '../../../shared/hop.ts');
    linkAt(root, 'libs/a/src/folder', '../../../shared');
    const policy = { fingerprinted, reader: 'libs/a' };
    expect(linkProblem(root, 'libs/a/src/x.ts', policy)).toBeUndefined();
    expect(linkProblem(root, 'libs/a/src/folder', policy)).toBeUndefined();
    expect(linkProblem(root, 'libs/a/src/z.ts', policy)).toMatchObject({
      file: 'libs/a/src/z.ts',
      message:
        'libs/a/src/z.ts is a symbolic link to ../../../shared/z.ts (shared/z.ts), which is not in the srcs of libs/a or of its deps',
      hint: expect.stringContaining('add "shared/z.ts" to the srcs of libs/a'),
    });
    expect(linkProblem(root, 'libs/a/src/hop.ts', policy)?.message).toContain(
      'and the link shared/hop.ts is not in the srcs of libs/a',
    );
    expect(linkProblem(root, 'libs/a/src/folder/z.ts', policy)?.message).toContain(
      'which is not in the srcs of libs/a',
    );
    // Without a policy only the way out is refused.
    expect(linkProblem(root, 'libs/a/src/z.ts')).toBeUndefined();
  });

  it('refuses a dangling link and a loop, and trusts what `plain` vouches for', () => {
    const { root, outside } = layout({});
    linkAt(root, 'libs/a/gone.ts', 'missing.ts');
    linkAt(root, 'libs/a/p.ts', 'q.ts');
    linkAt(root, 'libs/a/q.ts', 'p.ts');
    expect(linkProblem(root, 'libs/a/gone.ts')?.message).toBe(
      'libs/a/gone.ts is a symbolic link to missing.ts (libs/a/missing.ts), which does not exist',
    );
    expect(linkProblem(root, 'libs/a/p.ts')?.message).toMatch(
      /^libs\/a\/p\.ts is a symbolic link that never ends: libs\/a\/p\.ts -> q\.ts, /,
    );
    linkAt(root, 'libs/a/x.ts', join(outside, 'outside.ts'));
    expect(linkProblem(root, 'libs/a/x.ts', { plain: () => true })).toBeUndefined();
    expect(linkProblem(root, '../outside.ts')?.message).toBe(
      `${join(outside, 'outside.ts')} is outside the repository`,
    );
  });
});
