import { describe, expect, it } from 'vitest';
import { findTestLayout } from '../src/test-layout.ts';

describe('findTestLayout', () => {
  it.each([
    [
      'a top-level test/ folder',
      ['src/a.ts', 'test/a.test.ts', 'test/helpers.ts'],
      ['p/test/**'],
      ['p/test/a.test.ts', 'p/test/helpers.ts'],
    ],
    [
      'one __tests__ folder',
      ['src/a.ts', 'src/__tests__/a.test.ts'],
      ['p/src/__tests__/**'],
      ['p/src/__tests__/a.test.ts'],
    ],
    [
      'several __tests__ folders',
      ['src/a/__tests__/x.ts', 'src/b/c/__tests__/y.ts'],
      ['p/src/**/__tests__/**'],
      ['p/src/a/__tests__/x.ts', 'p/src/b/c/__tests__/y.ts'],
    ],
    [
      'tests beside sources',
      ['src/a.ts', 'src/a.test.ts', 'src/b/c.spec.tsx'],
      ['p/src/**/*.{spec,test}.{ts,tsx}'],
      ['p/src/a.test.ts', 'p/src/b/c.spec.tsx'],
    ],
    [
      'jest snapshots beside them',
      ['src/a.test.ts', 'src/__snapshots__/a.test.ts.snap'],
      ['p/src/__snapshots__/**', 'p/src/**/*.test.ts'],
      ['p/src/__snapshots__/a.test.ts.snap', 'p/src/a.test.ts'],
    ],
    ['no tests', ['src/a.ts', 'src/testing.ts', 'README.md'], [], []],
  ])('covers %s', (_layout, paths, tests, testFiles) => {
    const layout = findTestLayout('p', paths);
    expect(layout.tests).toEqual(tests);
    expect([...layout.testFiles].sort()).toEqual(testFiles);
  });

  it('says where the tests were found and how many', () => {
    const layout = findTestLayout('p', [
      'test/a.test.ts',
      'src/x.test.ts',
      'src/y.test.ts',
      'src/a/__tests__/x.ts',
      'src/b/__tests__/y.ts',
      'src/b/__tests__/z.ts',
    ]);
    expect(layout.places).toEqual([
      { type: 'beside', path: 'src/', files: 2 },
      { type: 'folder', path: 'src/**/__tests__/', files: 3 },
      { type: 'folder', path: 'test/', files: 1 },
    ]);
  });
});
