import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileWorkspace, OwnershipIndex } from '../src/index.ts';
import { globs, paths, workspace } from './glob-grid.ts';
import { compileGlob } from '../src/glob-matcher.ts';

// Both ways of answering: scanning every glob, and the glob index.
const modes = [
  ['scan', { indexAfter: Number.POSITIVE_INFINITY }],
  ['index', { indexAfter: 0 }],
] as const;

describe.each(modes)('OwnershipIndex.owners (%s)', (_mode, options) => {
  const index = OwnershipIndex.build(
    workspace({
      'libs/a': { srcs: ['libs/a/src/**'], tests: ['libs/a/test/**/*.test.ts'] },
      'libs/ab': { srcs: ['libs/ab/**'] },
      'libs/a-b': { srcs: ['libs/a-b/src/**'] },
      'libs/mixed': { srcs: ['libs/mixed/**'], tests: ['libs/mixed/**/*.test.ts'] },
      docs: { srcs: ['**/*.md', 'README'] },
      'my lib': { srcs: ['libs/my lib/**'], tests: ['libs/my lib/tëst/*.test.ts'] },
      'libs/ü': { srcs: ['libs/ü/src/**/*.{ts,tsx}'] },
    }),
    options,
  );

  it('finds the owning target and role', () => {
    expect(index.owners('libs/a/src/x.ts')).toEqual([{ target: 'libs/a', role: 'src' }]);
    expect(index.owners('libs/a/src/deep/er/x.ts')).toEqual([{ target: 'libs/a', role: 'src' }]);
    expect(index.owners('libs/a/test/unit/x.test.ts')).toEqual([
      { target: 'libs/a', role: 'test' },
    ]);
  });

  it('returns no owner for unowned files', () => {
    expect(index.owners('libs/a/test/helper.ts')).toEqual([]);
    expect(index.owners('libs/a/package.json')).toEqual([]);
    expect(index.owners('package.json')).toEqual([]);
    expect(index.owners('libs')).toEqual([]);
  });

  it('does not confuse folders sharing a prefix', () => {
    expect(index.owners('libs/ab/x.ts')).toEqual([{ target: 'libs/ab', role: 'src' }]);
    expect(index.owners('libs/a-b/src/x.ts')).toEqual([{ target: 'libs/a-b', role: 'src' }]);
    expect(index.owners('libs/a/srcx/x.ts')).toEqual([]);
    expect(index.owners('libs/abc/x.ts')).toEqual([]);
  });

  it("says 'test' when both srcs and tests match: a test file is never a source", () => {
    expect(index.owners('libs/mixed/x.test.ts')).toEqual([{ target: 'libs/mixed', role: 'test' }]);
    expect(index.owners('libs/mixed/x.ts')).toEqual([{ target: 'libs/mixed', role: 'src' }]);
  });

  it('lists every owner of overlapping globs, in file order', () => {
    expect(index.owners('libs/ab/README.md')).toEqual([
      { target: 'libs/ab', role: 'src' },
      { target: 'docs', role: 'src' },
    ]);
    expect(index.owners('README.md')).toEqual([{ target: 'docs', role: 'src' }]);
    expect(index.owners('README')).toEqual([{ target: 'docs', role: 'src' }]);
    expect(index.owners('README.txt')).toEqual([]);
  });

  it('treats dotfiles like any other file', () => {
    expect(index.owners('libs/a/src/.env')).toEqual([{ target: 'libs/a', role: 'src' }]);
    expect(index.owners('libs/a/src/.hidden/x.ts')).toEqual([{ target: 'libs/a', role: 'src' }]);
    expect(index.owners('.github/.notes.md')).toEqual([{ target: 'docs', role: 'src' }]);
    expect(index.owners('libs/a/test/.x.test.ts')).toEqual([{ target: 'libs/a', role: 'test' }]);
  });

  it('handles spaces and non-ASCII names', () => {
    expect(index.owners('libs/my lib/a b.ts')).toEqual([{ target: 'my lib', role: 'src' }]);
    expect(index.owners('libs/my lib/tëst/ü.test.ts')).toEqual([
      { target: 'my lib', role: 'test' },
    ]);
    expect(index.owners('libs/ü/src/日本/x.tsx')).toEqual([{ target: 'libs/ü', role: 'src' }]);
    expect(index.owners('libs/ü/src/x.js')).toEqual([]);
    expect(index.owners('libs/u/src/x.ts')).toEqual([]);
  });

  it('can be asked the same question twice (matchers are cached)', () => {
    expect(index.owners('libs/a/test/x.test.ts')).toEqual(index.owners('libs/a/test/x.test.ts'));
    expect(index.owners('libs/a/test/x.ts')).toEqual([]);
  });
});

const negations = workspace({
  'libs/a': {
    srcs: ['libs/a/**', '!libs/a/**/*.test.ts', '!libs/a/gen/**', 'libs/a/gen/keep.ts'],
    tests: ['libs/a/**/*.test.ts', '!libs/a/fixtures/**'],
  },
  'libs/b': { srcs: ['libs/**', '!libs/a/**'] },
});

describe.each([
  ...modes.map(([mode, options]) => [mode, OwnershipIndex.build(negations, options)] as const),
  ['compiled', OwnershipIndex.fromCompiled(compileWorkspace(negations))] as const,
])('negated globs (%s)', (_mode, index) => {
  it('take back what the globs before them matched; a later glob adds back', () => {
    expect(index.owners('libs/a/src/x.ts')).toEqual([{ target: 'libs/a', role: 'src' }]);
    expect(index.owners('libs/a/src/x.test.ts')).toEqual([{ target: 'libs/a', role: 'test' }]);
    expect(index.owners('libs/a/gen/out.ts')).toEqual([]);
    expect(index.owners('libs/a/gen/keep.ts')).toEqual([{ target: 'libs/a', role: 'src' }]);
    // Out of the tests, the file is a plain source again only if the srcs still hold it.
    expect(index.owners('libs/a/fixtures/x.test.ts')).toEqual([]);
    expect(index.owners('libs/a/fixtures/data.json')).toEqual([{ target: 'libs/a', role: 'src' }]);
    expect(index.owners('libs/c/x.ts')).toEqual([{ target: 'libs/b', role: 'src' }]);
  });
});

describe('OwnershipIndex.isGlobalInput', () => {
  const index = OwnershipIndex.build(
    workspace({}, ['tsconfig.base.json', '.nvmrc', 'config/*.json', 'tools/ci/**']),
  );

  it('matches plain paths exactly and globs as globs', () => {
    expect(index.isGlobalInput('tsconfig.base.json')).toBe(true);
    expect(index.isGlobalInput('.nvmrc')).toBe(true);
    expect(index.isGlobalInput('.nvmrc.bak')).toBe(false);
    expect(index.isGlobalInput('libs/a/tsconfig.base.json')).toBe(false);
    expect(index.isGlobalInput('config/a.json')).toBe(true);
    expect(index.isGlobalInput('config/.hidden.json')).toBe(true);
    expect(index.isGlobalInput('config/a/b.json')).toBe(false);
    expect(index.isGlobalInput('tools/ci/x/y.sh')).toBe(true);
    expect(index.isGlobalInput('tools/cix')).toBe(false);
  });

  it('is false for everything when there are none', () => {
    expect(OwnershipIndex.build(workspace({})).isGlobalInput('anything')).toBe(false);
  });
});

describe('glob matching agrees with picomatch', () => {
  it('compileGlob, string comparisons included, on every glob and path of the grid', () => {
    for (const glob of globs.filter((g) => g !== '')) {
      const expected = picomatch(glob, { dot: true, windows: false });
      const test = compileGlob(glob);
      for (const path of [...paths, `${glob}/x`, glob]) {
        expect(test(path), `${glob} on ${path}`).toBe(expected(path));
      }
    }
  });

  it.each(modes)('for every glob and path (%s)', (mode, options) => {
    const match = (glob: string) => picomatch(glob, { dot: true, windows: false });
    for (const glob of globs) {
      // picomatch throws on ''; an empty glob (rejected in BUILD.json anyway) matches nothing.
      // A negation takes back from the globs before it: `**` here.
      const negated = glob.startsWith('!');
      const expected =
        glob === ''
          ? () => false
          : negated
            ? (path: string) => match('**')(path) && !match(glob.slice(1))(path)
            : match(glob);
      const srcs = negated ? ['**', glob] : [glob];
      const index = OwnershipIndex.build(workspace({ t: { srcs } }), options);
      for (const path of paths) {
        const owned = index.owners(path).length === 1;
        expect(owned, `${mode}: ${glob} on ${path}`).toBe(expected(path));
      }
    }
  });

  it('switches from scanning to the index without changing answers', () => {
    const index = OwnershipIndex.build(
      workspace({ t: { srcs: ['a/**'], tests: ['a/**/*.test.ts'] } }),
      {
        indexAfter: 2,
      },
    );
    const answers = ['a/x.ts', 'a/x.test.ts', 'a/x.ts', 'a/x.test.ts', 'b/x.ts'].map((p) =>
      index.owners(p),
    );
    expect(answers.map((owners) => owners.map((o) => o.role).join())).toEqual([
      'src',
      'test',
      'src',
      'test',
      '',
    ]);
  });
});

describe('OwnershipIndex at scale', () => {
  it('answers on 10,000 targets (speed is measured by bench:affected)', () => {
    const targets: Record<string, { srcs: string[]; tests: string[] }> = {};
    for (let i = 0; i < 10_000; i++) {
      targets[`libs/t${i}`] = {
        srcs: [`libs/t${i}/src/**`],
        tests: [`libs/t${i}/test/**/*.test.ts`],
      };
    }
    const index = OwnershipIndex.build(workspace(targets));
    for (let i = 0; i < 10_000; i += 10) {
      expect(index.owners(`libs/t${i}/test/deep/x.test.ts`)).toEqual([
        { target: `libs/t${i}`, role: 'test' },
      ]);
    }
  });
});
