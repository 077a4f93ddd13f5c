import { describe, expect, it } from 'vitest';
import {
  checkStrictDeps,
  type StrictDepsInput,
  strictDepsDiagnostics,
  type WorkspacePackage,
} from '../../src/build/index.ts';
import { ownersOf, workspaceOf } from './fixture.ts';

const workspace = workspaceOf({
  'libs/a': {},
  'libs/b': { deps: ['libs/a'] },
  'libs/c': {},
  'libs/web': { kind: 'property', deps: ['libs/b'] },
});
const owners = ownersOf(workspace);

function pkg(name: string, target: string): [string, WorkspacePackage] {
  return [
    name,
    {
      name,
      target,
      dir: target,
      entry: `${target}/src/index.ts`,
      hasExports: true,
      subpaths: new Map(),
      patterns: [],
    },
  ];
}
const packages = new Map([pkg('@x/a', 'libs/a'), pkg('@x/b', 'libs/b'), pkg('@x/c', 'libs/c')]);

const existing = new Set([
  'libs/a/src/index.ts',
  'libs/a/src/util.ts',
  'libs/c/src/index.ts',
  'libs/c/src/deep/index.ts',
  'libs/c/src/helper.ts',
  'libs/c/test/fixtures.ts',
  'types/global.d.ts',
]);

function check(target: string, files: Record<string, string>): ReturnType<typeof checkStrictDeps> {
  const spec = workspace.targets.get(target);
  if (spec === undefined) throw new Error(target);
  const input: StrictDepsInput = {
    target: spec,
    files: Object.entries(files).map(([path, text]) => ({ path, text })),
    owners,
    exists: (path) => existing.has(path),
    packages,
  };
  return checkStrictDeps(input);
}

describe('checkStrictDeps', () => {
  it('accepts imports of itself, its deps, third-party packages and builtins', () => {
    expect(
      check('libs/b', {
        'libs/b/src/index.ts': [
          "import { a } from '@x/a';",
          "import { util } from '../../a/src/util.ts';",
          "import { own } from './own.ts';",
          "import { self } from '@x/b';",
          "import ms from 'ms';",
          "import { join } from 'node:path';",
          "import g from '../../../types/global';",
          "import outside from '../../../../outside.ts';",
        ].join('\n'),
        'libs/b/test/b.test.ts': "import { b } from '../src/index.ts';",
      }),
    ).toEqual([]);
  });

  it('finds package and relative imports of undeclared targets, with positions', () => {
    const source = [
      "import { a } from '@x/a';",
      "import type { C } from '@x/c';",
      'export { helper } from "../../c/src/helper";',
      'const lazy = () => import(`@x/c/sub`);',
      "const deep = require('../../c/src/deep');",
      "  import '../../c/test/fixtures.js';",
    ].join('\n');
    const violations = check('libs/b', { 'libs/b/src/index.ts': source });
    expect(violations.map((v) => [v.line, v.column, v.specifier, v.owner, v.missingDep])).toEqual([
      [2, 24, '@x/c', 'libs/c', 'libs/c'],
      [3, 24, '../../c/src/helper', 'libs/c', 'libs/c'],
      [4, 27, '@x/c/sub', 'libs/c', 'libs/c'],
      [5, 22, '../../c/src/deep', 'libs/c', 'libs/c'],
      [6, 10, '../../c/test/fixtures.js', 'libs/c', 'libs/c'],
    ]);
    for (const v of violations) {
      const line = source.split('\n')[v.line - 1] ?? '';
      expect(line.slice(v.column)).toMatch(new RegExp(`^${v.specifier.replace(/[.]/g, '\\.')}`));
      expect(v).toMatchObject({ target: 'libs/b', file: 'libs/b/src/index.ts' });
    }
  });

  it('does not count deps of deps: a property must declare what it imports', () => {
    const violations = check('libs/web', {
      'libs/web/src/main.ts': "import { b } from '@x/b';\nimport { a } from '@x/a';\n",
    });
    expect(violations.map((v) => [v.specifier, v.missingDep])).toEqual([['@x/a', 'libs/a']]);
  });

  it('ignores text that only looks like an import', () => {
    const source = [
      "// import { c } from '@x/c';",
      'const s = "import { c } from \'@x/c\'";',
      "const t = `require('@x/c')`;",
    ].join('\n');
    expect(check('libs/b', { 'libs/b/src/index.ts': source })).toEqual([]);
  });

  it('turns violations into diagnostics that name the dep to add', () => {
    const violations = check('libs/a', { 'libs/a/src/index.ts': "\nimport { c } from '@x/c';" });
    expect(strictDepsDiagnostics(violations)).toEqual([
      {
        severity: 'error',
        file: 'libs/a/src/index.ts',
        line: 2,
        column: 19,
        message: "'@x/c' belongs to libs/c, which is not a dep of libs/a",
        hint: 'add "libs/c" to the deps of libs/a in BUILD.json',
      },
    ]);
  });

  it('checks a thousand files, one violation each', () => {
    const text = `${"import { a } from '@x/a';\nimport { c } from '../../c/src/helper.ts';\n"}${'export const x = 1;\n'.repeat(200)}`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`libs/b/src/f${i}.ts`] = text;
    const violations = check('libs/b', files);
    expect(violations).toHaveLength(1000);
  });
});
