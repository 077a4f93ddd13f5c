import { describe, expect, it } from 'vitest';
import { parseBuildFile } from '../src/index.ts';
import { onlyProblem, problemsOf, short } from './helpers.ts';

function expectValid(text: string): void {
  expect(() => parseBuildFile(text, 'BUILD.json')).not.toThrow();
}

/** One target per line, so positions read off the test: line 4 is the first target. */
function file(targets: readonly string[], globalInputs?: string): string {
  const top = globalInputs === undefined ? '' : `  "globalInputs": ${globalInputs},\n`;
  return `{\n  "version": 1,\n${top}  "targets": {\n${targets.map((t) => `    ${t}`).join(',\n')}\n  }\n}\n`;
}

describe('deps', () => {
  it('reports a dep on an unknown target and suggests the near miss', () => {
    const text = file([
      '"libs/graph": { "kind": "lib", "srcs": [] }',
      '"libs/cli": { "kind": "lib", "srcs": [], "deps": ["libs/grahp"] }',
    ]);
    const problem = onlyProblem(text);
    expect(short(problem)).toBe("5:55 target 'libs/cli' depends on unknown target 'libs/grahp'");
    expect(problem.hint).toBe("did you mean 'libs/graph'?");
  });

  it('says how to fix an unknown dep without a near miss', () => {
    const text = file(['"a": { "kind": "lib", "srcs": [], "deps": ["libs/elsewhere"] }']);
    expect(onlyProblem(text).hint).toBe(
      `declare 'libs/elsewhere' in "targets", or remove it from the deps`,
    );
  });

  it('reports a target depending on itself', () => {
    const problem = onlyProblem(file(['"a": { "kind": "lib", "srcs": [], "deps": ["a"] }']));
    expect(short(problem)).toBe("4:48 target 'a' depends on itself");
    expect(problem.hint).toBe("remove 'a' from its deps");
  });

  it('reports a repeated dep at its second mention', () => {
    const text = file([
      '"a": { "kind": "lib", "srcs": [], "deps": ["b", "b"] }',
      '"b": { "kind": "lib", "srcs": [] }',
    ]);
    const problem = onlyProblem(text);
    expect(short(problem)).toBe("4:53 target 'a' lists dep 'b' more than once");
    expect(problem.hint).toBe('remove the repeated entry');
  });

  it('prints each dependency cycle as a path, at its first edge', () => {
    const text = file([
      '"a": { "kind": "lib", "srcs": [], "deps": ["b"] }',
      '"b": { "kind": "lib", "srcs": [], "deps": ["d", "c"] }',
      '"c": { "kind": "lib", "srcs": [], "deps": ["a"] }',
      '"d": { "kind": "lib", "srcs": [] }',
      '"x": { "kind": "lib", "srcs": [], "deps": ["y", "d"] }',
      '"y": { "kind": "lib", "srcs": [], "deps": ["x"] }',
    ]);
    const problems = problemsOf(text);
    expect(problems.map(short)).toEqual([
      '4:48 dependency cycle: a -> b -> c -> a',
      '8:48 dependency cycle: x -> y -> x',
    ]);
    expect(problems[0]?.hint).toContain('remove one dep of the cycle');
  });

  it('accepts a diamond, which is no cycle', () => {
    const text = file([
      '"a": { "kind": "lib", "srcs": [], "deps": ["b", "c"] }',
      '"b": { "kind": "lib", "srcs": [], "deps": ["d"] }',
      '"c": { "kind": "lib", "srcs": [], "deps": ["d"] }',
      '"d": { "kind": "lib", "srcs": [] }',
    ]);
    expectValid(text);
  });
});

describe('duplicate keys', () => {
  it('reports a target declared twice, which JSON.parse would hide', () => {
    const text = file([
      '"a": { "kind": "lib", "srcs": ["a/**"] }',
      '"b": { "kind": "lib", "srcs": [] }',
      '"a": { "kind": "tool", "srcs": ["x/**"] }',
    ]);
    const problem = onlyProblem(text);
    expect(short(problem)).toBe("6:5 target 'a' is declared twice (first at line 4)");
    expect(problem.hint).toContain('JSON keeps only the last one');
  });

  it('reports the problems of the declaration the later one hides, where they are', () => {
    const text = file([
      '"a": { "kind": "lib", "srcs": ["a/**"], "colour": "red" }',
      '"b": { "kind": "lib", "srcs": [] }',
      '"a": { "kind": "lib", "srcs": ["a/**"] }',
      '"c": { "kind": "lib" }',
      '"c": { "kind": "lib", "srcs": [] }',
    ]);
    expect(problemsOf(text).map(short)).toEqual([
      "4:45 unknown field 'colour' in target 'a'",
      "6:5 target 'a' is declared twice (first at line 4)",
      "7:5 target 'c' is missing required field 'srcs'",
      "8:5 target 'c' is declared twice (first at line 7)",
    ]);
  });

  it('reports repeated fields in a target and at the top level', () => {
    const text = `{\n  "version": 1,\n  "version": 1,\n  "targets": {\n    "a": { "kind": "lib", "srcs": [], "srcs": ["a/**"] }\n  }\n}`;
    expect(problemsOf(text).map(short)).toEqual([
      "3:3 field 'version' appears twice at the top level (first at line 2)",
      "5:39 field 'srcs' appears twice in target 'a' (first at line 5)",
    ]);
  });

  it('is not fooled by keys inside strings or escaped quotes', () => {
    const text = file([
      '"a\\":b": { "kind": "lib", "srcs": ["\\"x\\": 1"], "tests": ["\\"srcs\\":"] }',
      '"x": { "kind": "lib", "srcs": [], "deps": ["a\\":b"] }',
    ]).replace('{', '{ "$schema": "s\\\\",');
    expectValid(text);
    // A repeated key makes the counts differ: the walk then reads the same strings.
    const repeated = text.replace(
      '"kind": "lib", "srcs": []',
      '"kind": "lib", "kind": "lib", "srcs": []',
    );
    expect(problemsOf(repeated).map(short)).toEqual([
      "5:27 field 'kind' appears twice in target 'x' (first at line 5)",
    ]);
  });
});

describe('globs', () => {
  it('rejects absolute, backslashed and escaping globs in every list', () => {
    const text = file(
      [
        '"a": { "kind": "lib", "srcs": ["/libs/a/**"], "tests": ["libs\\\\a\\\\*.test.ts"] }',
        '"b": { "kind": "lib", "srcs": ["../other/**", "libs/b/../../x"], "tests": ["C:/b/**"] }',
      ],
      '["tsconfig.json", "/etc/passwd"]',
    );
    const problems = problemsOf(text);
    expect(problems.map(short)).toEqual([
      "3:37 globalInputs[1] '/etc/passwd' is absolute",
      "5:36 srcs[0] of target 'a' '/libs/a/**' is absolute",
      "5:61 tests[0] of target 'a' 'libs\\a\\*.test.ts' contains '\\'",
      "6:36 srcs[0] of target 'b' '../other/**' escapes the repository with '..'",
      "6:51 srcs[1] of target 'b' 'libs/b/../../x' escapes the repository with '..'",
      "6:80 tests[0] of target 'b' 'C:/b/**' is absolute",
    ]);
    expect(problems.map((p) => p.hint)).toEqual([
      "globs are relative to the repository root: write 'etc/passwd'",
      "globs are relative to the repository root: write 'libs/a/**'",
      "use / as the path separator: 'libs/a/*.test.ts'",
      'globs must stay inside the repository',
      'globs must stay inside the repository',
      "globs are relative to the repository root: write 'b/**'",
    ]);
  });

  it('rejects empty, misplaced negations and unnormalized globs', () => {
    const text = file(['"a": { "kind": "lib", "srcs": ["!a/x.ts", "", "./a/**", "a/"] }']);
    const problems = problemsOf(text);
    expect(problems.map(short)).toEqual([
      "4:36 srcs[0] of target 'a' '!a/x.ts' negates nothing: no glob before it matches a file to take back",
      "4:47 srcs[1] of target 'a' '' is empty",
      "4:51 srcs[2] of target 'a' './a/**' is not a normalized path (it has './', '//' or a trailing '/')",
      "4:61 srcs[3] of target 'a' 'a/' is not a normalized path (it has './', '//' or a trailing '/')",
    ]);
    expect(problems[0]?.hint).toBe(
      "put it after the globs it narrows, e.g. ['src/**', '!src/**/*.test.ts']",
    );
    expect(problems[2]?.hint).toBe("write 'a/**'");
    expect(problems[3]?.hint).toBe("to match a folder's files write 'a/**'");
  });

  it('accepts a negation after a glob in srcs and tests, holding its pattern to the same rules', () => {
    expectValid(
      file([
        '"a": { "kind": "lib", "srcs": ["a/**", "!a/**/*.test.ts", "a/keep.test.ts"], "tests": ["a/**/*.test.ts", "!a/fixtures/**"] }',
      ]),
    );
    const text = file([
      '"a": { "kind": "lib", "srcs": ["a/**", "!!a/x.ts", "!./a/y", "!"], "tests": ["a/**", "!*(a)"] }',
    ]);
    expect(problemsOf(text).map(short)).toEqual([
      "4:44 srcs[1] of target 'a' '!!a/x.ts' negates twice ('!!')",
      "4:56 srcs[2] of target 'a' '!./a/y' is not a normalized path (it has './', '//' or a trailing '/')",
      "4:66 srcs[3] of target 'a' '!' is a '!' alone",
      "4:90 tests[1] of target 'a' '!*(a)' uses extglob syntax ('*(', '+(', '?(', '@(' or '!('), whose matching can take exponential time",
    ]);
  });

  it('refuses a negation in globalInputs, a plain union', () => {
    const text = JSON.stringify({ version: 1, globalInputs: ['*.md', '!x.md'], targets: {} });
    expect(problemsOf(text).map(short)).toEqual([
      "1:37 globalInputs[1] '!x.md' is negated, which only srcs and tests accept",
    ]);
  });

  it('accepts globs with dots, spaces and non-ASCII names', () => {
    const text = file([
      '"a": { "kind": "lib", "srcs": [".github/**", "a/.config/*.json", "a/my dir/ü.ts", "a/..b/x"] }',
    ]);
    expectValid(text);
  });
});

describe('the lockfile', () => {
  it('refuses package-lock.json as a global input', () => {
    const problem = onlyProblem(file([], '["tsconfig.json", "package-lock.json"]'));
    expect(short(problem)).toBe(
      '3:37 package-lock.json cannot be a global input: mainline diffs the lockfile semantically',
    );
    expect(problem.hint).toMatch(/^remove it/);
  });

  it('refuses a global input glob that takes the lockfile in', () => {
    const problem = onlyProblem(file([], '["*.json"]'));
    expect(short(problem)).toBe(
      "3:20 globalInputs glob '*.json' matches package-lock.json, which mainline diffs semantically",
    );
    expectValid(file([], '["tsconfig*.json", "libs/package-lock.json"]'));
  });
});

describe('entry', () => {
  it('must be matched by the target srcs', () => {
    const text = file([
      '"cli": { "kind": "property", "srcs": ["cli/src/**"], "entry": "cli/main.ts" }',
      '"ok": { "kind": "tool", "srcs": ["ok/src/**", "ok/bin.ts"], "entry": "ok/bin.ts" }',
    ]);
    const problem = onlyProblem(text);
    expect(short(problem)).toBe(
      "4:67 entry 'cli/main.ts' of target 'cli' is not matched by its srcs",
    );
    expect(problem.hint).toBe('fix the path, or add a srcs glob that covers it');
  });
});
