import { describe, expect, it } from 'vitest';
import { parseBuildFile } from '../src/index.ts';
import { onlyProblem, problemsOf, short } from './helpers.ts';

describe('schema violations', () => {
  it('requires version and targets', () => {
    const problems = problemsOf('{\n  "globalInputs": []\n}');
    expect(problems.map(short)).toEqual([
      "1:1 missing required top-level field 'version'",
      "1:1 missing required top-level field 'targets'",
    ]);
    expect(problems.map((p) => p.hint)).toEqual([
      'add "version": 1',
      'add "targets": {} and declare each target in it',
    ]);
  });

  it('checks timeouts: whole milliseconds, test and file only', () => {
    const of = (timeouts: unknown) =>
      JSON.stringify({ version: 1, targets: { a: { kind: 'lib', srcs: ['a/**'], timeouts } } });
    expect(
      parseBuildFile(of({ test: 1000, file: 60_000 }), 'BUILD.json').workspace.targets.get('a')
        ?.timeouts,
    ).toEqual({ test: 1000, file: 60_000 });
    const unknown = onlyProblem(of({ tset: 5 }));
    expect(unknown.message).toBe("unknown field 'tset' in 'timeouts' of target 'a'");
    expect(unknown.hint).toBe("did you mean 'test'? allowed fields: test, file (milliseconds)");
    expect(onlyProblem(of({ file: 1.5 })).message).toContain('must be an integer');
    expect(onlyProblem(of({ test: 0 })).message).toContain('must be >= 1');
  });

  it('accepts only version 1', () => {
    const problem = onlyProblem('{\n  "version": 2,\n  "targets": {}\n}');
    expect(short(problem)).toBe("2:14 'version' must be 1 (found 2)");
    expect(problem.hint).toBe('1 is the only BUILD.json version this mainline reads');
    expect(short(onlyProblem('{"version": "1", "targets": {}}'))).toBe(
      `1:13 'version' must be 1 (found "1")`,
    );
  });

  it('names unknown top-level fields and suggests the near miss', () => {
    const problem = onlyProblem('{\n  "version": 1,\n  "targets": {},\n  "globalInput": []\n}');
    expect(short(problem)).toBe("4:3 unknown top-level field 'globalInput'");
    expect(problem.hint).toBe(
      "did you mean 'globalInputs'? allowed fields: $schema, version, globalInputs, targets",
    );
  });

  it('checks the types of top-level fields', () => {
    const text =
      '{\n  "$schema": 3,\n  "version": 1,\n  "globalInputs": ".nvmrc",\n  "targets": []\n}';
    expect(problemsOf(text).map(short)).toEqual([
      "2:14 '$schema' must be a string (found a number)",
      "4:19 'globalInputs' must be an array (found a string)",
      "5:14 'targets' must be an object (found an array)",
    ]);
    expect(short(onlyProblem('{"version": 1, "targets": {}, "globalInputs": ["a", 7]}'))).toBe(
      '1:53 globalInputs[1] must be a string (found a number)',
    );
  });

  it('wants an object at the top level', () => {
    const problem = onlyProblem('[]');
    expect(short(problem)).toBe('1:1 the top level must be an object (found an array)');
    expect(problem.hint).toContain('"version": 1');
  });

  it('requires kind and srcs, pointing at the target name', () => {
    const text = '{\n  "version": 1,\n  "targets": {\n    "libs/a": { "deps": [] }\n  }\n}';
    const problems = problemsOf(text);
    expect(problems.map(short)).toEqual([
      "4:5 target 'libs/a' is missing required field 'kind'",
      "4:5 target 'libs/a' is missing required field 'srcs'",
    ]);
    expect(problems[1]?.hint).toBe(
      'add "srcs" with the globs of its sources, e.g. ["libs/a/src/**"]',
    );
  });

  it('names unknown target fields with the allowed ones', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "targets": {',
      '    "libs/a": { "kind": "lib", "srcs": [], "dep": ["libs/b"], "flaky": true },',
      '    "libs/b": { "kind": "lib", "srcs": [] }',
      '  }',
      '}',
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.map(short)).toEqual([
      "4:44 unknown field 'dep' in target 'libs/a'",
      "4:63 unknown field 'flaky' in target 'libs/a'",
    ]);
    expect(problems.map((p) => p.hint)).toEqual([
      "did you mean 'deps'? allowed fields: kind, srcs, tests, deps, testDeps, entry, timeouts, testRunner",
      'allowed fields: kind, srcs, tests, deps, testDeps, entry, timeouts, testRunner',
    ]);
  });

  it('suggests the kind meant', () => {
    const text = '{"version": 1, "targets": {"a": {"kind": "library", "srcs": []}}}';
    const problem = onlyProblem(text);
    expect(short(problem)).toBe(
      `1:42 'kind' of target 'a' must be one of lib, property, tool (found "library")`,
    );
    expect(problem.hint).toBe("did you mean 'lib'?");
    const far = onlyProblem('{"version": 1, "targets": {"a": {"kind": 1, "srcs": []}}}');
    expect(far.hint).toBe('lib: a library; property: a deployable product; tool: an internal tool');
  });

  it('checks the types of target fields', () => {
    const text = [
      '{',
      '  "version": 1,',
      '  "targets": {',
      '    "a": {',
      '      "kind": "lib",',
      '      "srcs": "a/src/**",',
      '      "tests": ["a/test/**", null],',
      '      "deps": {},',
      '      "entry": ["a/main.ts"]',
      '    },',
      '    "b": "lib"',
      '  }',
      '}',
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.map(short)).toEqual([
      "6:15 'srcs' of target 'a' must be an array (found a string)",
      "7:30 tests[1] of target 'a' must be a string (found null)",
      "8:15 'deps' of target 'a' must be an array (found an object)",
      "9:16 'entry' of target 'a' must be a string (found an array)",
      "11:10 target 'b' must be an object (found a string)",
    ]);
    expect(problems.map((p) => p.hint)).toEqual([
      'srcs is a list of globs, e.g. ["a/src/**"]',
      'tests is a list of globs, e.g. ["a/test/**/*.test.ts"]',
      'deps is a list of target names, e.g. ["libs/core"]',
      'entry is the bundle entry file, e.g. "a/src/main.ts"',
      'a target is an object, e.g. {"kind": "lib", "srcs": ["b/src/**"]}',
    ]);
  });

  it('handles target names that need escaping in JSON pointers', () => {
    const text = '{"version": 1, "targets": {"a/~b": {"kind": "lib", "srcs": [1]}}}';
    expect(short(onlyProblem(text))).toBe(
      "1:61 srcs[0] of target 'a/~b' must be a string (found a number)",
    );
  });
});
