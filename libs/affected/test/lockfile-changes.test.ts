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
    // @repo/web, a workspace that depends on react, is no package its importers resolve.
    expect(sorted(possiblyChangedPackages(lock(base), head))).toEqual([
      'js-tokens',
      'loose-envify',
      'react',
      'react-dom',
      'scheduler',
    ]);
  });

  it('leaves out the workspace whose dependency changed: its importers resolve no package', () => {
    const head = lock({ ...base, 'libs/ui/node_modules/clsx': npm('clsx', '2.1.0') });
    expect(sorted(possiblyChangedPackages(lock(base), head))).toEqual(['clsx']);
    expect(resolvePackage(lock(base), 'libs/web/src', '@repo/ui')).toBeUndefined();
    expect(resolvePackage(head, 'libs/web/src', '@repo/ui')).toBeUndefined();
    expect(resolvePackage(head, 'libs/ui/src', 'clsx')?.closure).not.toBe(
      resolvePackage(lock(base), 'libs/ui/src', 'clsx')?.closure,
    );
  });

  it('lists added and removed packages', () => {
    const head: Entries = { ...base, 'node_modules/@scope/new': npm('@scope/new', '1.0.0') };
    delete head['node_modules/lodash'];
    expect(sorted(possiblyChangedPackages(lock(base), lock(head)))).toEqual([
      '@scope/new',
      'lodash',
    ]);
  });

  it("lists no workspace whose dependency list changed, but a package that depends on one's version", () => {
    const ui = (version: string, dependencies: Record<string, string>) => ({
      ...base,
      'libs/ui': { name: '@repo/ui', version, dependencies },
      'node_modules/ui-plugin': npm('ui-plugin', '1.0.0', { '@repo/ui': '*' }),
    });
    const before = lock(ui('0.1.0', { clsx: '^2' }));
    const moreDeps = lock(ui('0.1.0', { clsx: '^2', lodash: '^4' }));
    expect(sorted(possiblyChangedPackages(before, moreDeps))).toEqual([]);
    const bumped = lock(ui('0.2.0', { clsx: '^2' }));
    expect(sorted(possiblyChangedPackages(before, bumped))).toEqual(['ui-plugin']);
    const plugin = (l: Lockfile) => resolvePackage(l, 'libs/web/src', 'ui-plugin')?.closure;
    expect(plugin(bumped)).not.toBe(plugin(before));
    expect(plugin(moreDeps)).toBe(plugin(before));
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
    const react = (l: Lockfile): string | undefined =>
      resolvePackage(l, 'libs/web/src', 'react')?.closure;
    expect(react(after)).toBe(react(before));
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
