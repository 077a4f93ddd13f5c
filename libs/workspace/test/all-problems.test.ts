import { formatDiagnostic, isMainlineError, type MainlineError } from '@mainline/core';
import { describe, expect, it } from 'vitest';
import { parseBuildFile } from '../src/index.ts';
import { countKeysInText, countKeysOfValid } from '../src/duplicate-keys.ts';
import { short } from './helpers.ts';

const broken = `{
  "version": 1,
  "globalInputs": ["package-lock.json", "/abs"],
  "targets": {
    "libs/a": { "kind": "lib", "srcs": ["libs/a/src/**"], "deps": ["libs/b", "libs/zz"] },
    "libs/b": { "kind": "library", "srcs": ["libs/b/src/**"], "deps": ["libs/a"], "owner": "me" },
    "libs/c": { "srcs": "libs/c/**", "deps": ["libs/c", "libs/a", "libs/a"] },
    "libs/a": { "kind": "lib", "srcs": ["libs/a/src/**"], "deps": ["libs/b", "libs/zz"] }
  }
}
`;

describe('an invalid BUILD.json', () => {
  it('reports every problem at once, in file order', () => {
    let error: unknown;
    try {
      parseBuildFile(broken, 'BUILD.json');
    } catch (caught) {
      error = caught;
    }
    expect(isMainlineError(error)).toBe(true);
    const invalid = error as MainlineError;
    expect(invalid.code).toBe('buildFileInvalid');
    expect(invalid.diagnostics.map(short)).toEqual([
      '3:20 package-lock.json cannot be a global input: mainline diffs the lockfile semantically',
      "3:41 globalInputs[1] '/abs' is absolute",
      "6:25 'kind' of target 'libs/b' must be one of lib, property, tool (found \"library\")",
      "6:83 unknown field 'owner' in target 'libs/b'",
      "7:5 target 'libs/c' is missing required field 'kind'",
      "7:25 'srcs' of target 'libs/c' must be an array (found a string)",
      "7:47 target 'libs/c' depends on itself",
      "7:67 target 'libs/c' lists dep 'libs/a' more than once",
      "8:5 target 'libs/a' is declared twice (first at line 5)",
      '8:68 dependency cycle: libs/a -> libs/b -> libs/a',
      "8:78 target 'libs/a' depends on unknown target 'libs/zz'",
    ]);
    expect(invalid.message).toBe('BUILD.json is invalid (11 problems)');
    expect(invalid.hint).toContain('"$schema"');
    expect(
      invalid.diagnostics.every((d) => d.severity === 'error' && d.file === 'BUILD.json'),
    ).toBe(true);
    expect(invalid.diagnostics.every((d) => d.hint !== undefined && d.hint.length > 0)).toBe(true);
    expect(formatDiagnostic(invalid.diagnostics[10] as (typeof invalid.diagnostics)[number])).toBe(
      "BUILD.json:8:78: error: target 'libs/a' depends on unknown target 'libs/zz'\n  hint: did you mean 'libs/a'?",
    );
  });

  it('says "1 problem" and uses the display path given', () => {
    try {
      parseBuildFile('{"version": 1}', 'sub/BUILD.json');
      expect.unreachable();
    } catch (error) {
      expect((error as MainlineError).message).toBe('sub/BUILD.json is invalid (1 problem)');
      expect((error as MainlineError).diagnostics[0]?.file).toBe('sub/BUILD.json');
    }
  });
});

/** Every key JSON.parse kept, however deep. */
function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  const own = Array.isArray(value) ? 0 : children.length;
  return children.reduce((sum: number, child) => sum + countKeys(child), own);
}

describe('counting keys to detect duplicates cheaply', () => {
  it('matches the keys JSON.parse kept when there are no duplicates', () => {
    const texts = [
      '{}',
      '[{"a": 1}, {"b": [{"c": {"d": null}}]}]',
      '{"a\\\\": "b\\\\", "c": "d: 1", "e" : {"f":"g:h"}}',
      '{ "x" \n\t:\r\n 1, "y": ["k:", "l: 2", "https://x"] }',
      '"just a string"',
      '{"__proto__": 1, "constructor": {"toString": 2}}',
    ];
    for (const text of texts) expect(countKeysInText(text)).toBe(countKeys(JSON.parse(text)));
  });

  it('may overcount an escaped quote before a colon, never undercount', () => {
    const text = '{"a": "\\": 1", "b\\"": 2}';
    expect(countKeys(JSON.parse(text))).toBe(2);
    expect(countKeysInText(text)).toBe(3);
    // Then the syntax tree decides: no duplicate, so the file is fine.
    const build = '{"version": 1, "targets": {"a\\":": {"kind": "lib", "srcs": ["\\" :x"]}}}';
    expect(parseBuildFile(build, 'BUILD.json').workspace.targets.has('a":')).toBe(true);
  });

  it('counts the keys of a valid document without walking its arrays', () => {
    const json = {
      $schema: 's',
      version: 1,
      targets: {
        a: { kind: 'lib', srcs: [], deps: [] },
        b: { kind: 'tool', srcs: [], entry: 'e', tests: [] },
      },
    } as const;
    expect(countKeysOfValid(json, Object.keys(json.targets))).toBe(countKeys(json));
  });

  it('sees the repeated key JSON.parse drops', () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}}';
    expect(countKeysInText(text)).toBe(4);
    expect(countKeys(JSON.parse(text))).toBe(3);
  });
});
