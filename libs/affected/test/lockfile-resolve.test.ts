import { describe, expect, it } from 'vitest';
import { type Lockfile, resolvePackage } from '../src/lockfile/index.ts';
import { type Entries, lock, npm } from './lockfile-fixtures.ts';

function closure(l: Lockfile, fromDir: string, pkg: string): string {
  const resolution = resolvePackage(l, fromDir, pkg);
  if (resolution === undefined) throw new Error(`${pkg} does not resolve from ${fromDir}`);
  return resolution.closure;
}

describe('resolvePackage', () => {
  const workspaces: Entries = {
    'libs/a': { name: '@repo/a', version: '0.1.0', dependencies: { x: '^1', '@repo/b': '*' } },
    'libs/a/node_modules/x': npm('x', '2.0.0'),
    'libs/b': { name: '@repo/b', version: '0.1.0', dependencies: { x: '^1', y: '^1' } },
    'libs/b/node_modules/y': npm('y', '5.0.0'),
    'node_modules/@repo/a': { resolved: 'libs/a', link: true },
    'node_modules/@repo/b': { resolved: 'libs/b', link: true },
    'node_modules/x': npm('x', '1.0.0', { '@types/z': '^1' }),
    'node_modules/@types/z': npm('@types/z', '1.2.3'),
    'node_modules/y': npm('y', '1.0.0'),
  };
  const tree = lock(workspaces);

  it('finds a hoisted package from anywhere below the root', () => {
    expect(resolvePackage(tree, '', 'y')).toMatchObject({
      key: 'node_modules/y',
      version: '1.0.0',
    });
    expect(resolvePackage(tree, 'apps/web/src/deep', 'y')?.key).toBe('node_modules/y');
  });

  it('prefers node_modules nested under a workspace folder, for files in that folder only', () => {
    expect(resolvePackage(tree, 'libs/a/src', 'x')).toMatchObject({
      key: 'libs/a/node_modules/x',
      version: '2.0.0',
    });
    expect(resolvePackage(tree, 'libs/a', 'x')?.version).toBe('2.0.0');
    expect(resolvePackage(tree, 'libs/ab/src', 'x')?.version).toBe('1.0.0');
    expect(resolvePackage(tree, 'libs', 'x')?.version).toBe('1.0.0');
  });

  it('resolves scoped packages', () => {
    expect(resolvePackage(tree, 'libs/a/src', '@types/z')).toMatchObject({
      key: 'node_modules/@types/z',
      version: '1.2.3',
    });
  });

  it('resolves an import that lands on a workspace folder to no external package', () => {
    // @repo/b is a target of its own: what its dependencies resolve to is its business.
    expect(resolvePackage(tree, 'libs/a/src', '@repo/b')).toBeUndefined();
    expect(resolvePackage(tree, '', '@repo/a')).toBeUndefined();
    // ...while libs/b's files see its own y@5.
    expect(resolvePackage(tree, 'libs/b/src', 'y')?.version).toBe('5.0.0');
  });

  it('hashes a workspace folder a package depends on by its identity alone', () => {
    const withPlugin = (b: Record<string, unknown>) =>
      lock({
        ...workspaces,
        'libs/b': b,
        'node_modules/plugin': npm('plugin', '1.0.0', { '@repo/b': '*' }),
      });
    const before = closure(withPlugin(workspaces['libs/b'] ?? {}), '', 'plugin');
    const moreDeps = {
      name: '@repo/b',
      version: '0.1.0',
      dependencies: { x: '^1', y: '^1', z: '^1' },
    };
    expect(closure(withPlugin(moreDeps), '', 'plugin')).toBe(before);
    const bumped = { name: '@repo/b', version: '0.2.0', dependencies: { x: '^1', y: '^1' } };
    expect(closure(withPlugin(bumped), '', 'plugin')).not.toBe(before);
  });

  it('accepts the forms a folder may be given in', () => {
    for (const dir of ['libs/a/src/', './libs/a/src', 'libs\\a\\src']) {
      expect(resolvePackage(tree, dir, 'x')?.version).toBe('2.0.0');
    }
    expect(resolvePackage(tree, '.', 'x')?.version).toBe('1.0.0');
  });

  it('returns undefined for packages the lockfile does not have', () => {
    expect(resolvePackage(tree, 'libs/a/src', 'left-pad')).toBeUndefined();
    // A package nested under another package is invisible from outside it.
    const nested = lock({
      'node_modules/p': npm('p', '1.0.0'),
      'node_modules/p/node_modules/q': npm('q', '1.0.0'),
    });
    expect(resolvePackage(nested, 'src', 'q')).toBeUndefined();
  });

  it('resolves a link to a folder the lockfile does not list to no external package', () => {
    const dangling = lock({ 'node_modules/gone': { resolved: 'libs/gone', link: true } });
    expect(resolvePackage(dangling, 'src', 'gone')).toBeUndefined();
  });
});

describe('closures', () => {
  const base: Entries = {
    'node_modules/app-kit': npm('app-kit', '1.0.0', { mid: '^1', leaf: '^1' }),
    'node_modules/mid': npm('mid', '1.0.0', { leaf: '^2' }),
    'node_modules/mid/node_modules/leaf': npm('leaf', '2.0.0'),
    'node_modules/leaf': npm('leaf', '1.0.0'),
    'node_modules/other': npm('other', '3.0.0'),
  };

  it('changes with a transitive-only change, while the direct version stays', () => {
    const before = lock(base);
    const after = lock({ ...base, 'node_modules/mid/node_modules/leaf': npm('leaf', '2.0.1') });
    expect(resolvePackage(after, '', 'app-kit')?.version).toBe('1.0.0');
    expect(closure(after, '', 'app-kit')).not.toBe(closure(before, '', 'app-kit'));
    expect(closure(after, '', 'mid')).not.toBe(closure(before, '', 'mid'));
    expect(closure(after, '', 'leaf')).toBe(closure(before, '', 'leaf'));
    expect(closure(after, '', 'other')).toBe(closure(before, '', 'other'));
  });

  it('is the same when the same versions are hoisted differently', () => {
    const rehoisted = lock({
      'node_modules/app-kit': npm('app-kit', '1.0.0', { mid: '^1', leaf: '^1' }),
      'node_modules/app-kit/node_modules/leaf': npm('leaf', '1.0.0'),
      'node_modules/mid': npm('mid', '1.0.0', { leaf: '^2' }),
      'node_modules/leaf': npm('leaf', '2.0.0'),
      'node_modules/other': npm('other', '3.0.0'),
    });
    const before = lock(base);
    expect(closure(rehoisted, '', 'app-kit')).toBe(closure(before, '', 'app-kit'));
    expect(closure(rehoisted, '', 'mid')).toBe(closure(before, '', 'mid'));
    // ...while the hoisted `leaf` a root file sees did change.
    expect(resolvePackage(rehoisted, '', 'leaf')?.version).toBe('2.0.0');
  });

  it('changes when the same versions are wired differently', () => {
    // mid now gets leaf@1 and app-kit leaf@2: the same set of packages, another resolution.
    const swapped = lock({
      'node_modules/app-kit': npm('app-kit', '1.0.0', { mid: '^1', leaf: '^1' }),
      'node_modules/app-kit/node_modules/leaf': npm('leaf', '2.0.0'),
      'node_modules/mid': npm('mid', '1.0.0', { leaf: '^2' }),
      'node_modules/leaf': npm('leaf', '1.0.0'),
      'node_modules/other': npm('other', '3.0.0'),
    });
    expect(closure(swapped, '', 'app-kit')).not.toBe(closure(lock(base), '', 'app-kit'));
  });

  it('changes with integrity even when the version does not', () => {
    const republished = lock({
      ...base,
      'node_modules/leaf': { ...npm('leaf', '1.0.0'), integrity: 'sha512-new' },
    });
    expect(closure(republished, '', 'app-kit')).not.toBe(closure(lock(base), '', 'app-kit'));
  });

  it('ignores fields that do not change resolution', () => {
    const noisy = lock({
      ...base,
      'node_modules/mid': {
        ...npm('mid', '1.0.0', { leaf: '^2.0.3' }),
        license: 'ISC',
        engines: { node: '>=18' },
        funding: { url: 'https://example.com' },
        dev: true,
        bin: { mid: 'cli.js' },
        devDependencies: { typescript: '^5' },
      },
    });
    expect(closure(noisy, '', 'app-kit')).toBe(closure(lock(base), '', 'app-kit'));
  });

  it('terminates on dependency cycles and still sees changes inside them', () => {
    const cycle = (cVersion: string): Lockfile =>
      lock({
        'node_modules/a': npm('a', '1.0.0', { b: '^1' }),
        'node_modules/b': npm('b', '1.0.0', { c: '^1' }),
        'node_modules/c': npm('c', cVersion, { a: '^1' }),
      });
    const first = cycle('1.0.0');
    expect(closure(first, '', 'a')).toBe(closure(cycle('1.0.0'), '', 'a'));
    expect(closure(first, '', 'a')).not.toBe(closure(cycle('1.0.1'), '', 'a'));
    expect(closure(first, '', 'b')).not.toBe(closure(cycle('1.0.1'), '', 'b'));
    // Entering the cycle elsewhere gives another closure: the root differs.
    expect(closure(first, '', 'a')).not.toBe(closure(first, '', 'b'));
  });

  it('follows resolved peer and optional dependencies and tolerates missing ones', () => {
    const entries: Entries = {
      'node_modules/plugin': {
        ...npm('plugin', '1.0.0'),
        peerDependencies: { host: '^1', 'optional-peer': '*' },
        peerDependenciesMeta: { 'optional-peer': { optional: true } },
        optionalDependencies: { fsevents: '^2' },
      },
      'node_modules/host': npm('host', '1.0.0'),
    };
    const before = lock(entries);
    const hostBumped = lock({ ...entries, 'node_modules/host': npm('host', '1.1.0') });
    expect(closure(hostBumped, '', 'plugin')).not.toBe(closure(before, '', 'plugin'));
    const fseventsAdded = lock({ ...entries, 'node_modules/fsevents': npm('fsevents', '2.3.3') });
    expect(closure(fseventsAdded, '', 'plugin')).not.toBe(closure(before, '', 'plugin'));
  });

  it('tells an alias from the package it aliases', () => {
    const alias = lock({
      'node_modules/lodash': { ...npm('lodash-es', '4.17.21'), name: 'lodash-es' },
    });
    const real = lock({ 'node_modules/lodash': npm('lodash', '4.17.21') });
    expect(closure(alias, '', 'lodash')).not.toBe(closure(real, '', 'lodash'));
  });
});
