import { describe, expect, it } from 'vitest';
import { type Lockfile, possiblyChangedPackages, resolvePackage } from '../src/lockfile/index.ts';
import { type Entries, lock, npm } from './lockfile-fixtures.ts';

function sorted(names: Set<string>): string[] {
  return [...names].sort();
}

const base: Entries = {
  'libs/web': {
    name: '@repo/web',
    version: '0.1.0',
    dependencies: { react: '^18', '@repo/ui': '*' },
  },
  'libs/ui': { name: '@repo/ui', version: '0.1.0', dependencies: { clsx: '^2' } },
  'libs/ui/node_modules/clsx': npm('clsx', '2.0.0'),
  'node_modules/@repo/ui': { resolved: 'libs/ui', link: true },
  'node_modules/@repo/web': { resolved: 'libs/web', link: true },
  'node_modules/react': npm('react', '18.2.0', { 'loose-envify': '^1' }),
  'node_modules/react-dom': npm('react-dom', '18.2.0', {
    'loose-envify': '^1',
    scheduler: '^0.23',
  }),
  'node_modules/loose-envify': npm('loose-envify', '1.4.0', { 'js-tokens': '^4' }),
  'node_modules/js-tokens': npm('js-tokens', '4.0.0'),
  'node_modules/scheduler': npm('scheduler', '0.23.0', { 'loose-envify': '^1' }),
  'node_modules/clsx': npm('clsx', '1.2.1'),
  'node_modules/lodash': npm('lodash', '4.17.21'),
};

describe('possiblyChangedPackages', () => {
  it('is empty for identical lockfiles', () => {
    expect(possiblyChangedPackages(lock(base), lock(base)).size).toBe(0);
  });

  it('ignores the root project and fields that do not affect resolution', () => {
    const noisy = lock(
      {
        ...base,
        'node_modules/lodash': {
          ...npm('lodash', '4.17.21'),
          license: 'MIT',
          engines: { node: '*' },
        },
      },
      { name: 'renamed', version: '2.0.0', devDependencies: { typescript: '^5' } },
    );
    expect(possiblyChangedPackages(lock(base), noisy).size).toBe(0);
  });

  it('adds the dependents of a transitive-only change, transitively, and nothing else', () => {
    const head = lock({ ...base, 'node_modules/js-tokens': npm('js-tokens', '4.0.1') });
    // @repo/web is a workspace that depends on react.
    expect(sorted(possiblyChangedPackages(lock(base), head))).toEqual([
      '@repo/web',
      'js-tokens',
      'loose-envify',
      'react',
      'react-dom',
      'scheduler',
    ]);
  });

  it('reaches importers of a workspace package through its link name', () => {
    const head = lock({ ...base, 'libs/ui/node_modules/clsx': npm('clsx', '2.1.0') });
    const changed = possiblyChangedPackages(lock(base), head);
    expect(sorted(changed)).toEqual(['@repo/ui', '@repo/web', 'clsx']);
    const before = resolvePackage(lock(base), 'libs/web/src', '@repo/ui');
    expect(resolvePackage(head, 'libs/web/src', '@repo/ui')?.closure).not.toBe(before?.closure);
  });

  it('lists added and removed packages', () => {
    const head: Entries = { ...base, 'node_modules/@scope/new': npm('@scope/new', '1.0.0') };
    delete head['node_modules/lodash'];
    expect(sorted(possiblyChangedPackages(lock(base), lock(head)))).toEqual([
      '@scope/new',
      'lodash',
    ]);
  });

  it('lists a workspace whose dependency list changed', () => {
    const head = lock({
      ...base,
      'libs/ui': { name: '@repo/ui', version: '0.1.0', dependencies: { clsx: '^2', lodash: '^4' } },
    });
    expect(sorted(possiblyChangedPackages(lock(base), head))).toEqual(['@repo/ui', '@repo/web']);
  });

  it('over-approximates re-hoisting, which the closures then show to be no change', () => {
    const rehoisted: Entries = { ...base };
    delete rehoisted['libs/ui/node_modules/clsx'];
    delete rehoisted['node_modules/clsx'];
    rehoisted['node_modules/clsx'] = npm('clsx', '2.0.0');
    rehoisted['node_modules/react/node_modules/clsx'] = npm('clsx', '1.2.1');
    const before = lock(base);
    const after = lock(rehoisted);
    expect(possiblyChangedPackages(before, after).has('clsx')).toBe(true);
    const ui = (l: Lockfile): string | undefined =>
      resolvePackage(l, 'libs/web/src', '@repo/ui')?.closure;
    expect(ui(after)).toBe(ui(before));
    expect(resolvePackage(after, 'libs/ui/src', 'clsx')?.closure).toBe(
      resolvePackage(before, 'libs/ui/src', 'clsx')?.closure,
    );
  });

  it('terminates on cycles of dependents', () => {
    const cyclic = (version: string): Lockfile =>
      lock({
        'node_modules/a': npm('a', '1.0.0', { b: '^1' }),
        'node_modules/b': npm('b', '1.0.0', { a: '^1', c: '^1' }),
        'node_modules/c': npm('c', version),
        'node_modules/d': npm('d', '1.0.0'),
      });
    expect(sorted(possiblyChangedPackages(cyclic('1.0.0'), cyclic('1.0.1')))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
