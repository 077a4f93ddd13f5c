import { describe, expect, it } from 'vitest';
import { findOverlappingSrcs, parseBuildFile } from '../src/index.ts';

const buildFile = parseBuildFile(
  `{
  "version": 1,
  "targets": {
    "libs/a": { "kind": "lib", "srcs": ["libs/a/**"] },
    "libs/b": { "kind": "lib", "srcs": ["libs/b/**", "libs/a/shared/*.ts"] },
    "libs/c": { "kind": "lib", "srcs": ["libs/c/**"], "tests": ["libs/a/**/*.test.ts"] }
  }
}
`,
  'BUILD.json',
);

describe('findOverlappingSrcs', () => {
  it('warns once per pair of targets whose srcs claim the same files, at the later one', () => {
    const files = ['libs/a/index.ts', 'libs/a/shared/x.ts', 'libs/a/shared/y.ts', 'libs/b/b.ts'];
    const warnings = findOverlappingSrcs(buildFile, files);
    expect(warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      "5:40 the srcs of 'libs/b' and 'libs/a' both claim 2 files (libs/a/shared/x.ts, ...)",
    ]);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: 'BUILD.json' });
  });

  it('leaves tests globs out, and is quiet without overlap', () => {
    expect(findOverlappingSrcs(buildFile, ['libs/a/a.test.ts', 'libs/c/c.ts'])).toEqual([]);
    expect(findOverlappingSrcs(buildFile, [])).toEqual([]);
  });
});
