import { MainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { resolvePackageImport, workspacePackages } from '../../src/build/index.ts';
import { manifest, repoWith, workspaceOf } from './fixture.ts';

describe('workspacePackages', () => {
  it('maps package names to targets and source entries', async () => {
    const root = repoWith({
      'libs/a/package.json': manifest('@x/a', { exports: { '.': './src/main.ts' } }),
      'libs/a/src/main.ts': '',
      'libs/b/package.json': manifest('@x/b', {
        exports: './dist/index.js',
        main: 'dist/index.js',
      }),
      'libs/b/src/index.ts': '',
      'libs/c/package.json': manifest('@x/c', { main: './lib/c.ts' }),
      'libs/d/package.json': manifest('@x/d', {
        exports: { '.': { types: './src/index.d.ts', import: './src/index.ts' } },
      }),
      'libs/e/package.json': manifest('@x/e', { module: 'src/e.tsx' }),
      'libs/f/package.json': manifest('@x/f', { exports: './dist/f.js' }),
      'libs/nameless/package.json': JSON.stringify({ private: true }),
      'libs/none/src/index.ts': '',
    });
    const workspace = workspaceOf({
      'libs/a': {},
      'libs/b': {},
      'libs/c': {},
      'libs/d': {},
      'libs/e': {},
      'libs/f': {},
      'libs/nameless': {},
      'libs/none': {},
    });
    const packages = await workspacePackages(root, workspace);
    const entries = Object.fromEntries(
      [...packages.values()].map((p) => [p.name, [p.target, p.entry]]),
    );
    expect(entries).toEqual({
      '@x/a': ['libs/a', 'libs/a/src/main.ts'],
      // exports points at a build output: the conventional source entry is used.
      '@x/b': ['libs/b', 'libs/b/src/index.ts'],
      '@x/c': ['libs/c', 'libs/c/lib/c.ts'],
      '@x/d': ['libs/d', 'libs/d/src/index.ts'],
      '@x/e': ['libs/e', 'libs/e/src/e.tsx'],
      // No source at all: a package, but no entry to resolve to.
      '@x/f': ['libs/f', undefined],
    });
  });

  it('resolves subpaths through exports, patterns, or the folder without exports', async () => {
    const root = repoWith({
      'libs/a/package.json': manifest('@x/a', {
        exports: {
          '.': './src/index.ts',
          './util': { import: './src/util.ts' },
          './features/*': './src/features/*.ts',
          './features/special/*': './src/special/*.ts',
          './package.json': './package.json',
        },
      }),
      'libs/a/src/index.ts': '',
      'libs/open/package.json': manifest('@x/open'),
      'libs/open/src/index.ts': '',
    });
    const packages = await workspacePackages(root, workspaceOf({ 'libs/a': {}, 'libs/open': {} }));
    const file = (specifier: string) => {
      const found = resolvePackageImport(packages, specifier);
      if (found === undefined) return 'not a workspace package';
      if (found.kind === 'file') return found.file;
      if (found.kind === 'path') return `path ${found.path}`;
      return `unresolved: ${found.message}`;
    };
    expect(file('@x/a')).toBe('libs/a/src/index.ts');
    expect(file('@x/a/util')).toBe('libs/a/src/util.ts');
    expect(file('@x/a/features/x/y')).toBe('libs/a/src/features/x/y.ts');
    expect(file('@x/a/features/special/z')).toBe('libs/a/src/special/z.ts');
    expect(file('@x/a/internal')).toMatch(/^unresolved: subpath '.\/internal' is not/);
    expect(file('@x/a/features/../secret')).toMatch(/^unresolved: subpath .* is not a valid path/);
    expect(file('@x/open/src/deep.ts')).toBe('path libs/open/src/deep.ts');
    expect(file('@x/other')).toBe('not a workspace package');
    expect(file('node:fs')).toBe('not a workspace package');
    expect(file('./relative')).toBe('not a workspace package');
  });

  it('reports every unreadable manifest and duplicated name at once', async () => {
    const root = repoWith({
      'libs/a/package.json': '{ not json',
      'libs/b/package.json': '[]',
      'libs/c/package.json': manifest('@x/same'),
      'libs/d/package.json': manifest('@x/same'),
      'libs/e/package.json': JSON.stringify({ name: 42 }),
    });
    const workspace = workspaceOf({
      'libs/a': {},
      'libs/b': {},
      'libs/c': {},
      'libs/d': {},
      'libs/e': {},
    });
    const error = await workspacePackages(root, workspace).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MainlineError);
    const { code, diagnostics } = error as MainlineError;
    expect(code).toBe('packageJsonInvalid');
    expect(diagnostics.map((d) => [d.file, d.message.replace(/:.*/s, '')])).toEqual([
      ['libs/a/package.json', 'is not valid JSON'],
      ['libs/b/package.json', 'package.json is not a JSON object'],
      ['libs/d/package.json', 'package "@x/same" is also libs/c'],
      ['libs/e/package.json', '"name" is not a string'],
    ]);
  });
});
