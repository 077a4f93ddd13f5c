import type { Target, Workspace } from '@mainline/core';

/** An in-memory workspace; OwnershipIndex does not care whether it came from a file. */
export function workspace(
  targets: Record<string, { srcs: string[]; tests?: string[] }>,
  globalInputs: string[] = [],
): Workspace {
  const map = new Map<string, Target>();
  for (const [name, t] of Object.entries(targets)) {
    map.set(name, { name, kind: 'lib', srcs: t.srcs, tests: t.tests ?? [], deps: [] });
  }
  return { version: 1, globalInputs, targets: map };
}

/** Globs, odd ones included, and paths on which glob matching must agree with picomatch. */
export const globs = [
  'a/**',
  'a/b/**',
  'a/**/*.ts',
  'a/*.ts',
  'a/b',
  '**',
  '**/*.md',
  '*',
  '.*',
  'a/{b,c}/**',
  'a/b*/**',
  'a/[bc]/x.ts',
  'a/+(b|c)/x.ts',
  'a/x?.ts',
  'a/!(b)/x.ts',
  'a/**/b/**',
  './a/**',
  'a//b',
  'a/./b/*',
  'a/',
  '!a/**',
  'a/!b/*',
  'a/(b)/x.ts',
  'ü/**/*.ts',
  'a b/**',
  '/**',
  '/a/*',
  '/a',
  'a/../a/*',
  '',
  '**/b',
  'a/**/b',
  '**/x.ts',
  '*/x.ts',
  '**/*.ts',
  '*.{md,ts}',
  '**/README.md',
  '**/.nvmrc',
  '**/c d.ts',
  'a/**/x1.ts',
  '**/*b',
  '**/b/',
  'a/*/x',
  '**/a/./x.ts',
];

export const paths = [
  'a',
  'a/b',
  'a/b/x.ts',
  'a/b/c/x.ts',
  'a/c/x.ts',
  'a/x.ts',
  'a/x1.ts',
  'a/.x.ts',
  'a/.b/x.ts',
  'a/bb/x',
  'ab/x.ts',
  'b/a/x.ts',
  'README.md',
  'a/README.md',
  '.nvmrc',
  'a/(b)/x.ts',
  'a/!b/y',
  'a/d/x.ts',
  'ü/é/x.ts',
  'a b/c d.ts',
  'b',
  'x.ts',
  'a/b/b',
  '.b',
];
