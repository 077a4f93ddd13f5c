import { describe, expect, it } from 'vitest';
import { findOverlappingSrcs, parseBuildFile } from '../src/index.ts';

const buildFile = parseBuildFile(
  `{
  "version": 1,
  "targets": {
    "libs/a": { "kind": "lib", "srcs": ["libs/a/**"] },
    "libs/b": { "kind": "lib", "srcs": ["libs/b/**", "libs/a/shared/*.ts"] },
    "libs/c": { "kind": "lib", "srcs": ["libs/c/**"], "tests": ["libs/a/**/*.test.ts"] },
    "libs/d": { "kind": "lib", "srcs": ["libs/a/shared/x.ts", "libs/d/**"] }
  }
}
`,
  'BUILD.json',
);

/** `count` targets whose srcs all claim the same files (the srcs of each, `srcs(i)`). */
function overlapping(count: number, srcs: (i: number) => string[]) {
  const targets: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) targets[`libs/t${i}`] = { kind: 'lib', srcs: srcs(i) };
  return parseBuildFile(JSON.stringify({ version: 1, targets }, null, 1), 'BUILD.json');
}

describe('findOverlappingSrcs', () => {
  it('warns once per target whose srcs claim files of earlier targets, at its srcs', () => {
    const files = ['libs/a/index.ts', 'libs/a/shared/x.ts', 'libs/a/shared/y.ts', 'libs/b/b.ts'];
    const warnings = findOverlappingSrcs(buildFile, files);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      "5:40 the srcs of 'libs/b' also claim 2 files that earlier targets claim ('libs/a/shared/x.ts', which 'libs/a' claims, ...)",
      "7:40 the srcs of 'libs/d' also claim 'libs/a/shared/x.ts', which 'libs/a' claims",
    ]);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      file: 'BUILD.json',
      code: 'overlappingSrcs',
    });
  });

  it('reads negations in order: a file taken back is not claimed', () => {
    const negating = parseBuildFile(
      JSON.stringify(
        {
          version: 1,
          targets: {
            'libs/a': { kind: 'lib', srcs: ['libs/a/**', '!libs/a/shared/**'] },
            'libs/b': { kind: 'lib', srcs: ['libs/a/shared/**', 'libs/b/**'] },
            'libs/c': { kind: 'lib', srcs: ['libs/**', '!libs/a/**', 'libs/a/shared/y.ts'] },
          },
        },
        null,
        1,
      ),
      'BUILD.json',
    );
    const files = ['libs/a/index.ts', 'libs/a/shared/x.ts', 'libs/a/shared/y.ts', 'libs/b/b.ts'];
    expect(findOverlappingSrcs(negating, files).map((w) => w.message)).toEqual([
      "the srcs of 'libs/c' also claim 2 files that earlier targets claim ('libs/a/shared/y.ts', which 'libs/b' claims, ...)",
    ]);
  });

  it('leaves tests globs out, and is quiet without overlap', () => {
    expect(findOverlappingSrcs(buildFile, ['libs/a/a.test.ts', 'libs/c/c.ts'])).toEqual([]);
    expect(findOverlappingSrcs(buildFile, [])).toEqual([]);
  });

  it('stays linear when every target claims every file: five warnings and a count', () => {
    // One pair of targets per warning was 117 MB of output at 1,000 targets.
    const all = overlapping(2000, () => ['libs/**']);
    const files = Array.from({ length: 2000 }, (_, i) => `libs/t${i}/src/index.ts`);
    const warnings = findOverlappingSrcs(all, files);
    expect(warnings.map((w) => `${w.line} ${w.message}`)).toEqual([
      ...[1, 2, 3, 4, 5].map(
        (i) =>
          `${6 + 6 * i} the srcs of 'libs/t${i}' also claim 2,000 files that earlier targets claim ('libs/t0/src/index.ts', which 'libs/t0' claims, ...)`,
      ),
      '42 1,994 more targets whose srcs claim files of earlier targets not listed, the first of them here',
    ]);
    expect(warnings[5]).toMatchObject({ code: 'overlappingSrcs', omitted: 1994 });
  });

  it('merges owners per group of files, also when globs differ', () => {
    const mixed = overlapping(3, (i) => [`libs/t${i}/**`, i === 2 ? 'libs/**/*.ts' : `x${i}`]);
    const files = ['libs/t0/a.ts', 'libs/t0/b.ts', 'libs/t1/a.js', 'libs/t1/b.ts'];
    expect(findOverlappingSrcs(mixed, files).map((w) => w.message)).toEqual([
      "the srcs of 'libs/t2' also claim 3 files that earlier targets claim ('libs/t0/a.ts', which 'libs/t0' claims, ...)",
    ]);
  });

  it('stops at its budget with one warning saying so', () => {
    const many = overlapping(300, (i) => [`**/x${i}*`]);
    const files = Array.from({ length: 1000 }, (_, i) => `src/f${i}.ts`);
    const warnings = findOverlappingSrcs(many, files, { budget: 400_000 });
    expect(warnings.map((w) => [w.code, w.line, w.column, w.message])).toEqual([
      [
        'checkSkipped',
        1,
        1,
        'the check for files claimed by two targets was skipped: matching 300 globs against 1,000 files takes more than the work allowed (it stopped after 16 of them)',
      ],
    ]);
    expect(findOverlappingSrcs(many, files, { budget: 10_000_000 })).toEqual([]);
  });
});
