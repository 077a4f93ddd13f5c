import { describe, expect, it } from 'vitest';
import { findDanglingPaths, parseBuildFile } from '../src/index.ts';

const text = `{
  "version": 1,
  "globalInputs": ["tsconfig.base.json", ".nvmrc", "config/*.yml"],
  "targets": {
    "libs/a": {
      "kind": "lib",
      "srcs": ["libs/a/src/**", "libs/a/assets/*.svg"],
      "tests": ["libs/a/test/**/*.test.ts"]
    },
    "libs/moved": { "kind": "lib", "srcs": ["libs/old-place/src/**"], "tests": ["nowhere/**"] },
    "libs/b": { "kind": "lib", "srcs": ["libs/b/src/**"] }
  }
}
`;

describe('findDanglingPaths', () => {
  const buildFile = parseBuildFile(text, 'BUILD.json');

  it('warns about srcs globs and global inputs that match no file, at the glob', () => {
    const files = [
      'tsconfig.base.json',
      'libs/a/src/index.ts',
      'libs/a/assets/logo.png',
      'libs/b/src/.gitkeep',
      'libs/old-place-2/src/x.ts',
    ];
    const warnings = findDanglingPaths(buildFile, files);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      "3:42 globalInputs entry '.nvmrc' matches no file",
      "3:52 globalInputs entry 'config/*.yml' matches no file",
      "7:33 srcs glob 'libs/a/assets/*.svg' of target 'libs/a' matches no file",
      "8:17 tests glob 'libs/a/test/**/*.test.ts' of target 'libs/a' matches no file",
      "10:45 srcs glob 'libs/old-place/src/**' of target 'libs/moved' matches no file",
      "10:81 tests glob 'nowhere/**' of target 'libs/moved' matches no file",
    ]);
    expect(warnings[5]?.hint).toBe(
      'fix the glob (tests moved, or named otherwise?), or remove it until the target has tests',
    );
    expect(warnings.every((w) => w.severity === 'warning' && w.file === 'BUILD.json')).toBe(true);
    expect(warnings[2]?.hint).toBe('fix the glob (a moved folder?) or remove it');
    expect(warnings[0]?.hint).toBe('fix the path or remove it');
  });

  it('is quiet when everything matches, and leaves negations alone', () => {
    const files = [
      'tsconfig.base.json',
      '.nvmrc',
      'config/ci.yml',
      'libs/a/src/index.ts',
      'libs/a/test/a.test.ts',
      'nowhere/x.test.ts',
      'libs/a/assets/logo.svg',
      'libs/old-place/src/x.ts',
      'libs/b/src/x.ts',
    ];
    expect(findDanglingPaths(buildFile, files)).toEqual([]);
    const negating = parseBuildFile(
      '{"version": 1, "targets": {"a": {"kind": "lib", "srcs": ["a/**", "!a/gen/**"], "tests": ["a/**/*.test.ts", "!a/old/**"]}}}',
      'BUILD.json',
    );
    expect(findDanglingPaths(negating, ['a/x.ts', 'a/x.test.ts'])).toEqual([]);
  });

  it('warns about an entry that is not a file, at the entry', () => {
    const withEntry = parseBuildFile(
      `{"version": 1, "targets": {"app": {"kind": "property", "srcs": ["app/**"],\n "entry": "app/main.ts"}}}`,
      'BUILD.json',
    );
    const [warning, ...others] = findDanglingPaths(withEntry, ['app/index.ts']);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({
      severity: 'warning',
      line: 2,
      message: "entry 'app/main.ts' of target 'app' is not a file",
    });
    expect(findDanglingPaths(withEntry, ['app/main.ts'])).toEqual([]);
  });

  it('warns about everything when there are no files: five, then how many more', () => {
    const warnings = findDanglingPaths(buildFile, []);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      "3:20 globalInputs entry 'tsconfig.base.json' matches no file",
      "3:42 globalInputs entry '.nvmrc' matches no file",
      "3:52 globalInputs entry 'config/*.yml' matches no file",
      "7:16 srcs glob 'libs/a/src/**' of target 'libs/a' matches no file",
      "7:33 srcs glob 'libs/a/assets/*.svg' of target 'libs/a' matches no file",
      '8:17 4 more paths that match no file not listed, the first of them here',
    ]);
    expect(warnings.map((w) => w.code)).toEqual([...Array(6).fill('danglingPath')]);
    expect(warnings[5]?.omitted).toBe(4);
  });

  it('tests each glob written in many targets once, until it matches', () => {
    const targets: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++)
      targets[`t${i}`] = { kind: 'lib', srcs: ['shared/**', `t${i}/**`] };
    const many = parseBuildFile(JSON.stringify({ version: 1, targets }), 'BUILD.json');
    const files = Array.from({ length: 2000 }, (_, i) => `t${i}/index.ts`).concat('shared/x.ts');
    expect(findDanglingPaths(many, files, { budget: 10_000 })).toEqual([]);
    const warnings = findDanglingPaths(many, files.slice(0, 1000));
    expect(warnings).toHaveLength(6);
    expect(warnings[5]?.message).toBe(
      '2,995 more paths that match no file not listed, the first of them here',
    );
  });

  it('stops at its budget with one warning saying so, and still checks entries', () => {
    const targets: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) targets[`t${i}`] = { kind: 'lib', srcs: [`**/nothing${i}*`] };
    targets.app = { kind: 'property', srcs: ['**/nothing0*', 'app/**'], entry: 'app/main.ts' };
    const many = parseBuildFile(JSON.stringify({ version: 1, targets }), 'BUILD.json');
    const files = Array.from({ length: 1000 }, (_, i) => `src/f${i}.ts`);
    const warnings = findDanglingPaths(many, files, { budget: 400_000 });
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      [
        'checkSkipped',
        1,
        'the check for globs that match no file was skipped: matching 301 globs against 1,000 files takes more than the work allowed (it stopped after 16 of them)',
      ],
      ['danglingPath', 1, "entry 'app/main.ts' of target 'app' is not a file"],
    ]);
    expect(findDanglingPaths(many, files, { budget: 10_000_000 })).toHaveLength(6);
  });
});
